import type { Projection } from '../projection';
import { activityProjection } from './activity/activity.projection';
import { eligibilityProjection } from './eligibility/eligibility.projection';
import { schemeTimelineProjection } from './scheme-timeline/scheme-timeline.projection';
import { offenderJourneyProjection } from './offender-journey/offender-journey.projection';

/** Every projection the service runs. */
export const ALL_PROJECTIONS: Projection[] = [
  offenderJourneyProjection as Projection,
  eligibilityProjection as Projection,
  activityProjection as Projection,
  schemeTimelineProjection as Projection,
];
