import { type IsoDate } from '@ppo/domain';
import { DateField, TextField, UuidField } from '../../shared/http/request-fields';

/** Request body: fast-track the offender back to court. */
export class FastTrackToCourtDto {
  @DateField('When the case was fast-tracked')
  fastTrackedOn!: IsoDate;

  @TextField('Why', { maxLength: 2000 })
  reason!: string;

  @TextField('The court it goes to', { maxLength: 200 })
  court!: string;

  @DateField('The hearing date (may be in the future)')
  hearingOn!: IsoDate;

  @UuidField('The lapse it follows, if any', { optional: true })
  lapseId?: string;
}
