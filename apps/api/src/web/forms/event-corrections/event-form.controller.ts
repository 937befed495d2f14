import { Body, Controller, Get, Inject, NotFoundException, Param, Post, Req, Res, type Type } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access, accessOf } from '@ppo/auth';
import { EVENT_STORE, type EventStore } from '@ppo/event-store';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { correctableFacts } from '../../shared/correctable-facts';
import { offenderIdOf } from '../command-form/command-form.controller';
import { initialAnswers } from '../command-form/form-view';
import { readOffenderRecord } from '../command-form/offender-record';
import { renderCommandForm } from '../command-form/render-command-form';
import { offenderPage, sendCommandForm } from '../command-form/send-command-form';
import type { EventFormDefinition } from './event-form';

const pascal = (slug: string) => slug.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());

/**
 * The page of a correction's form at `/offenders/:offenderId/<slug>/:eventId`,
 * reached from the event in the offender's timeline: GET shows the form made
 * for that fact, POST sends the command with the event's id from the address
 * (as the API takes it from its path) and redirects to the offender's page.
 * Version, idempotency, errors and refusals work as on every command form.
 */
export function eventFormController(definition: EventFormDefinition): Type<unknown> {
  @ApiExcludeController()
  @Controller(`offenders/:offenderId/${definition.slug}/:eventId`)
  class EventFormController {
    constructor(
      private readonly commandBus: CommandBus,
      @Inject(EVENT_STORE) private readonly store: EventStore,
    ) {}

    @Get()
    @Access(definition.permission, { offenderParam: 'offenderId' })
    async show(@Param('offenderId') offenderId: string, @Param('eventId') eventId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
      // A fact already retracted is not offered again: the address is out of date.
      const { record, form } = await this.formOf(offenderId, eventId, { evenIfRetracted: false });
      const source = { record, principal: accessOf(request).principal };
      renderCommandForm(request, response, form, {
        source,
        action: this.action(offenderId, eventId),
        backHref: offenderPage(offenderId),
        answers: initialAnswers(form.fields, source),
        version: record.version,
        formKey: randomUUID(),
      });
    }

    @Post()
    @Access(definition.permission, { offenderParam: 'offenderId' })
    async submit(
      @Param('offenderId') offenderId: string,
      @Param('eventId') eventId: string,
      @Body() posted: Record<string, unknown>,
      @Req() request: Request,
      @Res() response: Response,
    ): Promise<void> {
      // Sent again after it went through (retracted meanwhile), the command itself answers: a replay, or the domain's refusal in words.
      const { form } = await this.formOf(offenderId, eventId, { evenIfRetracted: true });
      const target = { offenderId, action: this.action(offenderId, eventId), fromPath: { eventId } };
      await sendCommandForm({ commandBus: this.commandBus, store: this.store }, request, response, form, posted, target);
    }

    /** The form made for the fact at this address; not found when there is no such correctable fact. */
    private async formOf(offenderId: string, eventId: string, { evenIfRetracted }: { evenIfRetracted: boolean }) {
      const record = await readOffenderRecord(this.store, offenderIdOf(offenderId));
      const fact = correctableFacts(record.history).get(eventId);
      const entry = record.history.find((h) => h.eventId === eventId);
      const form = fact && entry && (evenIfRetracted || !fact.retracted) ? definition.formFor(fact, entry) : undefined;
      if (!form) throw new NotFoundException('There is no entry at this address that can be corrected this way.');
      return { record, form };
    }

    private action(offenderId: string, eventId: string) {
      return `/offenders/${offenderId}/${definition.slug}/${encodeURIComponent(eventId)}`;
    }
  }
  Object.defineProperty(EventFormController, 'name', { value: `${pascal(definition.slug)}FormController` });
  return EventFormController;
}
