import { handlerHarness } from '../../testing/handler-harness';
import { StartCustodyCommand } from './start-custody.command';
import { StartCustodyHandler } from './start-custody.handler';

describe('Starting custody', () => {
  const h = handlerHarness();
  afterAll(() => h.close());

  it('takes custody as a sentence unless the case worker says it is remand', async () => {
    await h.given('adopted');
    await new StartCustodyHandler(h.runner).execute(new StartCustodyCommand(h.offenderId, { startedOn: '2026-11-19', sentenceMonths: 30 }, h.context()));
    expect((await h.events()).at(-1)).toMatchObject({ type: 'CustodyStarted', data: { startedOn: '2026-11-19', sentenceMonths: 30, remand: false } });
  });
});
