import { getMetadataStorage } from 'class-validator';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fieldAt } from '../command-form/read-posted-form';
import { registerOffenderForm } from '../register-offender/register-offender.form';
import { OFFENDER_COMMAND_FORMS } from '.';

const COMMANDS = join(__dirname, '..', '..', '..', '..', '..', '..', 'libs', 'offenders', 'src', 'commands');
const SUPERVISED = ['adopt-offender', 'deselect-offender', 'change-strand'];
const RESTRICTING = ['restrict-processing', 'lift-restriction', 'place-legal-hold', 'release-legal-hold'];

describe('The forms for the offender journey’s commands', () => {
  it('has one form for each command, at a path named after the command’s folder', () => {
    // Corrections are made from one event of the history: their forms are in ../event-corrections.
    const notForms = ['register-offender', 'retract-event', 'rectify-event'];
    const folders = readdirSync(COMMANDS, { withFileTypes: true }).filter((f) => f.isDirectory() && !notForms.includes(f.name)).map((f) => f.name).sort();
    expect(OFFENDER_COMMAND_FORMS.map((f) => f.slug).sort()).toEqual(folders);
  });

  it('asks for every field of each command’s request', () => {
    for (const form of [registerOffenderForm, ...OFFENDER_COMMAND_FORMS]) {
      const properties = new Set(getMetadataStorage().getTargetValidationMetadatas(form.dto, '', true, false).map((m) => m.propertyName));
      const unasked = [...properties].filter((p) => !fieldAt(form.fields, p));
      expect({ form: form.slug, unasked }).toEqual({ form: form.slug, unasked: [] });
    }
  });

  it('needs the supervisor’s permission only for adoption, deselection and strand changes, and the DPO’s for restriction, legal holds and erasure', () => {
    const permissionOf = (slug: string) =>
      SUPERVISED.includes(slug) ? 'offender.supervise' : RESTRICTING.includes(slug) ? 'offender.restrict' : slug === 'erase-personal-data' ? 'personal-data.erase' : 'offender.command';
    for (const form of OFFENDER_COMMAND_FORMS) {
      expect({ form: form.slug, permission: form.permission }).toEqual({ form: form.slug, permission: permissionOf(form.slug) });
    }
  });
});
