import type { NestExpressApplication } from '@nestjs/platform-express';
import { AUTH_OPTIONS, isApiRequest, roleGranting, SECRET_KEYS, SqliteSessionStore, sessionMiddleware, type AuthModuleOptions, type Permission, type Principal, type SecretKeys } from '@ppo/auth';
import express from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import nunjucks from 'nunjucks';
import { formatDate, formatDateTime, perWeek, sentence, words } from './shared/format';
import { NAVIGATION } from './shared/navigation';

/** The repository root, found from this file whether it runs from source or from dist. */
function projectRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'apps', 'api', 'views'))) return dir;
  }
  throw new Error('Cannot find apps/api/views above ' + __dirname);
}

/**
 * What the pages need: security headers (a strict CSP with a nonce per
 * response for govuk-frontend's one inline script), the GOV.UK and MoJ assets,
 * Nunjucks views, and browser sessions.
 */
export function configureWeb(app: NestExpressApplication): void {
  const { config } = app.get<AuthModuleOptions>(AUTH_OPTIONS);
  const keys = app.get<SecretKeys>(SECRET_KEYS);
  if (config.trustProxy) app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);

  // The API answers JSON, never a page with a script, so it needs no nonce: its policy is one fixed header, which
  // helmet writes without working it out per request, and no random bytes are drawn for it.
  // Swagger UI (at /api/docs) draws its own images from data: URLs.
  const imgSrc = ["'self'", 'data:'];
  const apiHeaders = helmet({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'"], imgSrc } } });
  const pageHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
        imgSrc,
      },
    },
  });
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (isApiRequest(req)) return apiHeaders(req, res, next);
    res.locals.cspNonce = randomBytes(16).toString('base64');
    pageHeaders(req, res, next);
  });

  const root = projectRoot();
  const modules = join(root, 'node_modules');
  const assetOptions = { immutable: false, maxAge: '1h', index: false } as const;
  app.use('/assets/govuk', express.static(join(modules, 'govuk-frontend', 'dist', 'govuk'), assetOptions));
  app.use('/assets/moj', express.static(join(modules, '@ministryofjustice', 'frontend', 'moj'), assetOptions));
  app.use('/assets/app', express.static(join(root, 'apps', 'api', 'public'), assetOptions));
  app.use('/assets', express.static(join(modules, 'govuk-frontend', 'dist', 'govuk', 'assets'), assetOptions));

  const views = nunjucks.configure([join(root, 'apps', 'api', 'views'), join(modules, 'govuk-frontend', 'dist'), join(modules, '@ministryofjustice', 'frontend')], {
    autoescape: true,
    express: app.getHttpAdapter().getInstance(),
    noCache: process.env.NODE_ENV === 'development',
  });
  const can = (principal: Principal | undefined, permission: Permission) => !!principal && !!roleGranting(principal.roles, permission);
  views.addGlobal('can', can);
  views.addGlobal('sessionIdleMinutes', config.sessionIdleMinutes);
  views.addFilter('date', formatDate);
  views.addFilter('dateTime', (iso: string) => formatDateTime(iso));
  views.addFilter('words', words);
  views.addFilter('sentence', sentence);
  views.addFilter('perWeek', perWeek);
  views.addGlobal('navigationFor', (principal: Principal | undefined, currentPath: string) =>
    NAVIGATION.filter((item) => principal && (!item.permission || can(principal, item.permission))).map((item) => ({
      text: item.text,
      href: item.href,
      active: item.href === '/' ? currentPath === '/' : currentPath === item.href || currentPath.startsWith(`${item.href}/`),
    })),
  );

  app.use(sessionMiddleware(app.get(SqliteSessionStore), keys.sessions, config.sessionIdleMinutes));
}
