import { Controller, Get, NotFoundException, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access, renderPage } from '@ppo/auth';
import { policyForArea } from '@ppo/domain';
import { GetOffenderEventsQuery, GetOffenderQuery, GetOffenderStateAtQuery, type OffenderEventsView, type OffenderStateAtView, type OffenderView } from '@ppo/offenders';
import { ReportContext } from '@ppo/read-models';
import type { Request, Response } from 'express';
import { readReplayQuery, type ReplayPoint } from './replay-query';
import { comparisonRows, describePoint, differencesOf, eventCountRows, provenanceOf, stateDifferencesOf, type ReplayedPoint } from './replay-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Bitemporal replay of one offender's record, for auditors and the case
 * workers of the area: what was true on a date, as the record stood at a
 * moment, at two points side by side, with what differs said in words and
 * the events behind the strand, intensity and eligibility at each. The form
 * is a GET, so a replay is a link that can be kept and works without JavaScript.
 */
@ApiExcludeController()
@Controller('offenders/:offenderId/replay')
export class ReplayController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly reportContext: ReportContext,
  ) {}

  @Get()
  @Access('offender.read', { offenderParam: 'offenderId' })
  async show(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { offenderId } = request.params as { offenderId: string };
    // The guard leaves a malformed id to the route; it names no one.
    if (!UUID.test(offenderId)) throw new NotFoundException('There is no offender at this address.');
    const query = readReplayQuery(request.query as Record<string, unknown>);
    const page = { offenderId, action: `/offenders/${offenderId}/replay`, form: query.form, errors: query.errors };
    // Nothing about the offender on a refused form: the access log records only what was shown successfully.
    if (query.errors.length) return renderPage(request, response, 'pages/audit/replay.njk', page, 400);

    const offender: OffenderView = await this.queryBus.execute(new GetOffenderQuery(offenderId));
    const person = { name: `${offender.personal.givenName} ${offender.personal.familyName}`, crn: offender.personal.crn, restriction: offender.restriction };
    if (!query.first) return renderPage(request, response, 'pages/audit/replay.njk', { ...page, person });

    const points = [query.first, query.second].filter((p): p is ReplayPoint => !!p);
    const replayed = await Promise.all(points.map((point) => this.replay(offenderId, point)));
    const { events }: OffenderEventsView = await this.queryBus.execute(new GetOffenderEventsQuery(offenderId));
    const rows = comparisonRows(replayed);
    const counts = eventCountRows(replayed);
    renderPage(request, response, 'pages/audit/replay.njk', {
      ...page,
      person,
      columns: replayed.map(describePoint),
      rows,
      counts,
      differences: points.length > 1 ? [...stateDifferencesOf(replayed, rows), ...differencesOf(counts)] : undefined,
      provenance: provenanceOf(replayed, events),
      notRegistered: replayed.map((r) => !r.view.registered),
    });
  }

  private async replay(offenderId: string, point: ReplayPoint): Promise<ReplayedPoint> {
    const view: OffenderStateAtView = await this.queryBus.execute(new GetOffenderStateAtQuery(offenderId, point.asAt, point.knownAt));
    const area = view.summary?.area;
    const escalationDays = policyForArea(this.reportContext.policies, area ?? '').escalationDays;
    return { point, view, escalationDays };
  }
}
