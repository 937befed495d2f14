import { assessEligibility } from '../derived/eligibility';
import { DomainError } from '../errors/domain-error';
import type { SchemePolicy } from '../policy/scheme-policy';
import { addMonths, ageOn, daysBetween, latest, type IsoDate } from '../shared/dates';
import type { Strand } from '../shared/vocabulary';
import type { OffenderCommand, OffenderCommandType } from './offender.commands';
import type { OffenderEvent } from './offender.events';
import { happened, inOrder, isDeselected, requireNotInCustody, requireOnScheme } from './offender.guards';
import type { OffenderState } from './offender.state';
import { decideDataProtection, isDataProtectionCommand } from './offender.data-protection';
import { decideRectification, decideRetraction, type IdentifiedEvent } from './offender.corrections';

/** What the decider is told about the world: today's date where the scheme is, and the area's policy. */
export interface DecideContext {
  today: IsoDate;
  policy: SchemePolicy;
  /** The stream as recorded, with event ids, for corrections (which refer to earlier events). */
  history?: readonly IdentifiedEvent[];
}

/**
 * After deselection, only adoption, the facts that may justify it again, and
 * release (someone deselected for a long sentence is released one day) are accepted.
 */
const ACCEPTED_AFTER_DESELECTION: ReadonlySet<OffenderCommandType> = new Set([
  'AdoptOffender',
  'ReleaseFromCustody',
  'RecordConviction',
  'RecordArrest',
  'RecordHarmIndicator',
]);

/**
 * Decides what a command means for an offender: the events to append, or a
 * DomainError with a stable code. Pure: the clock and ids arrive as arguments.
 */
