import { OFFENCES, type IsoDate, type Offence } from '@ppo/domain';
import { DateField, EnumField } from '../../shared/http/request-fields';

/** Request body: record an arrest. */
export class RecordArrestDto {
  @DateField('When the arrest happened')
  arrestedOn!: IsoDate;

  @EnumField(OFFENCES, 'The offence arrested for')
  offence!: Offence;
}
