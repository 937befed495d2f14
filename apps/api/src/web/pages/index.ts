import { AccessLogPageController } from './audit/access-log/access-log-page.controller';
import { ReplayController } from './audit/replay/replay.controller';
import { CaseloadsController } from './caseloads/caseloads.controller';
import { ContactsDueController } from './contacts-due/contacts-due.controller';
import { DashboardController } from './dashboard/dashboard.controller';
import { EligibilityController } from './eligibility/eligibility.controller';
import { HomeController } from './home/home.controller';
import { OffenderController } from './offender/offender.controller';
import { OffendersController } from './offenders/offenders.controller';
import { ProjectionsController } from './projections/projections.controller';
import { RetentionReviewPageController } from './retention-review/retention-review.controller';
import { SubjectAccessPageController } from './subject-access/subject-access.controller';

/** The pages that read: home, lists, the offender page, reports, the dashboard, operations. */
export const PAGE_CONTROLLERS = [
  HomeController,
  OffendersController,
  OffenderController,
  EligibilityController,
  ContactsDueController,
  CaseloadsController,
  DashboardController,
  ProjectionsController,
  RetentionReviewPageController,
  ReplayController,
  AccessLogPageController,
  SubjectAccessPageController,
];
