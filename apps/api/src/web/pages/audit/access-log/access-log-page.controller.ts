import { Controller, Get, type OnModuleInit, Req, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import { SqliteAccessLog } from '@ppo/audit';
import { Access, renderPage } from '@ppo/auth';
import type { Request, Response } from 'express';
import { logQueryOf, readAccessLogSearch } from './access-log-query';
import { entryRows, integrityText, pagination } from './access-log-view';

/**
 * The s.62 access log for auditors: who consulted, disclosed or altered whose
 * data, when, by which route and why; searched by offender, user and dates
 * with a GET form (so a search is a link, and works without JavaScript), newest
 * first and paged, with whether the log's hash chain still verifies.
 */
@ApiExcludeController()
@Controller('audit')
export class AccessLogPageController implements OnModuleInit {
  private log!: SqliteAccessLog;

  constructor(private readonly modules: ModuleRef) {}

  /**
   * Finds the log the audit module keeps. That module is not global and the
   * web module does not import it (importing forRoot again would open a second
   * log), so it is looked up across modules rather than injected.
   */
  onModuleInit(): void {
    this.log = this.modules.get(SqliteAccessLog, { strict: false });
  }

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
