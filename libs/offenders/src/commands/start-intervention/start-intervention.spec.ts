import { handlerHarness } from '../../testing/handler-harness';
import { CompleteInterventionCommand } from '../complete-intervention/complete-intervention.command';
import { CompleteInterventionHandler } from '../complete-intervention/complete-intervention.handler';
import { StartInterventionCommand } from './start-intervention.command';
import { StartInterventionHandler } from './start-intervention.handler';

describe('Starting an intervention', () => {
  const h = handlerHarness();
  afterAll(() => h.close());

  it('gives the intervention an id that its completion then refers to', async () => {
    await h.given('registered');
    const started = await new StartInterventionHandler(h.runner).execute(
      new StartInterventionCommand(h.offenderId, { name: 'Drug treatment', need: 'drugs', startedOn: '2026-10-01' }, h.context()),
    );
    const interventionId = started.created.interventionId;
    expect(interventionId).toMatch(/^[0-9a-f-]{36}$/);
    await new CompleteInterventionHandler(h.runner).execute(
      new CompleteInterventionCommand(h.offenderId, { interventionId, completedOn: '2026-11-10', result: 'completed' }, h.context()),
    );
    expect((await h.events()).at(-1)).toMatchObject({ type: 'InterventionCompleted', data: { interventionId, result: 'completed' } });
  });
});
