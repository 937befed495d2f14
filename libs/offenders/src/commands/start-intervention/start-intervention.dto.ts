import { NEEDS, type IsoDate, type Need } from '@ppo/domain';
import { DateField, EnumField, TextField } from '../../shared/http/request-fields';

/** Request body: start an intervention addressing a need. */
export class StartInterventionDto {
  @TextField('What the intervention is', { maxLength: 200 })
  name!: string;

  @EnumField(NEEDS, 'The need it addresses', { optional: true })
  need?: Need;

  @TextField('Who provides it', { optional: true, maxLength: 200 })
  provider?: string;

  @DateField('When it started')
  startedOn!: IsoDate;
}
