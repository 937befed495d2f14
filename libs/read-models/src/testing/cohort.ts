import { DEFAULT_SCHEME_POLICIES, DomainError, type IsoDate, type OffenderCommand } from '@ppo/domain';
import type { EventStore } from '@ppo/event-store';
import { fixedClock, OffenderCommandMessage, OffenderCommandRunner, SYSTEM_ACTOR } from '@ppo/offenders';
import { randomUUID } from 'node:crypto';

class TestCommand extends OffenderCommandMessage<object> {}

/**
 * Applies a command to an offender's stream through the command side's own
 * runner (read, fold, decide, append), as if on `today`; false when refused.
 */
export async function applyCommand(store: EventStore, offenderId: string, command: OffenderCommand, today: IsoDate): Promise<boolean> {
  const runner = new OffenderCommandRunner(store, fixedClock(`${today}T12:00:00Z`), DEFAULT_SCHEME_POLICIES);
  const context = { actor: { ...SYSTEM_ACTOR, userId: 'test' }, correlationId: 'test', commandId: randomUUID() };
  try {
    await runner.run(new TestCommand(offenderId, {}, context), () => command);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}
