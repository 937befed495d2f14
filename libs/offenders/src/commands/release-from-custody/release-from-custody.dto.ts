import { STRANDS, type IsoDate, type Strand } from '@ppo/domain';
import { DateField, EnumField } from '../../shared/http/request-fields';

/** Request body: record release from custody. */
export class ReleaseFromCustodyDto {
  @DateField('When released')
  releasedOn!: IsoDate;

  @EnumField(STRANDS, 'The strand to make current, when not rehabilitate-and-resettle', { optional: true })
  currentStrand?: Strand;
}
