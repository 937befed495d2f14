import type { ErasureGround } from '@ppo/domain';

/** What the DPO keeps as proof of an erasure. It holds no personal data. */
export interface ErasureReceipt {
  offenderId: string;
  ground: ErasureGround;
  /** The date of the erasure where the scheme is. */
  erasedOn: string;
  /** When the PersonalDataErased event was stored (the log's clock). */
  recordedAt: string;
  erasedBy: { userId: string; username?: string; role: string };
  /** The PersonalDataErased event, and where it stands in the log. */
  eventId: string;
  streamVersion: number;
  logPosition: number;
  /** The offender's data key is destroyed: every personal value in their history now reads [erased]. */
  dataKey: 'destroyed';
  /** Read models hold no personal data of the offender once their projections pass this position. */
  readModelsPurgedFrom: number;
  /** True when this answers a repeated request: the erasure had already been done. */
  alreadyErased: boolean;
}
