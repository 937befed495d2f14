import { handlerHarness } from '../../testing/handler-harness';
import { DeselectOffenderCommand } from './deselect-offender.command';
import { DeselectOffenderHandler } from './deselect-offender.handler';

describe('Deselecting an offender', () => {
  const h = handlerHarness();
  afterAll(() => h.close());

  it('records the exit plan with the voluntary support arranged', async () => {
    await h.given('adopted');
    const exitPlan = { summary: 'Order complete; housing settled', voluntarySupport: ['Recovery group'] };
    await new DeselectOffenderHandler(h.runner).execute(
      new DeselectOffenderCommand(h.offenderId, { deselectedOn: '2026-11-20', reason: 'stable-and-order-complete', exitPlan }, h.context()),
    );
    expect((await h.events()).at(-1)).toMatchObject({ type: 'OffenderDeselected', data: { reason: 'stable-and-order-complete', exitPlan } });
  });

  it('refuses without an exit plan unless the offender died, and appends nothing', async () => {
    const other = handlerHarness();
    await other.given('adopted');
    const before = await other.store.headPosition();
    await expect(
      new DeselectOffenderHandler(other.runner).execute(
        new DeselectOffenderCommand(other.offenderId, { deselectedOn: '2026-11-20', reason: 'moved-area' }, other.context()),
      ),
    ).rejects.toMatchObject({ code: 'DESELECTION.EXIT_PLAN_REQUIRED' });
    expect(await other.store.headPosition()).toBe(before);
    await other.close();
  });
});