export function decide(command: OffenderCommand, state: OffenderState, context: DecideContext): OffenderEvent[] {
  const { today, policy } = context;
  if (command.type === 'RegisterOffender') {
    if (state.registered) throw new DomainError('OFFENDER.ALREADY_REGISTERED');
    const registeredOn = command.data.registeredOn ?? today;
    happened(registeredOn, today, 'registeredOn');
    happened(command.data.personal.dateOfBirth, today, 'dateOfBirth');
    return [{ type: 'OffenderRegistered', data: { ...command.data, registeredOn } }];
  }
  if (!state.registered) throw new DomainError('OFFENDER.NOT_REGISTERED');
  // Nothing is written about a person whose data is erased: their key is gone, and a new fact would be theirs.
  if (state.erased) throw new DomainError('OFFENDER.ERASED');
  // Data protection duties apply whatever the offender's standing, so they and corrections come before the deselection rule.
  if (isDataProtectionCommand(command)) return decideDataProtection(command, state, today);
  if (command.type === 'RetractEvent') {
    happened(command.data.retractedOn, today, 'retractedOn');
    return decideRetraction(command, context.history ?? [], state);
  }
  if (command.type === 'RectifyEvent') {
    happened(command.data.rectifiedOn, today, 'rectifiedOn');
    // The corrected fact must pass the rules it had to pass when first recorded (bar deselection, which it predates).
    return decideRectification(command, context.history ?? [], decide(command.data.correction, { ...state, deselection: undefined }, context));
  }
  if (isDeselected(state) && !ACCEPTED_AFTER_DESELECTION.has(command.type)) throw new DomainError('OFFENDER.DESELECTED');

  switch (command.type) {
    case 'RecordConviction': {
      const { offenceDate, convictionDate } = command.data;
      happened(offenceDate, today, 'offenceDate');
      happened(convictionDate, today, 'convictionDate');
      inOrder(offenceDate, convictionDate, 'offenceDate', 'The offence date is after the conviction date.');
      return [{ type: 'ConvictionRecorded', data: command.data }];
    }
    case 'RecordArrest':
      happened(command.data.arrestedOn, today, 'arrestedOn');
      return [{ type: 'ArrestRecorded', data: command.data }];
    case 'RecordHarmIndicator':
      happened(command.data.recordedOn, today, 'recordedOn');
      return [{ type: 'HarmIndicatorRecorded', data: command.data }];
    case 'AdoptOffender':
      return adopt(command.data, state, context);
    case 'AssignSupervisionTeam':
      requireOnScheme(state);
      happened(command.data.assignedOn, today, 'assignedOn');
      return [{ type: 'SupervisionTeamAssigned', data: command.data }];
    case 'RecordContact':
      requireOnScheme(state);
      happened(command.data.contactOn, today, 'contactOn');
      return [{ type: 'ContactRecorded', data: command.data }];
    case 'ReduceContactFrequency': {
      const { contactsPerWeek, effectiveOn } = command.data;
      requireOnScheme(state);
      requireNotInCustody(state);
      happened(effectiveOn, today, 'effectiveOn');
      if (contactsPerWeek >= state.contactsPerWeek) {
        throw new DomainError('CONTACT_FREQUENCY.NOT_LOWER', `Contact is already ${state.contactsPerWeek} a week.`, 'contactsPerWeek');
      }
      if (contactsPerWeek < policy.minimumContactsPerWeek) {
        throw new DomainError('CONTACT_FREQUENCY.BELOW_MINIMUM', `The minimum is ${policy.minimumContactsPerWeek} a week.`, 'contactsPerWeek');
      }
      const stableSince = latest(state.adoptedOn, ...state.lapses.map((l) => l.occurredOn)) ?? effectiveOn;
      const stableDays = daysBetween(stableSince, effectiveOn);
      if (stableDays < policy.stablePeriodDays) {
        throw new DomainError(
          'CONTACT_FREQUENCY.NOT_STABLE',
          `Stable for ${Math.max(stableDays, 0)} days since ${stableSince}; ${policy.stablePeriodDays} are needed.`,
        );
      }
      return [{ type: 'ContactFrequencyReduced', data: { ...command.data, previousContactsPerWeek: state.contactsPerWeek } }];
    }
    case 'IncreaseContactFrequency':
      requireOnScheme(state);
      requireNotInCustody(state);
      happened(command.data.effectiveOn, today, 'effectiveOn');
      if (command.data.contactsPerWeek <= state.contactsPerWeek) {
        throw new DomainError('CONTACT_FREQUENCY.NOT_HIGHER', `Contact is already ${state.contactsPerWeek} a week.`, 'contactsPerWeek');
      }
      return [{ type: 'ContactFrequencyIncreased', data: { ...command.data, previousContactsPerWeek: state.contactsPerWeek } }];
    case 'IdentifyNeed':
      happened(command.data.identifiedOn, today, 'identifiedOn');
      return [{ type: 'NeedIdentified', data: command.data }];
    case 'StartIntervention':
      happened(command.data.startedOn, today, 'startedOn');
      return [{ type: 'InterventionStarted', data: command.data }];
    case 'CompleteIntervention': {
      const intervention = state.interventions[command.data.interventionId];
      if (!intervention) throw new DomainError('INTERVENTION.NOT_FOUND');
      if (intervention.completedOn) throw new DomainError('INTERVENTION.ALREADY_COMPLETED');
      happened(command.data.completedOn, today, 'completedOn');
      inOrder(intervention.startedOn, command.data.completedOn, 'completedOn', 'The intervention cannot end before it started.');
      return [{ type: 'InterventionCompleted', data: command.data }];
    }
    case 'RecordLapse':
      requireOnScheme(state);
      happened(command.data.occurredOn, today, 'occurredOn');
      return [{ type: 'LapseOccurred', data: command.data }];
    case 'FastTrackToCourt': {
      const { lapseId, fastTrackedOn, hearingOn } = command.data;
      requireOnScheme(state);
      requireNotInCustody(state);
      happened(fastTrackedOn, today, 'fastTrackedOn');
      inOrder(fastTrackedOn, hearingOn, 'hearingOn', 'The hearing cannot be before the fast-track.');
      if (lapseId !== undefined) {
        const lapse = state.lapses.find((l) => l.lapseId === lapseId);
        if (!lapse) throw new DomainError('LAPSE.NOT_FOUND', undefined, 'lapseId');
        inOrder(lapse.occurredOn, fastTrackedOn, 'fastTrackedOn', 'The fast-track cannot be before the lapse it follows.');
      }
      return [{ type: 'FastTrackedToCourt', data: command.data }];
    }
    case 'RecordCourtOutcome':
      return recordCourtOutcome(command.data, state, today);
    case 'StartCustody':
      if (state.custody) throw new DomainError('OFFENDER.IN_CUSTODY');
      happened(command.data.startedOn, today, 'startedOn');
      return [{ type: 'CustodyStarted', data: command.data }];
    case 'ReleaseFromCustody':
      if (!state.custody) throw new DomainError('OFFENDER.NOT_IN_CUSTODY');
      happened(command.data.releasedOn, today, 'releasedOn');
      inOrder(state.custody.startedOn, command.data.releasedOn, 'releasedOn', 'Release cannot be before custody started.');
      return [{ type: 'ReleasedFromCustody', data: command.data }];
    case 'StartCommunityOrder':
      happened(command.data.startedOn, today, 'startedOn');
      inOrder(command.data.startedOn, command.data.endsOn, 'endsOn', 'The order cannot end before it starts.');
      return [{ type: 'CommunityOrderStarted', data: command.data }];
    case 'EndCommunityOrder': {
      const order = state.communityOrders[command.data.orderId];
      if (!order) throw new DomainError('COMMUNITY_ORDER.NOT_FOUND');
      if (order.endedOn) throw new DomainError('COMMUNITY_ORDER.ALREADY_ENDED');
      happened(command.data.endedOn, today, 'endedOn');
      inOrder(order.startedOn, command.data.endedOn, 'endedOn', 'The order cannot end before it started.');
      return [{ type: 'CommunityOrderEnded', data: command.data }];
    }
    case 'ChangeStrand':
      requireOnScheme(state);
      happened(command.data.changedOn, today, 'changedOn');
      checkStrandChange(command.data.strand, command.data.change, state);
      return [{ type: 'StrandChanged', data: command.data }];
    case 'CompleteReview': {
      requireOnScheme(state);
      const { reviewedOn } = command.data;
      happened(reviewedOn, today, 'reviewedOn');
      const nextReviewDue = command.data.nextReviewDue ?? addMonths(reviewedOn, policy.reviewIntervalMonths);
      if (nextReviewDue <= reviewedOn) {
        throw new DomainError('DATE.OUT_OF_ORDER', 'The next review must be after this one.', 'nextReviewDue');
      }
      return [{ type: 'ReviewCompleted', data: { ...command.data, nextReviewDue } }];
    }
    case 'DeselectOffender': {
      requireOnScheme(state);
      happened(command.data.deselectedOn, today, 'deselectedOn');
      const { reason, exitPlan } = command.data;
      if (reason !== 'deceased' && !exitPlan?.summary.trim()) {
        throw new DomainError('DESELECTION.EXIT_PLAN_REQUIRED', undefined, 'exitPlan');
      }
      return [{ type: 'OffenderDeselected', data: command.data }];
    }
    default: {
      const _: never = command;
      throw new Error(`Unknown command ${(_ as OffenderCommand).type}`);
    }
  }
}

