/**
 * The command side's classes the forms need, in one place. `@ppo/offenders`
 * exports only its module and shared runner, so these are imported by path;
 * if the library comes to export them, only this file changes.
 */
export { commandContextOf } from '../../../../../../libs/offenders/src/shared/http/command-context.decorator';

export { AdoptOffenderCommand } from '../../../../../../libs/offenders/src/commands/adopt-offender/adopt-offender.command';
export { AdoptOffenderDto } from '../../../../../../libs/offenders/src/commands/adopt-offender/adopt-offender.dto';
export { AssignSupervisionTeamCommand } from '../../../../../../libs/offenders/src/commands/assign-supervision-team/assign-supervision-team.command';
export { AssignSupervisionTeamDto } from '../../../../../../libs/offenders/src/commands/assign-supervision-team/assign-supervision-team.dto';
export { ChangeStrandCommand } from '../../../../../../libs/offenders/src/commands/change-strand/change-strand.command';
export { ChangeStrandDto } from '../../../../../../libs/offenders/src/commands/change-strand/change-strand.dto';
export { CompleteInterventionCommand } from '../../../../../../libs/offenders/src/commands/complete-intervention/complete-intervention.command';
export { CompleteInterventionDto } from '../../../../../../libs/offenders/src/commands/complete-intervention/complete-intervention.dto';
export { CompleteReviewCommand } from '../../../../../../libs/offenders/src/commands/complete-review/complete-review.command';
export { CompleteReviewDto } from '../../../../../../libs/offenders/src/commands/complete-review/complete-review.dto';
export { DeselectOffenderCommand } from '../../../../../../libs/offenders/src/commands/deselect-offender/deselect-offender.command';
export { DeselectOffenderDto } from '../../../../../../libs/offenders/src/commands/deselect-offender/deselect-offender.dto';
export { EndCommunityOrderCommand } from '../../../../../../libs/offenders/src/commands/end-community-order/end-community-order.command';
export { EndCommunityOrderDto } from '../../../../../../libs/offenders/src/commands/end-community-order/end-community-order.dto';
export { FastTrackToCourtCommand } from '../../../../../../libs/offenders/src/commands/fast-track-to-court/fast-track-to-court.command';
export { FastTrackToCourtDto } from '../../../../../../libs/offenders/src/commands/fast-track-to-court/fast-track-to-court.dto';
export { IdentifyNeedCommand } from '../../../../../../libs/offenders/src/commands/identify-need/identify-need.command';
export { IdentifyNeedDto } from '../../../../../../libs/offenders/src/commands/identify-need/identify-need.dto';
export { IncreaseContactFrequencyCommand } from '../../../../../../libs/offenders/src/commands/increase-contact-frequency/increase-contact-frequency.command';
export { IncreaseContactFrequencyDto } from '../../../../../../libs/offenders/src/commands/increase-contact-frequency/increase-contact-frequency.dto';
export { RecordArrestCommand } from '../../../../../../libs/offenders/src/commands/record-arrest/record-arrest.command';
export { RecordArrestDto } from '../../../../../../libs/offenders/src/commands/record-arrest/record-arrest.dto';
export { RecordContactCommand } from '../../../../../../libs/offenders/src/commands/record-contact/record-contact.command';
export { RecordContactDto } from '../../../../../../libs/offenders/src/commands/record-contact/record-contact.dto';
export { RecordConvictionCommand } from '../../../../../../libs/offenders/src/commands/record-conviction/record-conviction.command';
export { RecordConvictionDto } from '../../../../../../libs/offenders/src/commands/record-conviction/record-conviction.dto';
export { RecordCourtOutcomeCommand } from '../../../../../../libs/offenders/src/commands/record-court-outcome/record-court-outcome.command';
export { RecordCourtOutcomeDto } from '../../../../../../libs/offenders/src/commands/record-court-outcome/record-court-outcome.dto';
export { RecordHarmIndicatorCommand } from '../../../../../../libs/offenders/src/commands/record-harm-indicator/record-harm-indicator.command';
export { RecordHarmIndicatorDto } from '../../../../../../libs/offenders/src/commands/record-harm-indicator/record-harm-indicator.dto';
export { RecordLapseCommand } from '../../../../../../libs/offenders/src/commands/record-lapse/record-lapse.command';
export { RecordLapseDto } from '../../../../../../libs/offenders/src/commands/record-lapse/record-lapse.dto';
export { ReduceContactFrequencyCommand } from '../../../../../../libs/offenders/src/commands/reduce-contact-frequency/reduce-contact-frequency.command';
export { ReduceContactFrequencyDto } from '../../../../../../libs/offenders/src/commands/reduce-contact-frequency/reduce-contact-frequency.dto';
export { RegisterOffenderCommand } from '../../../../../../libs/offenders/src/commands/register-offender/register-offender.command';
export { RegisterOffenderDto } from '../../../../../../libs/offenders/src/commands/register-offender/register-offender.dto';
export { ReleaseFromCustodyCommand } from '../../../../../../libs/offenders/src/commands/release-from-custody/release-from-custody.command';
export { ReleaseFromCustodyDto } from '../../../../../../libs/offenders/src/commands/release-from-custody/release-from-custody.dto';
export { StartCommunityOrderCommand } from '../../../../../../libs/offenders/src/commands/start-community-order/start-community-order.command';
export { StartCommunityOrderDto } from '../../../../../../libs/offenders/src/commands/start-community-order/start-community-order.dto';
export { StartCustodyCommand } from '../../../../../../libs/offenders/src/commands/start-custody/start-custody.command';
export { StartCustodyDto } from '../../../../../../libs/offenders/src/commands/start-custody/start-custody.dto';
export { StartInterventionCommand } from '../../../../../../libs/offenders/src/commands/start-intervention/start-intervention.command';
export { StartInterventionDto } from '../../../../../../libs/offenders/src/commands/start-intervention/start-intervention.dto';
