import { handlerHarness } from '../../testing/handler-harness';
import { RegisterOffenderCommand } from './register-offender.command';
import { RegisterOffenderHandler } from './register-offender.handler';

describe('Registering an offender', () => {
  const h = handlerHarness();
  afterAll(() => h.close());

  it('keeps the personal details together in one part of the event, apart from the area', async () => {
    const body = { crn: 'X123456', pncId: '2001/0123456A', givenName: 'Sam', familyName: 'Example', dateOfBirth: '1990-04-12', area: 'northumbria' };
    const result = await new RegisterOffenderHandler(h.runner).execute(new RegisterOffenderCommand(h.offenderId, body, h.context()));
    expect(result).toMatchObject({ offenderId: h.offenderId, version: 1 });
    const [registered] = await h.events();
    expect(registered.data).toEqual({
      offenderId: h.offenderId,
      area: 'northumbria',
      registeredOn: '2026-11-20',
      personal: { crn: 'X123456', pncId: '2001/0123456A', givenName: 'Sam', familyName: 'Example', dateOfBirth: '1990-04-12' },
    });
    expect(registered.streamId).toBe(`offender-${h.offenderId}`);
  });
});
