import { ProjectionsService } from '@ppo/read-models';
import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access, renderPage, type FieldError } from '@ppo/auth';
import { ApplicationError } from '@ppo/offenders';
import type { Request, Response } from 'express';
import { projectionRows } from './projection-rows';

/** Operators' view of the read models: where each projection stands, and (for admins) rebuilding one. */
@ApiExcludeController()
@Controller('projections')
export class ProjectionsController {
  constructor(private readonly projections: ProjectionsService) {}

  @Get()
  @Access('operations.read')
  async status(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.render(request, response, [], 200);
  }

  @Post(':name/rebuild')
  @Access('operations.run')
  async rebuild(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { name } = request.params as { name: string };
    try {
      this.projections.startRebuild(name);
    } catch (error) {
      // A known projection that cannot be rebuilt now (one already rebuilding, or projections run elsewhere): say why on the page.
      if (!(error instanceof ApplicationError) || error.status !== 409) throw error;
      return this.render(request, response, [{ field: `rebuild-${name}`, text: `${error.title} Try again when it has finished.` }], 409);
    }
    response.redirect(303, '/projections');
  }

  private async render(request: Request, response: Response, errors: FieldError[], status: number): Promise<void> {
    const statuses = await this.projections.statuses();
    renderPage(request, response, 'pages/projections/projections.njk', { projections: projectionRows(statuses), errors }, status);
  }
}
