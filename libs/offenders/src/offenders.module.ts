import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ppo/event-store';
import type { SchemePolicies } from '@ppo/domain';
import { AdoptOffenderController } from './commands/adopt-offender/adopt-offender.controller';
import { AdoptOffenderHandler } from './commands/adopt-offender/adopt-offender.handler';
import { AssignSupervisionTeamController } from './commands/assign-supervision-team/assign-supervision-team.controller';
import { AssignSupervisionTeamHandler } from './commands/assign-supervision-team/assign-supervision-team.handler';
import { ChangeStrandController } from './commands/change-strand/change-strand.controller';
import { ChangeStrandHandler } from './commands/change-strand/change-strand.handler';
import { CompleteInterventionController } from './commands/complete-intervention/complete-intervention.controller';
import { CompleteInterventionHandler } from './commands/complete-intervention/complete-intervention.handler';
import { CompleteReviewController } from './commands/complete-review/complete-review.controller';
import { CompleteReviewHandler } from './commands/complete-review/complete-review.handler';
import { DeselectOffenderController } from './commands/deselect-offender/deselect-offender.controller';
import { DeselectOffenderHandler } from './commands/deselect-offender/deselect-offender.handler';
import { EndCommunityOrderController } from './commands/end-community-order/end-community-order.controller';
import { EndCommunityOrderHandler } from './commands/end-community-order/end-community-order.handler';
import { FastTrackToCourtController } from './commands/fast-track-to-court/fast-track-to-court.controller';
import { FastTrackToCourtHandler } from './commands/fast-track-to-court/fast-track-to-court.handler';
import { IdentifyNeedController } from './commands/identify-need/identify-need.controller';
import { IdentifyNeedHandler } from './commands/identify-need/identify-need.handler';
import { IncreaseContactFrequencyController } from './commands/increase-contact-frequency/increase-contact-frequency.controller';
import { IncreaseContactFrequencyHandler } from './commands/increase-contact-frequency/increase-contact-frequency.handler';
import { RecordArrestController } from './commands/record-arrest/record-arrest.controller';
import { RecordArrestHandler } from './commands/record-arrest/record-arrest.handler';
import { RecordContactController } from './commands/record-contact/record-contact.controller';
import { RecordContactHandler } from './commands/record-contact/record-contact.handler';
import { RecordConvictionController } from './commands/record-conviction/record-conviction.controller';
import { RecordConvictionHandler } from './commands/record-conviction/record-conviction.handler';
import { RecordCourtOutcomeController } from './commands/record-court-outcome/record-court-outcome.controller';
import { RecordCourtOutcomeHandler } from './commands/record-court-outcome/record-court-outcome.handler';
import { RecordHarmIndicatorController } from './commands/record-harm-indicator/record-harm-indicator.controller';
import { RecordHarmIndicatorHandler } from './commands/record-harm-indicator/record-harm-indicator.handler';
import { RecordLapseController } from './commands/record-lapse/record-lapse.controller';
import { RecordLapseHandler } from './commands/record-lapse/record-lapse.handler';
import { ReduceContactFrequencyController } from './commands/reduce-contact-frequency/reduce-contact-frequency.controller';
import { ReduceContactFrequencyHandler } from './commands/reduce-contact-frequency/reduce-contact-frequency.handler';
import { RegisterOffenderController } from './commands/register-offender/register-offender.controller';
import { RegisterOffenderHandler } from './commands/register-offender/register-offender.handler';
import { ReleaseFromCustodyController } from './commands/release-from-custody/release-from-custody.controller';
import { ReleaseFromCustodyHandler } from './commands/release-from-custody/release-from-custody.handler';
import { StartCommunityOrderController } from './commands/start-community-order/start-community-order.controller';
import { StartCommunityOrderHandler } from './commands/start-community-order/start-community-order.handler';
import { StartCustodyController } from './commands/start-custody/start-custody.controller';
import { StartCustodyHandler } from './commands/start-custody/start-custody.handler';
import { StartInterventionController } from './commands/start-intervention/start-intervention.controller';
import { StartInterventionHandler } from './commands/start-intervention/start-intervention.handler';
import { GetOffenderController } from './queries/get-offender/get-offender.controller';
import { GetOffenderHandler } from './queries/get-offender/get-offender.handler';
import { ErasePersonalDataController } from './commands/erase-personal-data/erase-personal-data.controller';
import { ErasePersonalDataHandler } from './commands/erase-personal-data/erase-personal-data.handler';
import { PlaceLegalHoldController } from './commands/place-legal-hold/place-legal-hold.controller';
import { PlaceLegalHoldHandler } from './commands/place-legal-hold/place-legal-hold.handler';
import { ReleaseLegalHoldController } from './commands/release-legal-hold/release-legal-hold.controller';
import { ReleaseLegalHoldHandler } from './commands/release-legal-hold/release-legal-hold.handler';
import { LiftRestrictionController } from './commands/lift-restriction/lift-restriction.controller';
import { LiftRestrictionHandler } from './commands/lift-restriction/lift-restriction.handler';
import { RestrictProcessingController } from './commands/restrict-processing/restrict-processing.controller';
import { RestrictProcessingHandler } from './commands/restrict-processing/restrict-processing.handler';
import { RectifyEventController } from './commands/rectify-event/rectify-event.controller';
import { RectifyEventHandler } from './commands/rectify-event/rectify-event.handler';
import { RetractEventController } from './commands/retract-event/retract-event.controller';
import { RetractEventHandler } from './commands/retract-event/retract-event.handler';
import { GetOffenderStateAtController } from './queries/get-offender-state-at/get-offender-state-at.controller';
import { GetOffenderStateAtHandler } from './queries/get-offender-state-at/get-offender-state-at.handler';
import { GetOffenderEventsController } from './queries/get-offender-events/get-offender-events.controller';
import { GetOffenderEventsHandler } from './queries/get-offender-events/get-offender-events.handler';
import { CLOCK, type Clock } from './shared/clock';
import { OFFENDER_AREAS } from '@ppo/auth';
import { OffenderAreasFromStreams } from './shared/offender-areas';
import { OffenderCache } from './shared/offender-cache';
import { OffenderCommandRunner } from './shared/offender-command-runner';
import { SCHEME_POLICIES } from './shared/scheme-policies';

