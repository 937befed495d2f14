import { INTERVENTION_RESULTS, type InterventionResult, type IsoDate } from '@ppo/domain';
import { DateField, EnumField } from '../../shared/http/request-fields';

/** Request body: record how an intervention ended. */
export class CompleteInterventionDto {
  @DateField('When it ended')
  completedOn!: IsoDate;

  @EnumField(INTERVENTION_RESULTS, 'Whether it was completed')
  result!: InterventionResult;
}
