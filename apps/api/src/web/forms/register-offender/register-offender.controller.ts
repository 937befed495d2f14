import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access, accessOf } from '@ppo/auth';
import { DomainError } from '@ppo/domain';
import { IdempotencyKeyReusedError, type CommandContext, type CommandResult } from '@ppo/offenders';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { offenderPage } from '../command-form/command-form.controller';
import type { FormSource } from '../command-form/command-form';
import { initialAnswers } from '../command-form/form-view';
import { commandContextOf, RegisterOffenderCommand } from '@ppo/offenders';
import { checkPostedForm } from '../command-form/read-posted-form';
import { refusalOf, WHOLE_FORM } from '../command-form/refusal';
import { formKeyOf, renderCommandForm } from '../command-form/render-command-form';
import { registerOffenderForm as form } from './register-offender.form';

/** Offender ids of registrations from this form, derived from the user and the form's key, so sending it twice finds the same stream. */
const REGISTRATION_FORM_NAMESPACE = '0b6f5f7e-3c1a-4e8e-9d1b-7a3c2f5e9b41';

/** The page that registers an offender: GET shows the form, POST registers and redirects (303) to their page. */
@ApiExcludeController()
@Controller('offenders/new')
export class RegisterOffenderFormController {
  constructor(private readonly commandBus: CommandBus) {}

  @Get()
  @Access('offender.command', { areaField: 'area' })
  show(@Req() request: Request, @Res() response: Response): void {
    const source: FormSource = { principal: accessOf(request).principal };
    renderCommandForm(request, response, form, { ...this.page(source), answers: initialAnswers(form.fields, source), formKey: randomUUID() });
  }

  // The guard refuses (403) an area outside the user's own before this runs.
  @Post()
  @Access('offender.command', { areaField: 'area' })
  async register(@Body() posted: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const source: FormSource = { principal: accessOf(request).principal };
    const formKey = formKeyOf(posted);
    const checked = await checkPostedForm(form, posted);
    const again = { ...this.page(source), answers: checked.answers, formKey };
    if (checked.errors.length) return renderCommandForm(request, response, form, { ...again, errors: checked.errors, status: 400 });

    const context: CommandContext = { ...commandContextOf(request), ifMatch: undefined, idempotencyKey: formKey };
    const offenderId = uuidv5(`${context.actor.userId}\n${formKey}`, REGISTRATION_FORM_NAMESPACE);
    try {
      const result: CommandResult = await this.commandBus.execute(new RegisterOffenderCommand(offenderId, checked.body as never, context));
      response.redirect(303, offenderPage(result.offenderId));
    } catch (error) {
      if (error instanceof IdempotencyKeyReusedError || (error instanceof DomainError && error.code === 'OFFENDER.ALREADY_REGISTERED')) {
        // This form already registered someone (it was sent again after going back, with other answers): a new key registers another.
        const text = 'You already registered someone with this form. Check the answers below, then register again to add another offender.';
        return renderCommandForm(request, response, form, { ...again, errors: [{ field: WHOLE_FORM, text }], formKey: randomUUID(), status: 422 });
      }
      if (error instanceof DomainError) {
        const { status, errors } = refusalOf(error, form.fields);
        return renderCommandForm(request, response, form, { ...again, errors, status });
      }
      throw error;
    }
  }

  private page(source: FormSource) {
    return { source, action: '/offenders/new', backHref: '/offenders', backText: 'Back to offenders' };
  }
}
