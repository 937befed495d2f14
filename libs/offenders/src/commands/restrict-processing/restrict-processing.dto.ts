import { TextField } from '../../shared/http/request-fields';

/** Request body: Restrict processing of the record. */
export class RestrictProcessingDto {
  @TextField('Why processing is restricted (shown to auditors and the DPO)', { maxLength: 2000 })
  reason!: string;
}
