import type { ModuleRef } from '@nestjs/core';
import { ProjectionsService } from '@ppo/read-models';
// Not exported from @ppo/read-models' index; imported from its file (the same class the read-models module provides).
import { ReportContext } from '../../../../../../libs/read-models/src/http/report-context';

/*
 * The web module does not import the read-models module (it is configured in
 * AppModule.forRoot), so its providers are looked up across the application
 * rather than injected. If WebModule comes to import ReadModelsModule, these
 * can become constructor injections.
 */

/** The read models, today's date and the area policies, as every report reads them. */
export function reportContextOf(moduleRef: ModuleRef): ReportContext {
  return moduleRef.get(ReportContext, { strict: false });
}

/** The projections running in this process. */
export function projectionsOf(moduleRef: ModuleRef): ProjectionsService {
  return moduleRef.get(ProjectionsService, { strict: false });
}
