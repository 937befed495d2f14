import type { OffenderEvent } from '@ppo/domain';
import { formatDate, perWeek, sentence, words } from './format';

/** An event in words, for the timeline and for "what changed" on a stale form. */
export interface EventDescription {
  /** A short heading: "Conviction recorded". */
  title: string;
  /** One or two sentences of what happened. */
  detail: string;
}

/** Describes an offender event in plain English, every kind of event. */
export function describeEvent(event: OffenderEvent): EventDescription {
  switch (event.type) {
    case 'OffenderRegistered': {
      const { personal, area, registeredOn } = event.data;
      return { title: 'Registered', detail: `${personal.givenName} ${personal.familyName} (CRN ${personal.crn}) registered in ${sentence(area)} on ${formatDate(registeredOn)}.` };
    }
    case 'ConvictionRecorded': {
      const d = event.data;
      return {
        title: 'Conviction recorded',
        detail: `Convicted of ${words(d.offence)} at ${d.court} on ${formatDate(d.convictionDate)} (offence on ${formatDate(d.offenceDate)})${d.sentence ? `; sentence: ${d.sentence}` : ''}.`,
      };
    }
    case 'ArrestRecorded':
      return { title: 'Arrest recorded', detail: `Arrested for ${words(event.data.offence)} on ${formatDate(event.data.arrestedOn)}.` };
    case 'HarmIndicatorRecorded':
      return {
        title: 'Harm indicator recorded',
        detail: `${sentence(event.data.indicator)}, recorded on ${formatDate(event.data.recordedOn)}${event.data.details ? `: ${event.data.details}` : ''}.`,
      };
    case 'OffenderAdopted': {
      const d = event.data;
      return {
        title: 'Adopted onto the scheme',
        detail: `Adopted on ${formatDate(d.adoptedOn)} in the ${words(d.strand)} strand${d.criteriaMet ? '' : `, by panel decision (criteria not met): ${d.reason ?? ''}`}. First review due ${formatDate(d.nextReviewDue)}.`,
      };
    }
    case 'SupervisionTeamAssigned':
      return { title: 'Supervision team assigned', detail: `${event.data.probationOfficer} (probation) and ${event.data.policeOfficer} (police), from ${formatDate(event.data.assignedOn)}.` };
    case 'ContactRecorded': {
      const d = event.data;
      return { title: 'Contact recorded', detail: `${sentence(d.kind)} on ${formatDate(d.contactOn)}: ${words(d.outcome)}${d.notes ? `. ${d.notes}` : ''}.` };
    }
    case 'ContactFrequencySet':
      return { title: 'Contact frequency set', detail: `${perWeek(event.data.contactsPerWeek)} from ${formatDate(event.data.effectiveOn)}: ${event.data.reason}.` };
    case 'ContactFrequencyReduced':
      return {
        title: 'Contact reduced',
        detail: `From ${perWeek(event.data.previousContactsPerWeek)} to ${perWeek(event.data.contactsPerWeek)} from ${formatDate(event.data.effectiveOn)}: ${event.data.reason}.`,
      };
    case 'ContactFrequencyIncreased':
      return {
        title: 'Contact increased',
        detail: `From ${perWeek(event.data.previousContactsPerWeek)} to ${perWeek(event.data.contactsPerWeek)} from ${formatDate(event.data.effectiveOn)}: ${event.data.reason}.`,
      };
    case 'NeedIdentified':
      return { title: 'Need identified', detail: `${sentence(event.data.need)}, identified on ${formatDate(event.data.identifiedOn)}${event.data.notes ? `: ${event.data.notes}` : ''}.` };
    case 'InterventionStarted': {
      const d = event.data;
      return { title: 'Intervention started', detail: `${d.name}${d.provider ? ` with ${d.provider}` : ''}${d.need ? ` for ${words(d.need)}` : ''}, from ${formatDate(d.startedOn)}.` };
    }
    case 'InterventionCompleted':
      return { title: 'Intervention ended', detail: `${sentence(event.data.result)} on ${formatDate(event.data.completedOn)}.` };
    case 'LapseOccurred': {
      const d = event.data;
      return { title: 'Lapse recorded', detail: `${sentence(d.severity)} lapse (${words(d.kind)}) on ${formatDate(d.occurredOn)}${d.notes ? `: ${d.notes}` : ''}.` };
    }
    case 'FastTrackedToCourt': {
      const d = event.data;
      return { title: 'Fast-tracked to court', detail: `On ${formatDate(d.fastTrackedOn)} to ${d.court}, hearing on ${formatDate(d.hearingOn)}: ${d.reason}.` };
    }
    case 'CourtOutcomeRecorded': {
      const d = event.data;
      return {
        title: 'Court outcome recorded',
        detail: `${sentence(d.outcome)} at ${d.court} on ${formatDate(d.decidedOn)}${d.currentStrand ? `; now in the ${words(d.currentStrand)} strand` : ''}.`,
      };
    }
    case 'CustodyStarted': {
      const d = event.data;
      return { title: 'Went into custody', detail: `${d.remand ? 'Remanded' : `Sentenced to ${d.sentenceMonths} months`} on ${formatDate(d.startedOn)}.` };
    }
    case 'ReleasedFromCustody':
      return {
        title: 'Released from custody',
        detail: `On ${formatDate(event.data.releasedOn)}${event.data.currentStrand ? `, into the ${words(event.data.currentStrand)} strand` : ''}.`,
      };
    case 'CommunityOrderStarted': {
      const d = event.data;
      return { title: 'Community order started', detail: `From ${formatDate(d.startedOn)} to ${formatDate(d.endsOn)}${d.requirements ? `: ${d.requirements}` : ''}.` };
    }
    case 'CommunityOrderEnded':
      return { title: 'Community order ended', detail: `${sentence(event.data.reason)} on ${formatDate(event.data.endedOn)}.` };
    case 'StrandChanged': {
      const d = event.data;
      return { title: 'Strand changed', detail: `${sentence(d.change)}: ${words(d.strand)}, on ${formatDate(d.changedOn)}: ${d.reason}.` };
    }
    case 'ReviewCompleted': {
      const d = event.data;
      return { title: 'Review completed', detail: `${sentence(d.decision)} on ${formatDate(d.reviewedOn)}; next review due ${formatDate(d.nextReviewDue)}${d.notes ? `. ${d.notes}` : ''}.` };
    }
    case 'OffenderDeselected': {
      const d = event.data;
      const support = d.exitPlan?.voluntarySupport.length ? ` Voluntary support: ${d.exitPlan.voluntarySupport.join(', ')}.` : '';
      return { title: 'Left the scheme', detail: `Deselected on ${formatDate(d.deselectedOn)}: ${words(d.reason)}.${d.exitPlan ? ` Exit plan: ${d.exitPlan.summary}.` : ''}${support}` };
    }
    case 'ProcessingRestricted':
      return { title: 'Processing restricted', detail: `From ${formatDate(event.data.restrictedOn)}: ${event.data.reason}.` };
    case 'RestrictionLifted':
      return { title: 'Restriction lifted', detail: `On ${formatDate(event.data.liftedOn)}: ${event.data.reason}.` };
    case 'PersonalDataErased':
      return { title: 'Personal data erased', detail: `Erased on ${formatDate(event.data.erasedOn)}: ${words(event.data.ground)}. Personal details in this history now read [erased].` };
    case 'LegalHoldPlaced':
      return { title: 'Legal hold placed', detail: `From ${formatDate(event.data.placedOn)}: ${event.data.reason}.` };
    case 'LegalHoldReleased':
      return { title: 'Legal hold released', detail: `On ${formatDate(event.data.releasedOn)}: ${event.data.reason}.` };
    case 'EventRetracted':
      return { title: 'Correction: an entry was retracted', detail: `Recorded in error, retracted on ${formatDate(event.data.retractedOn)}: ${event.data.reason}.` };
    case 'EventRectified': {
      const corrected = describeEvent(event.data.corrected);
      return { title: 'Correction: an entry was rectified', detail: `Corrected on ${formatDate(event.data.rectifiedOn)} (${event.data.reason}) to: ${corrected.detail}` };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
