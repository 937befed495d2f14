import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, offenderStreamId } from '@ppo/domain';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@ppo/event-store';
import { KEYRING, type Keyring } from '@ppo/personal-data';
import { CLOCK, type Clock } from '../../shared/clock';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { ErasePersonalDataCommand } from './erase-personal-data.command';
import type { ErasureReceipt } from './erasure-receipt';

/**
 * Erasure: the decider records PersonalDataErased (refused under a legal hold), then the offender's data key is
 * destroyed. The event comes first so the log always says who erased and why; if destroying the key fails, the
 * DPO repeats the request, which finds the erasure recorded and destroys the key again.
 */
@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<ErasePersonalDataCommand, ErasureReceipt> {
  constructor(
    private readonly runner: OffenderCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEYRING) private readonly keyring: Keyring,
  ) {}

  async execute(message: ErasePersonalDataCommand): Promise<ErasureReceipt> {
    const streamId = offenderStreamId(message.offenderId);
    let alreadyErased = false;
    let erasedAt: number | undefined;
    try {
      const result = await this.runner.run(message, () => ({ type: 'ErasePersonalData', data: { ground: message.body.ground, erasedOn: this.clock.today() } }));
      erasedAt = result.version;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'OFFENDER.ERASED')) throw error;
      alreadyErased = true;
    }
    // The event just appended is the stream's last; a repeated request looks for the earlier one.
    const read = await this.store.readStream(streamId, erasedAt === undefined ? {} : { from: erasedAt, to: erasedAt });
    const erasure = read.findLast((event) => event.type === 'PersonalDataErased');
    if (!erasure) throw new Error(`No PersonalDataErased in ${streamId} after the erasure was accepted`);
    await this.keyring.destroy(streamId, erasure.recordedAt);
    return receiptOf(message.offenderId, erasure, alreadyErased);
  }
}

function receiptOf(offenderId: string, erasure: StoredEvent, alreadyErased: boolean): ErasureReceipt {
  const data = erasure.data as { ground: ErasureReceipt['ground']; erasedOn: string };
  const { userId, username, role } = erasure.metadata.actor;
  return {
    offenderId,
    ground: data.ground,
    erasedOn: data.erasedOn,
    recordedAt: erasure.recordedAt,
    erasedBy: { userId, ...(username ? { username } : {}), role },
    eventId: erasure.eventId,
    streamVersion: erasure.version,
    logPosition: erasure.globalPosition,
    dataKey: 'destroyed',
    readModelsPurgedFrom: erasure.globalPosition,
    alreadyErased,
  };
}
