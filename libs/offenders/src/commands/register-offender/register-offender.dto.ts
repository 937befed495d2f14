import { type IsoDate } from '@ppo/domain';
import { DateField, TextField } from '../../shared/http/request-fields';

/** Request body: register an offender. The personal fields become the event's `personal` part. */
export class RegisterOffenderDto {
  @TextField('Case reference number (national probation case system)', { maxLength: 20, example: 'X123456' })
  crn!: string;

  @TextField('Police National Computer id, when known', { optional: true, maxLength: 20, example: '2001/0123456A' })
  pncId?: string;

  @TextField('Given name', { maxLength: 100 })
  givenName!: string;

  @TextField('Family name', { maxLength: 100 })
  familyName!: string;

  @DateField('Date of birth', { example: '1990-04-12' })
  dateOfBirth!: IsoDate;

  @TextField('The scheme area (selects its policy)', { maxLength: 50, example: 'northumbria' })
  area!: string;

  @DateField('When the offender was registered (defaults to today)', { optional: true })
  registeredOn?: IsoDate;
}
