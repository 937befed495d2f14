import { Controller, Get, NotFoundException, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { noteDisclosure, SubjectAccessExporter } from '@ppo/audit';
import { Access, accessOf, renderPage } from '@ppo/auth';
import { GetOffenderQuery, type OffenderView } from '@ppo/offenders';
import type { Request, Response } from 'express';
import { hrefWith } from '../shared/page-query';
import { readSubjectAccessRequest } from './subject-access-request';
import { subjectAccessView } from './subject-access-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The DPO's subject access copy of one person: first who it is for, then
 * everything held about them across the log and the read models, laid out
 * for print (a section a page, no navigation), or the same as data
 * (`?format=json`, the API's export). Producing either is a disclosure,
 * logged with the recipient given; the question before it is a consultation.
 */
@ApiExcludeController()
@Controller('offenders/:offenderId/subject-access')
export class SubjectAccessPageController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly exporter: SubjectAccessExporter,
  ) {}

  @Get()
  @Access('subject.access', { offenderParam: 'offenderId' })
  async show(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { offenderId } = request.params as { offenderId: string };
    // The guard leaves a malformed id to the route; it names no one.
    if (!UUID.test(offenderId)) throw new NotFoundException('There is no offender at this address.');
    const asked = readSubjectAccessRequest(request.query as Record<string, unknown>);
    const action = `/offenders/${offenderId}/subject-access`;
    // Nothing about the person on a refused form: the access log records only what was shown.
    if (asked.errors.length) return renderPage(request, response, 'pages/subject-access/subject-access-request.njk', { offenderId, action, recipient: asked.recipient, errors: asked.errors }, 400);
    if (!asked.produce) {
      const offender: OffenderView = await this.queryBus.execute(new GetOffenderQuery(offenderId));
      const person = { name: `${offender.personal.givenName} ${offender.personal.familyName}`, crn: offender.personal.crn };
      return renderPage(request, response, 'pages/subject-access/subject-access-request.njk', { offenderId, action, person });
    }

    const data = await this.exporter.export(offenderId);
    noteDisclosure(request, asked.recipient);
    if (asked.format === 'json') {
      response.attachment(`subject-access-${offenderId}.json`).json(data);
      return;
    }
    const access = accessOf(request);
    renderPage(request, response, 'pages/subject-access/subject-access.njk', {
      offenderId,
      copy: subjectAccessView(data, { principal: access.principal, role: access.role }, asked.recipient),
      dataHref: hrefWith(action, { recipient: asked.recipient ?? '', format: 'json' }),
    });
  }
}
