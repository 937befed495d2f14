import { TextField } from '../../shared/http/request-fields';

/** Request body: Lift the restriction on the record. */
export class LiftRestrictionDto {
  @TextField('Why the restriction is lifted', { maxLength: 2000 })
  reason!: string;
}
