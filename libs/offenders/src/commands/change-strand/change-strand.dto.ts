import { STRANDS, STRAND_CHANGES, type IsoDate, type Strand, type StrandChange } from '@ppo/domain';
import { DateField, EnumField, TextField } from '../../shared/http/request-fields';

/** Request body: add, end or make current a strand. */
export class ChangeStrandDto {
  @EnumField(STRANDS, 'The strand')
  strand!: Strand;

  @EnumField(STRAND_CHANGES, 'What changes')
  change!: StrandChange;

  @DateField('When')
  changedOn!: IsoDate;

  @TextField('Why', { maxLength: 2000 })
  reason!: string;
}
