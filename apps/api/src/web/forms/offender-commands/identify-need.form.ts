import { NEEDS } from '@ppo/domain';
import type { CommandFormDefinition } from '../command-form/command-form';
import { IdentifyNeedCommand, IdentifyNeedDto } from '@ppo/offenders';
import { dateField, notesField } from './common-fields';

/** How the forms name the OASys need sections where the domain's words read badly. */
export const NEED_LABELS: Record<string, string> = {
  'education-training-employment': 'Education, training and employment',
  health: 'Emotional wellbeing and health',
};

/** Record a criminogenic need, by OASys section. */
export const identifyNeedForm: CommandFormDefinition = {
  slug: 'identify-need',
  title: 'Record a need',
  permission: 'offender.command',
  command: IdentifyNeedCommand,
  dto: IdentifyNeedDto,
  fields: [
    { kind: 'select', name: 'need', label: 'Need', hint: 'The OASys section it comes under', noun: 'the need', options: NEEDS, labels: NEED_LABELS, emptyOption: 'Select a need' },
    dateField('identifiedOn', 'Date it was identified', 'the date it was identified'),
    notesField('notes', 'What the need is', 'what the need is'),
  ],
};