function adopt(
  data: Extract<OffenderCommand, { type: 'AdoptOffender' }>['data'],
  state: OffenderState,
  { today, policy }: DecideContext,
): OffenderEvent[] {
  if (state.onScheme) throw new DomainError('OFFENDER.ALREADY_ON_SCHEME');
  const { adoptedOn } = data;
  happened(adoptedOn, today, 'adoptedOn');
  const young = state.personal !== undefined && ageOn(state.personal.dateOfBirth, adoptedOn) < policy.preventAndDeterUnderAge;
  const strand: Strand = data.strand ?? (young ? 'prevent-and-deter' : 'rehabilitate-and-resettle');
  if (young && strand !== 'prevent-and-deter') {
    throw new DomainError('ADOPTION.PREVENT_AND_DETER_FOR_UNDER_18', undefined, 'strand');
  }
  const { eligible } = assessEligibility(state, adoptedOn, policy.eligibility);
  const reason = data.reason?.trim() || undefined;
  if (!eligible && !reason) throw new DomainError('ADOPTION.REASON_REQUIRED', undefined, 'reason');
  return [
    {
      type: 'OffenderAdopted',
      data: { strand, adoptedOn, reason, criteriaMet: eligible, nextReviewDue: addMonths(adoptedOn, policy.reviewIntervalMonths) },
    },
    {
      type: 'ContactFrequencySet',
      data: { contactsPerWeek: policy.contactsPerWeekOnAdoption, reason: 'Set on adoption', effectiveOn: adoptedOn },
    },
  ];
}

