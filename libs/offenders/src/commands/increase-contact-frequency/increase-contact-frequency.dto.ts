import { type IsoDate } from '@ppo/domain';
import { DateField, NumberField, TextField } from '../../shared/http/request-fields';

/** Request body: increase required contact. */
export class IncreaseContactFrequencyDto {
  @NumberField('Required contacts a week from now on', 0.25, 14)
  contactsPerWeek!: number;

  @TextField('Why contact must increase', { maxLength: 2000 })
  reason!: string;

  @DateField('From when')
  effectiveOn!: IsoDate;
}