/** What the offender journey needs from its host: a clock and the scheme policies in force. */
export interface OffendersModuleOptions {
  clock: Clock;
  policies: SchemePolicies;
}

const controllers = [
  RegisterOffenderController,
  AdoptOffenderController,
  AssignSupervisionTeamController,
  ChangeStrandController,
  CompleteInterventionController,
  CompleteReviewController,
  DeselectOffenderController,
  EndCommunityOrderController,
  FastTrackToCourtController,
  IdentifyNeedController,
  IncreaseContactFrequencyController,
  RecordArrestController,
  RecordContactController,
  RecordConvictionController,
  RecordCourtOutcomeController,
  RecordHarmIndicatorController,
  RecordLapseController,
  ReduceContactFrequencyController,
  ReleaseFromCustodyController,
  StartCommunityOrderController,
  StartCustodyController,
  StartInterventionController,
  GetOffenderController,
  GetOffenderEventsController,
  GetOffenderStateAtController,
  RetractEventController,
  RectifyEventController,
  RestrictProcessingController,
  LiftRestrictionController,
  PlaceLegalHoldController,
  ReleaseLegalHoldController,
  ErasePersonalDataController,
];

const handlers = [
  AdoptOffenderHandler,
  AssignSupervisionTeamHandler,
  ChangeStrandHandler,
  CompleteInterventionHandler,
  CompleteReviewHandler,
  DeselectOffenderHandler,
  EndCommunityOrderHandler,
  FastTrackToCourtHandler,
  IdentifyNeedHandler,
  IncreaseContactFrequencyHandler,
  RecordArrestHandler,
  RecordContactHandler,
  RecordConvictionHandler,
  RecordCourtOutcomeHandler,
  RecordHarmIndicatorHandler,
  RecordLapseHandler,
  ReduceContactFrequencyHandler,
  RegisterOffenderHandler,
  ReleaseFromCustodyHandler,
  StartCommunityOrderHandler,
  StartCustodyHandler,
  StartInterventionHandler,
  GetOffenderHandler,
  GetOffenderEventsHandler,
  GetOffenderStateAtHandler,
  RetractEventHandler,
  RectifyEventHandler,
  RestrictProcessingHandler,
  LiftRestrictionHandler,
  PlaceLegalHoldHandler,
  ReleaseLegalHoldHandler,
  ErasePersonalDataHandler,
];

/** The offender journey's commands and queries over HTTP. Needs an EVENT_STORE provider in scope. */
@Module({})
export class OffendersModule {
  static forRoot(options: OffendersModuleOptions): DynamicModule {
    return {
      module: OffendersModule,
      imports: [CqrsModule.forRoot()],
      controllers,
      providers: [
        { provide: CLOCK, useValue: options.clock },
        { provide: SCHEME_POLICIES, useValue: options.policies },
        { provide: OFFENDER_AREAS, useClass: OffenderAreasFromStreams },
        // One cache for the commands and the queries, so a read after a command only fetches what it appended.
        { provide: OffenderCache, useFactory: (store: EventStore) => new OffenderCache(store), inject: [EVENT_STORE] },
        OffenderCommandRunner,
        ...handlers,
      ],
      exports: [OFFENDER_AREAS],
    };
  }
}
