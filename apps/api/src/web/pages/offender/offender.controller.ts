import { Controller, Get, Next, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access, renderPage, roleGranting, type Permission, type RequestWithAccess } from '@ppo/auth';
import { applyCorrections, foldOffender, policyForArea, upcastOffenderEvent } from '@ppo/domain';
import { journeyFigures, OFFENDER_JOURNEY_TABLE, type OffenderJourneyRow, ReportContext } from '@ppo/read-models';
import type { NextFunction, Request, Response } from 'express';
import type { OffenderEventsView } from '@ppo/offenders';
import { GetOffenderEventsQuery } from '@ppo/offenders';
import { GetOffenderQuery } from '@ppo/offenders';
import type { OffenderView } from '@ppo/offenders';
import { offenderActions } from './offender-actions';
import { INTENSITY_TAG_CLASSES, STRAND_TAG_CLASSES, summaryRows } from './offender-summary';
import { timelineOf } from './timeline';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One offender: who they are, where they stand today, their journey, and what this user can do next. */
@ApiExcludeController()
@Controller('offenders/:offenderId')
export class OffenderController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly reportContext: ReportContext,
  ) {}

  @Get()
  @Access('offender.read', { offenderParam: 'offenderId' })
  async show(@Req() request: Request, @Res() response: Response, @Next() next: NextFunction): Promise<void> {
    const { offenderId } = request.params as { offenderId: string };
    // Not an offender's id (e.g. /offenders/new, the registration form): let a later route answer it, or 404.
    if (!UUID.test(offenderId)) return next();
    const view: OffenderView = await this.queryBus.execute(new GetOffenderQuery(offenderId));
    const { events }: OffenderEventsView = await this.queryBus.execute(new GetOffenderEventsQuery(offenderId));
    const reports = this.reportContext;
    const today = reports.today();
    const policy = policyForArea(reports.policies, view.area);
    const { rows } = await reports.store.select(OFFENDER_JOURNEY_TABLE, { where: [{ column: 'offender_id', op: '=', value: offenderId }], limit: 1 });
    const journey = rows[0] as OffenderJourneyRow | undefined;
    const principal = (request as RequestWithAccess).principal!;
    // Folded as every fold is, with corrections applied (a retracted lapse offers nothing).
    const state = foldOffender(applyCorrections(events.map((e) => ({ eventId: e.eventId, event: upcastOffenderEvent(e) }))).map((r) => r.event));
    const may = (permission: Permission) => !!roleGranting(principal.roles, permission);
    const actions = offenderActions(offenderId, state, policy, {
      command: may('offender.command'),
      supervise: may('offender.supervise'),
      restrict: may('offender.restrict'),
      erase: may('personal-data.erase'),
      subjectAccess: may('subject.access'),
    });
    renderPage(request, response, 'pages/offender/offender.njk', {
      view,
      rows: summaryRows(view, journey ? journeyFigures(journey, today, policy) : undefined, today),
      timeline: timelineOf(events, { offenderId, correctable: may('offender.command') }),
      actions,
      deselectionPrompted: view.deselectionPrompted,
      strandTagClasses: STRAND_TAG_CLASSES,
      intensityTagClasses: INTENSITY_TAG_CLASSES,
    });
  }
}
