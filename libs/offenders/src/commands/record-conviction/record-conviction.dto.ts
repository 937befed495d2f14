import { OFFENCES, type IsoDate, type Offence } from '@ppo/domain';
import { DateField, EnumField, TextField } from '../../shared/http/request-fields';

/** Request body: record a conviction. */
export class RecordConvictionDto {
  @EnumField(OFFENCES, 'The offence convicted of')
  offence!: Offence;

  @DateField('When the offence was committed')
  offenceDate!: IsoDate;

  @DateField('When the court convicted')
  convictionDate!: IsoDate;

  @TextField('The convicting court', { maxLength: 200 })
  court!: string;

  @TextField('The sentence passed, in words', { optional: true, maxLength: 500 })
  sentence?: string;
}
