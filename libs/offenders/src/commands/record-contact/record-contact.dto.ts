import { CONTACT_KINDS, CONTACT_OUTCOMES, type ContactKind, type ContactOutcome, type IsoDate } from '@ppo/domain';
import { DateField, EnumField, TextField } from '../../shared/http/request-fields';

/** Request body: record a supervision contact and its outcome. */
export class RecordContactDto {
  @DateField('When the contact was due or took place')
  contactOn!: IsoDate;

  @EnumField(CONTACT_KINDS, 'How the contact was made')
  kind!: ContactKind;

  @EnumField(CONTACT_OUTCOMES, 'Whether the offender attended')
  outcome!: ContactOutcome;

  @TextField('Case notes', { optional: true, maxLength: 4000 })
  notes?: string;
}
