import { Module, type DynamicModule } from '@nestjs/common';
import type { SchemePolicies } from '@ppo/domain';
import { CLOCK, SCHEME_POLICIES, type Clock } from '@ppo/offenders';
import { ActivityReportController } from '../queries/activity-report/activity-report.controller';
import { CaseloadsReportController } from '../queries/caseloads-report/caseloads-report.controller';
import { ContactsDueReportController } from '../queries/contacts-due-report/contacts-due-report.controller';
import { EligibilityReportController } from '../queries/eligibility-report/eligibility-report.controller';
import { ListOffendersController } from '../queries/list-offenders/list-offenders.controller';
import { RetentionReviewController } from '../queries/retention-review/retention-review.controller';
import { SchemeSummaryReportController } from '../queries/scheme-summary-report/scheme-summary-report.controller';
import { ProjectionStatusController } from '../queries/projection-status/projection-status.controller';
import type { ReadModelLocation } from '../read-model-location';
import { PostgresReadModelStore } from '../store/postgres-read-model-store';
import { READ_MODEL_STORE, type ReadModelStore } from '../store/read-model-store.port';
import { SqliteReadModelStore } from '../store/sqlite-read-model-store';
import { ReportContext } from '../http/report-context';
import { ProjectionsService, RUN_PROJECTIONS } from './projections.service';

export interface ReadModelsModuleOptions {
  location: ReadModelLocation;
  /** Run the projections in this process (default true). */
  runProjections: boolean;
  clock: Clock;
  policies: SchemePolicies;
}

/** Opens the read-model store for a location. */
export function openReadModelStore(location: ReadModelLocation): ReadModelStore {
  return location.kind === 'sqlite'
    ? new SqliteReadModelStore(location.path)
    : new PostgresReadModelStore({ connectionString: location.connectionString });
}

/** The read side: projections kept up to date from the log, and the queries and reports over them. */
@Module({})
export class ReadModelsModule {
  static forRoot(options: ReadModelsModuleOptions): DynamicModule {
    return {
      module: ReadModelsModule,
      // The pages read the same stores and reports as the API.
      global: true,
      controllers: [
        ListOffendersController,
        EligibilityReportController,
        CaseloadsReportController,
        ContactsDueReportController,
        ActivityReportController,
        SchemeSummaryReportController,
        RetentionReviewController,
        ProjectionStatusController,
      ],
      providers: [
        { provide: READ_MODEL_STORE, useFactory: () => openReadModelStore(options.location) },
        { provide: RUN_PROJECTIONS, useValue: options.runProjections },
        { provide: CLOCK, useValue: options.clock },
        { provide: SCHEME_POLICIES, useValue: options.policies },
        ProjectionsService,
        ReportContext,
      ],
      exports: [ProjectionsService, READ_MODEL_STORE, ReportContext],
    };
  }
}