function recordCourtOutcome(
  data: Extract<OffenderCommand, { type: 'RecordCourtOutcome' }>['data'],
  state: OffenderState,
  today: IsoDate,
): OffenderEvent[] {
  const { outcome, decidedOn, court, fastTrackId, currentStrand, custodyMonths, orderId, orderEndsOn } = data;
  happened(decidedOn, today, 'decidedOn');
  if (fastTrackId !== undefined && !state.fastTracks.some((f) => f.fastTrackId === fastTrackId)) {
    throw new DomainError('FAST_TRACK.NOT_FOUND', undefined, 'fastTrackId');
  }
  const recorded: OffenderEvent = {
    type: 'CourtOutcomeRecorded',
    data: { outcome, decidedOn, court, fastTrackId, currentStrand: outcome === 'custody' ? undefined : currentStrand },
  };
  if (outcome === 'custody') {
    if (custodyMonths === undefined) throw new DomainError('COURT_OUTCOME.DETAILS_REQUIRED', undefined, 'custodyMonths');
    // A sentence turns remand into custody under sentence; a second sentence while serving one is refused.
    if (state.custody && !state.custody.remand) throw new DomainError('OFFENDER.IN_CUSTODY');
    return [recorded, { type: 'CustodyStarted', data: { startedOn: decidedOn, sentenceMonths: custodyMonths, remand: false } }];
  }
  if (outcome === 'new-community-order') {
    if (orderId === undefined || orderEndsOn === undefined) {
      throw new DomainError('COURT_OUTCOME.DETAILS_REQUIRED', undefined, 'orderEndsOn');
    }
    inOrder(decidedOn, orderEndsOn, 'orderEndsOn', 'The order cannot end before it starts.');
    return [recorded, { type: 'CommunityOrderStarted', data: { orderId, startedOn: decidedOn, endsOn: orderEndsOn } }];
  }
  return [recorded];
}

function checkStrandChange(strand: Strand, change: 'added' | 'ended' | 'made-current', state: OffenderState): void {
  const active = state.strands.active.includes(strand);
  if (change === 'added' && active) throw new DomainError('STRAND.ALREADY_ACTIVE', undefined, 'strand');
  if (change === 'made-current') {
    if (!active) throw new DomainError('STRAND.NOT_ACTIVE', 'Add this strand before making it the current one.', 'strand');
    if (state.strands.current === strand) {
      throw new DomainError('STRAND.ALREADY_ACTIVE', 'This strand is already the current one.', 'strand');
    }
  }
  if (change === 'ended') {
    if (!active) throw new DomainError('STRAND.NOT_ACTIVE', undefined, 'strand');
    if (state.strands.active.length === 1) throw new DomainError('STRAND.LAST_ACTIVE', undefined, 'strand');
  }
}
