import { type IsoDate } from '@ppo/domain';
import { DateField, NumberField, TextField } from '../../shared/http/request-fields';

/** Request body: reduce required contact after a stable period. */
export class ReduceContactFrequencyDto {
  @NumberField('Required contacts a week from now on (0.5 = fortnightly)', 0.25, 14)
  contactsPerWeek!: number;

  @TextField('Why contact can be reduced', { maxLength: 2000 })
  reason!: string;

  @DateField('From when')
  effectiveOn!: IsoDate;
}
