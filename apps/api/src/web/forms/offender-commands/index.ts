import type { CommandFormDefinition } from '../command-form/command-form';
import { adoptOffenderForm } from './adopt-offender.form';
import { assignSupervisionTeamForm } from './assign-supervision-team.form';
import { changeStrandForm } from './change-strand.form';
import { completeInterventionForm } from './complete-intervention.form';
import { completeReviewForm } from './complete-review.form';
import { deselectOffenderForm } from './deselect-offender.form';
import { endCommunityOrderForm } from './end-community-order.form';
import { fastTrackToCourtForm } from './fast-track-to-court.form';
import { identifyNeedForm } from './identify-need.form';
import { liftRestrictionForm } from './lift-restriction.form';
import { placeLegalHoldForm } from './place-legal-hold.form';
import { releaseLegalHoldForm } from './release-legal-hold.form';
import { erasePersonalDataForm } from './erase-personal-data.form';
import { increaseContactFrequencyForm } from './increase-contact-frequency.form';
import { recordArrestForm } from './record-arrest.form';
import { recordContactForm } from './record-contact.form';
import { recordConvictionForm } from './record-conviction.form';
import { recordCourtOutcomeForm } from './record-court-outcome.form';
import { recordHarmIndicatorForm } from './record-harm-indicator.form';
import { recordLapseForm } from './record-lapse.form';
import { reduceContactFrequencyForm } from './reduce-contact-frequency.form';
import { releaseFromCustodyForm } from './release-from-custody.form';
import { restrictProcessingForm } from './restrict-processing.form';
import { startCommunityOrderForm } from './start-community-order.form';
import { startCustodyForm } from './start-custody.form';
import { startInterventionForm } from './start-intervention.form';

/**
 * A form for every command on an existing offender, at
 * `/offenders/:offenderId/<slug>`, slug named after the command's folder in
 * libs/offenders/src/commands. Adoption, deselection and strand changes need
 * `offender.supervise`; restriction and lifting it `offender.restrict` (the
 * DPO); the rest `offender.command`. Corrections, made from one event of the
 * history, are in ../event-corrections.
 */
export const OFFENDER_COMMAND_FORMS: readonly CommandFormDefinition[] = [
  recordConvictionForm,
  recordArrestForm,
  recordHarmIndicatorForm,
  adoptOffenderForm,
  assignSupervisionTeamForm,
  recordContactForm,
  reduceContactFrequencyForm,
  increaseContactFrequencyForm,
  identifyNeedForm,
  startInterventionForm,
  completeInterventionForm,
  recordLapseForm,
  fastTrackToCourtForm,
  recordCourtOutcomeForm,
  startCustodyForm,
  releaseFromCustodyForm,
  startCommunityOrderForm,
  endCommunityOrderForm,
  completeReviewForm,
  changeStrandForm,
  deselectOffenderForm,
  restrictProcessingForm,
  liftRestrictionForm,
  placeLegalHoldForm,
  releaseLegalHoldForm,
  erasePersonalDataForm,
];
