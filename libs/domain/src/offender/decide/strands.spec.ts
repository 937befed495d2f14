import type { ChangeStrand } from '../offender.commands';
import type { OffenderEvent } from '../offender.events';
import { convictions, fastTracked, onScheme, registered, spec, strandChanged, today, tomorrow } from './fixtures';

const change = (strand: ChangeStrand['data']['strand'], kind: ChangeStrand['data']['change'], changedOn = '2026-06-10'): ChangeStrand => ({
  type: 'ChangeStrand',
  data: { strand, change: kind, changedOn, reason: 'Case conference' },
});
const changed = (command: ChangeStrand): OffenderEvent[] => [{ type: 'StrandChanged', data: command.data }];

/** On Rehabilitate and Resettle (current) with Catch and Convict running in parallel. */
const twoStrands: OffenderEvent[] = [...onScheme(), strandChanged('catch-and-convict', 'added')];

describe('changing strands', () => {
  it('Catch and Convict is added in parallel to Rehabilitate and Resettle', () => {
    const command = change('catch-and-convict', 'added');
    spec.given(onScheme()).when(command).then(changed(command));
  });

  it('a strand that is already active cannot be added again', () => {
    spec.given(onScheme()).when(change('rehabilitate-and-resettle', 'added')).thenRefuses('STRAND.ALREADY_ACTIVE', 'strand');
  });

  it('a parallel strand is made the current one', () => {
    const command = change('catch-and-convict', 'made-current');
    spec.given(twoStrands).when(command).then(changed(command));
  });

  it('the current strand cannot be made current again', () => {
    spec.given(twoStrands).when(change('rehabilitate-and-resettle', 'made-current')).thenRefuses('STRAND.ALREADY_ACTIVE', 'strand');
  });

  it('a strand the offender is not on cannot be made current: it must be added first', () => {
    spec.given(onScheme()).when(change('catch-and-convict', 'made-current')).thenRefuses('STRAND.NOT_ACTIVE', 'strand');
  });

  it('a parallel strand is ended', () => {
    const command = change('catch-and-convict', 'ended');
    spec.given(twoStrands).when(command).then(changed(command));
  });

  it('the current strand may be ended while another is active', () => {
    const command = change('rehabilitate-and-resettle', 'ended');
    spec.given(twoStrands).when(command).then(changed(command));
  });

  it('a strand the offender is not on cannot be ended', () => {
    spec.given(onScheme()).when(change('prevent-and-deter', 'ended')).thenRefuses('STRAND.NOT_ACTIVE', 'strand');
  });

  it('the last active strand cannot be ended: the offender is deselected instead', () => {
    spec.given(onScheme()).when(change('rehabilitate-and-resettle', 'ended')).thenRefuses('STRAND.LAST_ACTIVE', 'strand');
  });

  it('a fast-track puts the offender on Catch and Convict, so Rehabilitate and Resettle may then be ended', () => {
    const command = change('rehabilitate-and-resettle', 'ended');
    spec
      .given([...onScheme(), fastTracked('ft-1', '2026-06-01')])
      .when(command)
      .then(changed(command));
  });

  it('a fast-track already made Catch and Convict current, so making it current again is refused', () => {
    spec
      .given([...onScheme(), fastTracked('ft-1', '2026-06-01')])
      .when(change('catch-and-convict', 'made-current'))
      .thenRefuses('STRAND.ALREADY_ACTIVE', 'strand');
  });

  it('an ended strand can be added again', () => {
    const command = change('catch-and-convict', 'added', today);
    spec
      .given([...twoStrands, strandChanged('catch-and-convict', 'ended', '2026-04-01')])
      .when(command)
      .then(changed(command));
  });

  it('the strands of an offender who is not on the scheme cannot be changed', () => {
    spec.given([registered(), ...convictions(6)]).when(change('catch-and-convict', 'added')).thenRefuses('OFFENDER.NOT_ON_SCHEME');
  });

  it('a strand change dated in the future is refused', () => {
    spec.given(onScheme()).when(change('catch-and-convict', 'added', tomorrow)).thenRefuses('DATE.IN_FUTURE', 'changedOn');
  });
});
