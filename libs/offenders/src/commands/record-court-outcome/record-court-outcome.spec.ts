import { handlerHarness } from '../../testing/handler-harness';
import { RecordCourtOutcomeCommand } from './record-court-outcome.command';
import { RecordCourtOutcomeHandler } from './record-court-outcome.handler';

describe('Recording a court outcome', () => {
  let h: ReturnType<typeof handlerHarness>;
  beforeEach(async () => {
    h = handlerHarness();
    await h.given('adopted');
  });
  afterEach(() => h.close());
  const record = (body: object) =>
    new RecordCourtOutcomeHandler(h.runner).execute(new RecordCourtOutcomeCommand(h.offenderId, body as never, h.context()));

  it('starts a new community order with an id of its own, returned to the caller', async () => {
    const result = await record({ outcome: 'new-community-order', decidedOn: '2026-11-18', court: 'Newcastle', orderEndsOn: '2027-11-17' });
    const started = (await h.events()).at(-1)!;
    expect(started.type).toBe('CommunityOrderStarted');
    expect(result.created).toEqual({ orderId: (started.data as { orderId: string }).orderId });
  });

  it('creates no order when the order is continued', async () => {
    const result = await record({ outcome: 'order-continued', decidedOn: '2026-11-18', court: 'Newcastle' });
    expect(result.created).toEqual({});
    expect((await h.events()).at(-1)!.data).not.toHaveProperty('orderId');
  });
});
