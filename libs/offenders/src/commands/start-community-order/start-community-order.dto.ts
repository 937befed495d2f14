import { type IsoDate } from '@ppo/domain';
import { DateField, TextField } from '../../shared/http/request-fields';

/** Request body: record a community order. */
export class StartCommunityOrderDto {
  @DateField('When the order started')
  startedOn!: IsoDate;

  @DateField('When it ends (may be in the future)')
  endsOn!: IsoDate;

  @TextField('Its requirements', { optional: true, maxLength: 2000 })
  requirements?: string;
}
