import { DEFAULT_SCHEME_POLICY, initialState, type OffenderState } from '@ppo/domain';
import { OFFENDER_COMMAND_FORMS } from '../../forms/offender-commands';
import { offenderActions, type ActionRights } from './offender-actions';

const registered: OffenderState = { ...initialState, registered: true, area: 'northumbria' };
const onScheme: OffenderState = { ...registered, onScheme: true, adoptedOn: '2026-07-01', contactsPerWeek: 4, strands: { active: ['rehabilitate-and-resettle'], current: 'rehabilitate-and-resettle' } };
const hrefs = (state: OffenderState, rights: ActionRights = { command: true, supervise: false }) => {
  const { primary, groups } = offenderActions('id', state, DEFAULT_SCHEME_POLICY, rights);
  return [primary, ...groups.flatMap((g) => g.actions)].filter((a) => a).map((a) => a!.href.replace('/offenders/id/', ''));
};

describe('What the offender page offers to do next', () => {
  it('offers adoption to supervisors only, and only to someone not on the scheme', () => {
    expect(hrefs(registered, { command: true, supervise: true })[0]).toBe('adopt-offender');
    expect(hrefs(registered)).not.toContain('adopt-offender');
    expect(hrefs(onScheme, { command: true, supervise: true })).not.toContain('adopt-offender');
    expect(hrefs(onScheme, { command: true, supervise: true })).toEqual(expect.arrayContaining(['change-strand', 'deselect-offender']));
  });

  it('offers contacts, lapses and fast-tracks on the scheme, release only from custody, and nothing to those who may not command', () => {
    expect(hrefs(registered)).not.toContain('record-contact');
    expect(hrefs(onScheme)).toEqual(expect.arrayContaining(['record-contact', 'record-lapse', 'fast-track-to-court', 'start-custody', 'reduce-contact-frequency']));
    const inCustody = hrefs({ ...onScheme, custody: { startedOn: '2026-10-01', remand: true } });
    expect(inCustody).toContain('release-from-custody');
    expect(inCustody).not.toContain('start-custody');
    expect(inCustody).not.toContain('fast-track-to-court');
    expect(hrefs(onScheme, { command: false, supervise: false })).toEqual([]);
  });

  it('offers little but new offending after deselection, and links open interventions and orders to their own forms', () => {
    const deselected = { ...registered, deselection: { deselectedOn: '2026-10-01', reason: 'moved-area' as const } };
    expect(hrefs(deselected)).toEqual(['record-conviction', 'record-arrest', 'record-harm-indicator']);
    const open = hrefs({
      ...onScheme,
      interventions: { i1: { name: 'Recovery group', startedOn: '2026-08-01' } },
      communityOrders: { o1: { startedOn: '2026-07-01', endsOn: '2027-07-01' } },
    });
    expect(open).toEqual(expect.arrayContaining(['complete-intervention?interventionId=i1', 'end-community-order?orderId=o1']));
  });

  it('offers the DPO restriction or its lifting, a legal hold or its release, erasure unless held, and the subject access copy; and no one else', () => {
    const dpo = { command: false, supervise: false, restrict: true, erase: true, subjectAccess: true };
    expect(hrefs(onScheme, dpo)).toEqual(['restrict-processing', 'place-legal-hold', 'erase-personal-data', 'subject-access']);
    expect(hrefs({ ...onScheme, restriction: { reason: 'Accuracy contested', since: '2026-11-01' } }, dpo)).toEqual(['lift-restriction', 'place-legal-hold', 'erase-personal-data', 'subject-access']);
    expect(hrefs({ ...onScheme, legalHold: { reason: 'Civil claim', since: '2026-11-01' } }, dpo)).toEqual(['restrict-processing', 'release-legal-hold', 'subject-access']);
    const caseworker = hrefs(onScheme, { command: true, supervise: true });
    expect(caseworker.filter((href) => ['restrict-processing', 'lift-restriction', 'place-legal-hold', 'erase-personal-data', 'subject-access'].includes(href))).toEqual([]);
  });

  it('offers nothing but the subject access copy once the personal data is erased', () => {
    const dpo = { command: true, supervise: true, restrict: true, erase: true, subjectAccess: true };
    expect(hrefs({ ...onScheme, erased: { erasedOn: '2026-11-01' } }, dpo)).toEqual(['subject-access']);
  });

  it('links only to forms that exist, each for those its form lets in', () => {
    const forms = new Map(OFFENDER_COMMAND_FORMS.map((f) => [f.slug, f.permission]));
    const all = { command: true, supervise: true, restrict: true, erase: true };
    const everything = [
      offenderActions('id', registered, DEFAULT_SCHEME_POLICY, all),
      offenderActions('id', { ...onScheme, restriction: { reason: 'Accuracy contested', since: '2026-11-01' } }, DEFAULT_SCHEME_POLICY, all),
      offenderActions('id', { ...onScheme, legalHold: { reason: 'Civil claim', since: '2026-11-01' } }, DEFAULT_SCHEME_POLICY, all),
      offenderActions('id', { ...onScheme, custody: { startedOn: '2026-10-01', remand: true }, interventions: { i1: { name: 'x', startedOn: '2026-08-01' } }, communityOrders: { o1: { startedOn: '2026-07-01', endsOn: '2027-07-01' } } }, DEFAULT_SCHEME_POLICY, all),
    ];
    const slugs = new Set(everything.flatMap(({ primary, groups }) => [primary, ...groups.flatMap((g) => g.actions)]).filter((a) => a).map((a) => a!.href.replace('/offenders/id/', '').replace(/\?.*/, '')));
    expect([...slugs].filter((slug) => !forms.has(slug))).toEqual([]);
    expect([...forms.keys()].filter((slug) => !slugs.has(slug))).toEqual([]);
    const supervisorOnly = (rights: { command: boolean; supervise: boolean }) =>
      [offenderActions('id', registered, DEFAULT_SCHEME_POLICY, rights), offenderActions('id', onScheme, DEFAULT_SCHEME_POLICY, rights)].flatMap(({ primary, groups }) => [primary, ...groups.flatMap((g) => g.actions)]).filter((a) => a).map((a) => forms.get(a!.href.replace('/offenders/id/', '').replace(/\?.*/, '')));
    expect(supervisorOnly({ command: true, supervise: false })).not.toContain('offender.supervise');
  });
});
