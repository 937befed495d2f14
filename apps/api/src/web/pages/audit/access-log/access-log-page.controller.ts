import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { noteAccessLogSearch, SqliteAccessLog } from '@ppo/audit';
import { Access, renderPage } from '@ppo/auth';
import type { Request, Response } from 'express';
import { logQueryOf, readAccessLogSearch } from './access-log-query';
import { entryRows, integrityText, pagination } from './access-log-view';

/**
 * The s.62 access log for auditors: who consulted, disclosed or altered whose
 * data, when, by which route and why; searched by offender, user and dates
 * with a GET form (so a search is a link, and works without JavaScript), newest
 * first and paged, with whether the log's hash chain still verifies. Each
 * search is itself logged (who searched, with which filters).
 */
@ApiExcludeController()
@Controller('audit')
export class AccessLogPageController {
  constructor(private readonly log: SqliteAccessLog) {}

  /** The audit section starts at the access log. */
  @Get()
  @Access('audit.read')
  start(@Res() response: Response): void {
    response.redirect(303, '/audit/access-log');
  }

  @Get('access-log')
  @Access('audit.read')
  search(@Req() request: Request, @Res() response: Response): void {
    const { search, errors, form } = readAccessLogSearch(request.query as Record<string, unknown>);
    if (errors.length) return renderPage(request, response, 'pages/audit/access-log.njk', { form, errors }, 400);
    const result = this.log.search(logQueryOf(search));
    const integrity = this.log.verify();
    // Auditors' searches are logged in turn, once answered: not part of what they find, nor of the chain they just checked.
    noteAccessLogSearch(request, search.subject);
    renderPage(request, response, 'pages/audit/access-log.njk', {
      form,
      search,
      total: result.total,
      rows: entryRows(result.entries),
      pagination: pagination(search, result.total),
      filtered: !!(search.subject || search.user || search.from || search.to),
      integrity: { ok: integrity.ok, text: integrityText(integrity) },
    });
  }
}
