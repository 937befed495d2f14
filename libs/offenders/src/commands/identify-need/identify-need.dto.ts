import { NEEDS, type IsoDate, type Need } from '@ppo/domain';
import { DateField, EnumField, TextField } from '../../shared/http/request-fields';

/** Request body: record a criminogenic need (OASys section). */
export class IdentifyNeedDto {
  @EnumField(NEEDS, 'The need identified')
  need!: Need;

  @DateField('When it was identified')
  identifiedOn!: IsoDate;

  @TextField('What the need is', { optional: true, maxLength: 2000 })
  notes?: string;
}
