import type { OffenderEvent } from '../offender/offender.events';
import { foldOffender } from '../offender/offender.state';
import { custodyStarted, fastTracked, onScheme, registered, released, strandChanged } from '../offender/decide/fixtures';
import { NO_STRANDS, nextStrands, type StrandState } from './current-strand';

const resettling: StrandState = { active: ['rehabilitate-and-resettle'], current: 'rehabilitate-and-resettle' };
const caught: StrandState = { active: ['rehabilitate-and-resettle', 'catch-and-convict'], current: 'catch-and-convict' };

const courtOutcome = (outcome: 'order-continued' | 'order-varied' | 'custody' | 'new-community-order', currentStrand?: 'catch-and-convict' | 'prevent-and-deter' | 'rehabilitate-and-resettle'): OffenderEvent => ({
  type: 'CourtOutcomeRecorded',
  data: { outcome, decidedOn: '2026-06-01', court: 'Newcastle Magistrates', currentStrand },
});

describe('the current strand', () => {
  it('adoption puts the offender on the adopted strand alone, which is current', () => {
    const adoption: OffenderEvent = {
      type: 'OffenderAdopted',
      data: { strand: 'prevent-and-deter', adoptedOn: '2026-01-01', criteriaMet: false, reason: 'On the cusp', nextReviewDue: '2026-07-01' },
    };
    expect(nextStrands(caught, adoption)).toEqual({ active: ['prevent-and-deter'], current: 'prevent-and-deter' });
  });

  it('a fast-track makes Catch and Convict current, running in parallel with Rehabilitate and Resettle', () => {
    expect(nextStrands(resettling, fastTracked('ft-1', '2026-06-01'))).toEqual(caught);
  });

  it('custody makes Catch and Convict current', () => {
    expect(nextStrands(resettling, custodyStarted('2026-06-01', { remand: true }))).toEqual(caught);
  });

  it('a custodial sentence makes Catch and Convict current whatever strand the case worker named', () => {
    expect(nextStrands(resettling, courtOutcome('custody', 'rehabilitate-and-resettle'))).toEqual(caught);
  });

  it('a second fast-track does not list Catch and Convict twice', () => {
    expect(nextStrands(caught, fastTracked('ft-2', '2026-06-10'))).toEqual(caught);
  });

  it.each(['order-continued', 'order-varied', 'new-community-order'] as const)(
    'a court outcome of %s returns the offender to Rehabilitate and Resettle, keeping Catch and Convict active',
    (outcome) => {
      expect(nextStrands(caught, courtOutcome(outcome))).toEqual({
        active: ['rehabilitate-and-resettle', 'catch-and-convict'],
        current: 'rehabilitate-and-resettle',
      });
    },
  );

  it('a court outcome keeps Catch and Convict current when the case worker chose it', () => {
    expect(nextStrands(caught, courtOutcome('order-continued', 'catch-and-convict'))).toEqual(caught);
  });

  it('release from custody returns the offender to Rehabilitate and Resettle', () => {
    expect(nextStrands(caught, released('2026-06-01'))).toEqual({ ...caught, current: 'rehabilitate-and-resettle' });
  });

  it('release keeps Catch and Convict current when the case worker chose it', () => {
    expect(nextStrands(caught, released('2026-06-01', 'catch-and-convict'))).toEqual(caught);
  });

  it('release of someone who was only ever on Catch and Convict adds Rehabilitate and Resettle', () => {
    const onlyCaught: StrandState = { active: ['catch-and-convict'], current: 'catch-and-convict' };
    expect(nextStrands(onlyCaught, released('2026-06-01'))).toEqual({
      active: ['catch-and-convict', 'rehabilitate-and-resettle'],
      current: 'rehabilitate-and-resettle',
    });
  });

  it('an added strand runs in parallel and does not change the current one', () => {
    expect(nextStrands(resettling, strandChanged('catch-and-convict', 'added'))).toEqual({
      active: ['rehabilitate-and-resettle', 'catch-and-convict'],
      current: 'rehabilitate-and-resettle',
    });
  });

  it('an added strand becomes current when there was none', () => {
    expect(nextStrands(NO_STRANDS, strandChanged('catch-and-convict', 'added'))).toEqual({ active: ['catch-and-convict'], current: 'catch-and-convict' });
  });

  it('a strand made current becomes the current one', () => {
    expect(nextStrands({ ...caught, current: 'rehabilitate-and-resettle' }, strandChanged('catch-and-convict', 'made-current'))).toEqual(caught);
  });

  it('ending the current strand makes the first remaining active strand current', () => {
    expect(nextStrands(caught, strandChanged('catch-and-convict', 'ended'))).toEqual(resettling);
  });

  it('ending a parallel strand leaves the current one', () => {
    expect(nextStrands(caught, strandChanged('rehabilitate-and-resettle', 'ended'))).toEqual({
      active: ['catch-and-convict'],
      current: 'catch-and-convict',
    });
  });

  it('deselection takes the offender off every strand', () => {
    expect(nextStrands(caught, { type: 'OffenderDeselected', data: { deselectedOn: '2026-06-01', reason: 'deceased' } })).toBe(NO_STRANDS);
  });

  it('an event that says nothing about behaviour leaves the strands as they are', () => {
    const contact: OffenderEvent = { type: 'ContactRecorded', data: { contactOn: '2026-06-01', kind: 'phone', outcome: 'attended' } };
    expect(nextStrands(caught, contact)).toBe(caught);
  });
});

describe('strands in the folded state', () => {
  it('a fast-track, a custodial sentence and release move the offender between strands', () => {
    const history: OffenderEvent[] = [...onScheme(), fastTracked('ft-1', '2026-03-01')];
    expect(foldOffender(history).strands).toEqual(caught);
    const sentenced = [...history, courtOutcome('custody'), custodyStarted('2026-03-10', { sentenceMonths: 3 })];
    expect(foldOffender(sentenced).strands).toEqual(caught);
    expect(foldOffender([...sentenced, released('2026-06-01')]).strands).toEqual({ ...caught, current: 'rehabilitate-and-resettle' });
  });

  it('an offender who is registered but not on the scheme is on no strand, even in custody or before a court', () => {
    const state = foldOffender([registered(), custodyStarted('2026-03-01', { remand: true }), courtOutcome('order-continued'), released('2026-04-01')]);
    expect(state.onScheme).toBe(false);
    expect(state.strands).toEqual(NO_STRANDS);
  });

  it('an offender adopted while in custody starts on the adopted strand', () => {
    const state = foldOffender([
      registered(),
      custodyStarted('2026-01-01', { remand: true }),
      ...onScheme().filter((e) => e.type === 'OffenderAdopted' || e.type === 'ContactFrequencySet'),
    ]);
    expect(state.strands).toEqual(resettling);
  });
});
