import { ERASURE_GROUNDS, type ErasureGround } from '@ppo/domain';
import { EnumField } from '../../shared/http/request-fields';

/** Request body: erase an offender's personal data, on a ground of DPA 2018 s.47. */
export class ErasePersonalDataDto {
  @EnumField(ERASURE_GROUNDS, 'Why: processing would infringe the data protection principles, the law requires erasure, or the retention period has ended')
  ground!: ErasureGround;
}
