import type { OffenderState, SchemePolicy } from '@ppo/domain';
import { formatDate } from '../../shared/format';

/**
 * The command forms' addresses under /offenders/:offenderId/ (apps/api/src/web/forms/offender-commands):
 * named after each command's folder in libs/offenders/src/commands.
 */

/** A link to a command form on the offender page. */
export interface OffenderAction {
  text: string;
  href: string;
}

/** Actions grouped under a heading. */
export interface OffenderActionGroup {
  heading: string;
  actions: OffenderAction[];
}

/** What the signed-in user may do to offenders at all. */
export interface ActionRights {
  /** Day-to-day commands (`offender.command`). */
  command: boolean;
  /** Adoption, deselection and strand changes (`offender.supervise`). */
  supervise: boolean;
  /** Restricting processing and lifting it (`offender.restrict`, the DPO). */
  restrict?: boolean;
  /** Erasing personal data (`personal-data.erase`, the DPO). */
  erase?: boolean;
  /** The printable subject access copy (`subject.access`, the DPO). */
  subjectAccess?: boolean;
}

/**
 * The command forms this user may use on this offender, left out where the
 * offender's status makes a command pointless (the decider would refuse it):
 * adoption only when not on the scheme, contacts and lapses only on the
 * scheme, release only from custody, little but new offending after deselection;
 * for the DPO, restriction or its lifting as the record stands, and the subject access copy.
 * The forms themselves (another part of the service) enforce the rules; an
 * open intervention or order is picked on its form from `?interventionId=` or `?orderId=`.
 */
export function offenderActions(offenderId: string, state: OffenderState, policy: SchemePolicy, rights: ActionRights): { primary?: OffenderAction; groups: OffenderActionGroup[] } {
  const base = `/offenders/${offenderId}`;
  const link = (text: string, path: string): OffenderAction => ({ text, href: `${base}/${path}` });
  const { onScheme } = state;
  const inCustody = !!state.custody;
  const deselected = !!state.deselection && !onScheme;
  const groups: OffenderActionGroup[] = [];
  const group = (heading: string, actions: (OffenderAction | false | undefined)[]) => {
    const kept = actions.filter((a): a is OffenderAction => !!a);
    if (kept.length) groups.push({ heading, actions: kept });
  };

  // Nothing can be done to an erased record but read it: its history is all there is.
  const open = !state.erased;
  const primary = open && rights.supervise && !onScheme ? link(deselected ? 'Adopt onto the scheme again' : 'Adopt onto the scheme', 'adopt-offender') : undefined;
  if (open && rights.supervise) {
    group('The scheme', [onScheme && link('Change strand', 'change-strand'), onScheme && link('Deselect from the scheme', 'deselect-offender')]);
  }
  // The DPO's duties come last, whatever else the user may do.
  const withDataProtection = () => {
    group('Data protection', [
      open && rights.restrict && (state.restriction ? link('Lift the restriction', 'lift-restriction') : link('Restrict processing', 'restrict-processing')),
      open && rights.restrict && (state.legalHold ? link('Release the legal hold', 'release-legal-hold') : link('Place a legal hold', 'place-legal-hold')),
      open && rights.erase && !state.legalHold && link('Erase personal data', 'erase-personal-data'),
      rights.subjectAccess && link('Produce a subject access copy', 'subject-access'),
    ]);
    return { primary, groups };
  };
  if (!rights.command || !open) return withDataProtection();

  group('Supervision', [
    onScheme && link('Record a contact', 'record-contact'),
    onScheme && link(state.team ? 'Change the supervision team' : 'Assign a supervision team', 'assign-supervision-team'),
    onScheme && !inCustody && state.contactsPerWeek > policy.minimumContactsPerWeek && link('Reduce contact', 'reduce-contact-frequency'),
    onScheme && !inCustody && link('Increase contact', 'increase-contact-frequency'),
    onScheme && link('Record a review', 'complete-review'),
  ]);
  group('Lapses and court', [
    onScheme && link('Record a lapse', 'record-lapse'),
    onScheme && !inCustody && link('Fast-track to court', 'fast-track-to-court'),
    !deselected && link('Record a court outcome', 'record-court-outcome'),
    !deselected && !inCustody && link('Record custody', 'start-custody'),
    inCustody && link('Record release from custody', 'release-from-custody'),
  ]);
  group('Offending', [link('Record a conviction', 'record-conviction'), link('Record an arrest', 'record-arrest'), link('Record harm other than offending', 'record-harm-indicator')]);
  if (!deselected) {
    const openInterventions = Object.entries(state.interventions).filter(([, i]) => !i.completedOn);
    group('Needs and interventions', [
      link('Record a need', 'identify-need'),
      link('Start an intervention', 'start-intervention'),
      ...openInterventions.map(([id, i]) => link(`Record how ${i.name} ended`, `complete-intervention?interventionId=${encodeURIComponent(id)}`)),
    ]);
    const openOrders = Object.entries(state.communityOrders).filter(([, o]) => !o.endedOn);
    group('Community orders', [
      link('Record a community order', 'start-community-order'),
      ...openOrders.map(([id, o]) => link(`Record the end of the order due to end on ${formatDate(o.endsOn)}`, `end-community-order?orderId=${encodeURIComponent(id)}`)),
    ]);
  }
  return withDataProtection();
}
