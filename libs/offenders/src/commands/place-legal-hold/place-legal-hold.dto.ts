import { TextField } from '../../shared/http/request-fields';

/** Request body: Place a legal hold. */
export class PlaceLegalHoldDto {
  @TextField('Why the record must be kept (litigation, an inquiry...)', { maxLength: 2000 })
  reason!: string;
}
