import { Controller, Get, Header, Logger, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@ppo/auth';
import { ProjectionsService } from '@ppo/read-models';
import type { Response } from 'express';
import { AppMetrics } from './app-metrics';

/**
 * Prometheus metrics. Public, like health, so a scraper needs no account: it
 * names no offender, but says how busy the service is, so firewall it or keep
 * it behind the proxy (see the README).
 */
@ApiTags('Operations')
@Controller('metrics')
export class MetricsController {
  private readonly logger = new Logger('Metrics');

  constructor(
    private readonly metrics: AppMetrics,
    private readonly projections: ProjectionsService,
  ) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Prometheus metrics: process, commands, appends and group commits, projection lag and failures' })
  @ApiOkResponse({ description: 'The Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } })
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    await this.refreshProjections();
    response.type(this.metrics.contentType);
    return this.metrics.exposition();
  }

  /** Projection figures are read when scraped, from the same statuses GET /api/projections shows. */
  private async refreshProjections(): Promise<void> {
    const { headPosition, projectionLagEvents, projectionLagSeconds, projectionCheckpoint, projectionFailed } = this.metrics;
    try {
      const statuses = await this.projections.statuses();
      for (const s of statuses) {
        const labels = { projection: s.name };
        projectionLagEvents.set(labels, s.lag.events);
        projectionLagSeconds.set(labels, s.lag.seconds);
        projectionCheckpoint.set(labels, s.checkpoint);
        projectionFailed.set(labels, s.failure ? 1 : 0);
      }
      if (statuses[0]) headPosition.set(statuses[0].head);
    } catch (error) {
      // Stale figures would say all is well: leave them out while the stores do not answer.
      for (const gauge of [headPosition, projectionLagEvents, projectionLagSeconds, projectionCheckpoint, projectionFailed]) gauge.reset();
      this.logger.warn(`Projection metrics unavailable: ${(error as Error).message}`);
    }
  }
}
