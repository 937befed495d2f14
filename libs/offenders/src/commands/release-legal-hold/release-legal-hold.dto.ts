import { TextField } from '../../shared/http/request-fields';

/** Request body: Release the legal hold. */
export class ReleaseLegalHoldDto {
  @TextField('Why the hold ends', { maxLength: 2000 })
  reason!: string;
}
