import { COURT_OUTCOMES, STRANDS, type CourtOutcome, type IsoDate, type Strand } from '@ppo/domain';
import { DateField, EnumField, IntegerField, TextField, UuidField } from '../../shared/http/request-fields';

/** Request body: record a court outcome. */
export class RecordCourtOutcomeDto {
  @EnumField(COURT_OUTCOMES, 'What the court decided')
  outcome!: CourtOutcome;

  @DateField('When')
  decidedOn!: IsoDate;

  @TextField('Which court', { maxLength: 200 })
  court!: string;

  @UuidField('The fast-track this hearing follows, if any', { optional: true })
  fastTrackId?: string;

  @EnumField(STRANDS, 'The strand to make current, when not rehabilitate-and-resettle', { optional: true })
  currentStrand?: Strand;

  @IntegerField('With a custody outcome: the sentence in months', 1, 600, { optional: true })
  custodyMonths?: number;

  @DateField('With a new community order: when it ends (may be in the future)', { optional: true })
  orderEndsOn?: IsoDate;
}
