import type { CommandBus } from '@nestjs/cqrs';
import { accessOf } from '@ppo/auth';
import { DomainError } from '@ppo/domain';
import type { EventStore } from '@ppo/event-store';
import { commandContextOf, ConcurrentUpdateError, IdempotencyKeyReusedError, StaleVersionError, type CommandContext } from '@ppo/offenders';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { CommandFormDefinition, FormSource } from './command-form';
import { changesSince, readOffenderRecord } from './offender-record';
import { checkPostedForm } from './read-posted-form';
import { refusalOf, WHOLE_FORM } from './refusal';
import { formKeyOf, formVersionOf, renderCommandForm } from './render-command-form';

/** The offender's page, where every form goes back to and, once saved, redirects to. */
export const offenderPage = (offenderId: string) => `/offenders/${offenderId}`;

/** Where a posted form goes: whose record, the form's own address, and body fields its address gives rather than its answers. */
export interface FormTarget {
  offenderId: string;
  /** Where the form posts, and is drawn again from. */
  action: string;
  /** Added to the command's body once the answers pass the DTO: the event a correction is about. */
  fromPath?: Record<string, string>;
}

/**
 * Sends a posted command form: checks the answers with the command's own
 * DTO, sends the command with the form's version as If-Match and its key as
 * Idempotency-Key, then redirects (303) to the offender's page; or draws the
 * form again with what went wrong (400 bad answers, 409 stale or refused,
 * 422 impossible), having recorded nothing.
 */
export async function sendCommandForm(
  deps: { commandBus: CommandBus; store: EventStore },
  request: Request,
  response: Response,
  form: CommandFormDefinition,
  posted: Record<string, unknown>,
  target: FormTarget,
): Promise<void> {
  const { offenderId, action } = target;
  const openedAt = formVersionOf(posted);
  const formKey = formKeyOf(posted);
  const checked = await checkPostedForm(form, posted);
  const principal = accessOf(request).principal;
  // The record is read only to draw the form again: a command that goes through reads it once, in the runner.
  const redraw = async () => {
    const record = await readOffenderRecord(deps.store, offenderId);
    const source: FormSource = { record, principal };
    return { record, again: { source, action, backHref: offenderPage(offenderId), answers: checked.answers, formKey } };
  };

  if (checked.errors.length) {
    // Nothing is sent; if the record has moved on meanwhile, say so now and carry its new version.
    const { record, again } = await redraw();
    return renderCommandForm(request, response, form, { ...again, errors: checked.errors, version: record.version, changes: changesSince(record, openedAt), status: 400 });
  }
  const context: CommandContext = { ...commandContextOf(request), ifMatch: openedAt, idempotencyKey: formKey };
  try {
    await deps.commandBus.execute(new (form.command as new (...args: unknown[]) => object)(offenderId, { ...checked.body, ...target.fromPath }, context));
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
