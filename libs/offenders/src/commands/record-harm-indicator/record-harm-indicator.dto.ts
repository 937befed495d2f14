import { HARM_INDICATORS, type HarmIndicator, type IsoDate } from '@ppo/domain';
import { DateField, EnumField, TextField } from '../../shared/http/request-fields';

/** Request body: record harm other than offending (gang leadership, anti-social behaviour). */
export class RecordHarmIndicatorDto {
  @EnumField(HARM_INDICATORS, 'The kind of harm')
  indicator!: HarmIndicator;

  @DateField('When the harm was recorded')
  recordedOn!: IsoDate;

  @TextField('What was seen or reported', { optional: true, maxLength: 2000 })
  details?: string;
}
