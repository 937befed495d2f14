import type { CommandFormDefinition } from '../command-form/command-form';
import { RegisterOffenderCommand, RegisterOffenderDto } from '@ppo/offenders';
import { sentence } from '../../shared/format';

/** Register an offender in one of the user's own areas (the access guard refuses any other). */
export const registerOffenderForm: CommandFormDefinition = {
  slug: 'new',
  title: 'Register an offender',
  permission: 'offender.command',
  command: RegisterOffenderCommand,
  dto: RegisterOffenderDto,
  submitText: 'Register',
  fields: [
    { kind: 'text', name: 'crn', label: 'Case reference number (CRN)', hint: 'From the national probation case system. For example, X123456', noun: 'the case reference number', classes: 'govuk-input--width-10' },
    { kind: 'text', name: 'pncId', label: 'Police National Computer ID (optional)', hint: 'For example, 2001/0123456A', noun: 'the Police National Computer ID', classes: 'govuk-input--width-20' },
    { kind: 'text', name: 'givenName', label: 'Given name', noun: 'the given name', autocomplete: 'off' },
    { kind: 'text', name: 'familyName', label: 'Family name', noun: 'the family name', autocomplete: 'off' },
    { kind: 'date', name: 'dateOfBirth', label: 'Date of birth', hint: 'For example, 27 3 1990', noun: 'the date of birth' },
    {
      kind: 'radios',
      name: 'area',
      label: 'Area',
      hint: 'The scheme area whose policy applies to them',
      noun: 'an area',
      options: ({ principal }) => principal.areas.map((area) => ({ value: area, text: sentence(area) })),
      initial: ({ principal }) => (principal.areas.length === 1 ? principal.areas[0] : undefined),
    },
    { kind: 'date', name: 'registeredOn', label: 'Date of registration (optional)', hint: 'Leave empty for today. For example, 27 3 2026', noun: 'the date of registration' },
  ],
};
