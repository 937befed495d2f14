import { LAPSE_KINDS, SEVERITIES, type IsoDate, type LapseKind, type Severity } from '@ppo/domain';
import { DateField, EnumField, TextField } from '../../shared/http/request-fields';

/** Request body: record a lapse (drug use, reoffending, missed contacts). */
export class RecordLapseDto {
  @DateField('When the lapse happened')
  occurredOn!: IsoDate;

  @EnumField(LAPSE_KINDS, 'What kind of lapse')
  kind!: LapseKind;

  @EnumField(SEVERITIES, 'How serious')
  severity!: Severity;

  @TextField('What happened', { optional: true, maxLength: 4000 })
  notes?: string;
}
