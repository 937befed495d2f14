import { STRANDS, type IsoDate, type Strand } from '@ppo/domain';
import { DateField, EnumField, TextField } from '../../shared/http/request-fields';

/** Request body: adopt the offender onto the scheme (4 contacts a week at first). */
export class AdoptOffenderDto {
  @DateField('When the panel adopted the offender')
  adoptedOn!: IsoDate;

  @EnumField(STRANDS, 'The strand to manage them under; defaults to prevent-and-deter under 18, rehabilitate-and-resettle otherwise', { optional: true })
  strand?: Strand;

  @TextField('The panel\'s reason; required when the local selection criteria are not met', { optional: true, maxLength: 2000 })
  reason?: string;
}
