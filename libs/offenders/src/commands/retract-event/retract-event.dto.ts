import { TextField } from '../../shared/http/request-fields';

/** Request body: retract an event recorded in error. */
export class RetractEventDto {
  @TextField('Why the entry was recorded in error (kept in the history, with who retracted it)', { maxLength: 2000, example: 'Entered against the wrong person' })
  reason!: string;
}
