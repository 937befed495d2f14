import { ReportContext } from '@ppo/read-models';
import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { areaScopeOf, noteSubjects, renderPage, scopedAreas, SignedIn, type RequestWithAccess } from '@ppo/auth';
import type { Request, Response } from 'express';
import { caseworkerHome } from './caseworker-home';
import { startLinks } from './start-links';

/**
 * The signed-in user's start page: a case worker's or supervisor's own
 * offenders, contacts due and recent lapses; for every other role, links to
 * what their role can use.
 */
@ApiExcludeController()
@Controller()
export class HomeController {
  constructor(private readonly reportContext: ReportContext) {}

  @Get()
  @SignedIn()
  async home(@Req() request: Request, @Res() response: Response): Promise<void> {
    const principal = (request as RequestWithAccess).principal!;
    if (!principal.roles.some((r) => r === 'caseworker' || r === 'supervisor')) {
      return renderPage(request, response, 'home/home.njk', { links: startLinks(principal) });
    }
    const reports = this.reportContext;
    const areas = scopedAreas(areaScopeOf(principal, 'reports.cases'));
    const today = reports.today();
    const home = await caseworkerHome(reports.store, principal, areas, today, reports.policies);
    // The access log records whose names and CRNs this page showed.
    noteSubjects(request, [
      ...home.offenders.map((o) => o.offenderId),
      ...Object.values(home.contacts).flatMap((list) => list.map((c) => c.offenderId)),
      ...home.lapses.map((l) => l.offenderId),
    ]);
    renderPage(request, response, 'home/home.njk', { today, home, links: startLinks(principal) });
  }
}
