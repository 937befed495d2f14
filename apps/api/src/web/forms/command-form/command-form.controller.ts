import { Body, Controller, Get, Inject, NotFoundException, Param, Post, Req, Res, type Type } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access, accessOf } from '@ppo/auth';
import { EVENT_STORE, type EventStore } from '@ppo/event-store';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { CommandFormDefinition, FormSource } from './command-form';
import { initialAnswers } from './form-view';
import { readOffenderRecord } from './offender-record';
import { renderCommandForm } from './render-command-form';
import { offenderPage, sendCommandForm } from './send-command-form';

export { offenderPage } from './send-command-form';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const pascal = (slug: string) => slug.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());

/** The offender id of a form's address; the guard leaves a malformed one to the route, and for a page it simply names no one. */
export function offenderIdOf(value: string): string {
  if (!UUID.test(value)) throw new NotFoundException('There is no offender at this address.');
  return value;
}

/**
 * The page of one command's form at `/offenders/:offenderId/<slug>`: GET
 * shows it, POST sends the command and redirects (303) to the offender's
 * page. Each form gets its own controller class, so each route carries the
 * command's own permission and a literal path (no catch-all to shadow other pages).
 *
 * The form carries the record's version, sent as the command's If-Match, and
 * a key per form load, sent as its Idempotency-Key: a form filled in against
 * an older record is shown again with what changed (409), and one sent twice
 * records once.
 */
export function commandFormController(form: CommandFormDefinition): Type<unknown> {
  @ApiExcludeController()
  @Controller(`offenders/:offenderId/${form.slug}`)
  class CommandFormController {
    constructor(
      private readonly commandBus: CommandBus,
      @Inject(EVENT_STORE) private readonly store: EventStore,
    ) {}

    @Get()
    @Access(form.permission, { offenderParam: 'offenderId' })
    async show(@Param('offenderId') offenderId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
      const record = await readOffenderRecord(this.store, offenderIdOf(offenderId));
      const source: FormSource = { record, principal: accessOf(request).principal };
      renderCommandForm(request, response, form, {
        source,
        action: this.action(offenderId),
        backHref: offenderPage(offenderId),
        answers: initialAnswers(form.fields, source, request.query),
        version: record.version,
        formKey: randomUUID(),
      });
    }

    @Post()
    @Access(form.permission, { offenderParam: 'offenderId' })
    async submit(@Param('offenderId') offenderId: string, @Body() posted: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
      await sendCommandForm({ commandBus: this.commandBus, store: this.store }, request, response, form, posted, { offenderId: offenderIdOf(offenderId), action: this.action(offenderId) });
    }

    private action(offenderId: string) {
      return `/offenders/${offenderId}/${form.slug}`;
    }
  }
  Object.defineProperty(CommandFormController, 'name', { value: `${pascal(form.slug)}FormController` });
  return CommandFormController;
}
