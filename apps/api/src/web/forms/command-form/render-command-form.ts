import { BadRequestException } from '@nestjs/common';
import { renderPage, type FieldError } from '@ppo/auth';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { CommandFormDefinition, FormSource } from './command-form';
import { fieldViews } from './form-view';
import type { RecordChange } from './offender-record';

/** What one showing of a form needs besides the definition. */
export interface FormPage {
  source: FormSource;
  /** Where the form posts. */
  action: string;
  /** Where "Back" and "Cancel" go: the offender's page. */
  backHref: string;
  backText?: string;
  /** The answers to fill in, by input name. */
  answers: Record<string, string>;
  errors?: FieldError[];
  /** The record's version the form was filled against; absent when registering. */
  version?: number;
  /** The key that makes sending this form twice record it once. */
  formKey: string;
  /** Changes made to the record since the user opened the form, when it was refused as stale. */
  changes?: RecordChange[];
  status?: number;
}

type Presentable = Pick<CommandFormDefinition, 'title' | 'fields' | 'intro' | 'submitText'>;

/** Renders any command's form (views/forms/command-form.njk) with the offender's name and CRN, errors and answers kept. */
export function renderCommandForm(request: Request, response: Response, form: Presentable, page: FormPage): void {
  const { views, blocked } = fieldViews(form.fields, page.source, page.answers, page.errors ?? []);
  const record = page.source.record;
  renderPage(
    request,
    response,
    'forms/command-form.njk',
    {
      title: form.title,
      intro: form.intro?.(page.source),
      offender: record && { name: record.name, crn: record.crn },
      fields: views,
      blocked,
      submitText: form.submitText ?? 'Save',
      action: page.action,
      backHref: page.backHref,
      backText: page.backText ?? 'Back',
      version: page.version,
      formKey: page.formKey,
      changes: page.changes?.length ? page.changes : undefined,
      errors: page.errors ?? [],
    },
    page.status ?? 200,
  );
}

const FORM_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The form's key as posted, or a new one when it is missing or was tampered with (that post then cannot be deduplicated). */
export function formKeyOf(posted: Record<string, unknown>): string {
  const key = posted.formKey;
  return typeof key === 'string' && FORM_KEY.test(key) ? key : randomUUID();
}

/** The version the form was opened at; a form without one was not made by this service. */
export function formVersionOf(posted: Record<string, unknown>): number {
  const version = posted.version;
  if (typeof version !== 'string' || !/^\d{1,15}$/.test(version)) {
    throw new BadRequestException('This form is missing the version of the record it was opened at. Go back, reload the page and try again.');
  }
  return Number(version);
}
