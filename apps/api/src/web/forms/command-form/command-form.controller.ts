import { Body, Controller, Get, Inject, NotFoundException, Param, Post, Req, Res, type Type } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access, accessOf } from '@ppo/auth';
import { DomainError } from '@ppo/domain';
import { EVENT_STORE, type EventStore } from '@ppo/event-store';
import { commandContextOf, ConcurrentUpdateError, IdempotencyKeyReusedError, StaleVersionError, type CommandContext } from '@ppo/offenders';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { CommandFormDefinition, FormSource } from './command-form';
import { initialAnswers } from './form-view';
import { changesSince, readOffenderRecord } from './offender-record';
import { checkPostedForm } from './read-posted-form';
import { refusalOf, WHOLE_FORM } from './refusal';
import { formKeyOf, formVersionOf, renderCommandForm } from './render-command-form';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The offender's page, where every form goes back to and, once saved, redirects to. */
export const offenderPage = (offenderId: string) => `/offenders/${offenderId}`;

const pascal = (slug: string) => slug.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());

function offenderIdOf(value: string): string {
  // The guard leaves a malformed id to the route; for a page, it simply names no one.
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
        ...this.page(offenderId, source),
        answers: initialAnswers(form.fields, source, request.query),
        version: record.version,
        formKey: randomUUID(),
      });
    }

    @Post()
    @Access(form.permission, { offenderParam: 'offenderId' })
    async submit(@Param('offenderId') offenderId: string, @Body() posted: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
      offenderIdOf(offenderId);
      const openedAt = formVersionOf(posted);
      const formKey = formKeyOf(posted);
      const checked = await checkPostedForm(form, posted);
      const principal = accessOf(request).principal;
      // The record is read only to draw the form again: a command that goes through reads it once, in the runner.
      const redraw = async () => {
        const record = await readOffenderRecord(this.store, offenderId);
        const source: FormSource = { record, principal };
        return { record, again: { ...this.page(offenderId, source), answers: checked.answers, formKey } };
      };

      if (checked.errors.length) {
        // Nothing is sent; if the record has moved on meanwhile, say so now and carry its new version.
        const { record, again } = await redraw();
        return renderCommandForm(request, response, form, { ...again, errors: checked.errors, version: record.version, changes: changesSince(record, openedAt), status: 400 });
      }
      const context: CommandContext = { ...commandContextOf(request), ifMatch: openedAt, idempotencyKey: formKey };
      try {
        await this.commandBus.execute(new (form.command as new (...args: unknown[]) => object)(offenderId, checked.body, context));
      } catch (error) {
        if (error instanceof StaleVersionError || error instanceof IdempotencyKeyReusedError) {
          const { record: now, again } = await redraw();
          const changes = changesSince(now, openedAt);
          if (error instanceof StaleVersionError) {
            return renderCommandForm(request, response, form, { ...again, version: now.version, changes, status: 409 });
          }
          // The same form was already saved with other answers (sent again after going back): this becomes a new record.
          const reused = { field: WHOLE_FORM, text: 'You already saved this form with different answers. Check the answers below, then save again to record them as well.' };
          return renderCommandForm(request, response, form, { ...again, version: now.version, changes, errors: [reused], formKey: randomUUID(), status: 422 });
        }
        if (error instanceof ConcurrentUpdateError) {
          const { again } = await redraw();
          return renderCommandForm(request, response, form, { ...again, version: openedAt, errors: [{ field: WHOLE_FORM, text: `${error.title} Try again.` }], status: 409 });
        }
        if (error instanceof DomainError && error.code !== 'OFFENDER.NOT_REGISTERED') {
          const { status, errors } = refusalOf(error, form.fields);
          const { again } = await redraw();
          return renderCommandForm(request, response, form, { ...again, version: openedAt, errors, status });
        }
        throw error;
      }
      response.redirect(303, offenderPage(offenderId));
    }

    private page(offenderId: string, source: FormSource) {
      return { source, action: `/offenders/${offenderId}/${form.slug}`, backHref: offenderPage(offenderId) };
    }
  }
  Object.defineProperty(CommandFormController, 'name', { value: `${pascal(form.slug)}FormController` });
  return CommandFormController;
}
