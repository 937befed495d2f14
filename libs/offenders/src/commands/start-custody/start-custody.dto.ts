import { type IsoDate } from '@ppo/domain';
import { BooleanField, DateField, IntegerField } from '../../shared/http/request-fields';

/** Request body: record that the offender went into custody. */
export class StartCustodyDto {
  @DateField('When custody began')
  startedOn!: IsoDate;

  @IntegerField('Length of the custodial sentence in months (absent on remand)', 1, 600, { optional: true })
  sentenceMonths?: number;

  @BooleanField('True when remanded rather than sentenced', { optional: true })
  remand?: boolean;
}
