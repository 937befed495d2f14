import type TestAgent from 'supertest/lib/agent';
import { signedInBrowser } from '../support/browser';
import { fillIn, type Browser } from '../support/forms';
import { register, startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

describe("Legal holds and erasure from the offender's page (the DPO)", () => {
  let t: TestApp;
  let dpo: Browser;
  let casey: Browser;
  let dpoApi: TestAgent;
  let id: string;
  const types = async (): Promise<string[]> => (await dpoApi.get(`/api/offenders/${id}/events`).expect(200)).body.events.map((e: { type: string }) => e.type);

  beforeAll(async () => {
    t = await startTestApp();
    id = await register(t.http, { givenName: 'Ezra', familyName: 'Rasmussen-Vale', crn: 'E404040' });
    dpoApi = (await t.user(['dpo'], [], { username: 'dora' })).http;
    dpo = await signedInBrowser(t.app.getHttpServer(), 'dora', TEST_PASSWORD);
    casey = await signedInBrowser(t.app.getHttpServer(), 'casey', TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('offers a legal hold and erasure to the DPO only', async () => {
    const page = (await dpo.get(`/offenders/${id}`).expect(200)).text;
    expect(page).toContain(`href="/offenders/${id}/place-legal-hold">Place a legal hold</a>`);
    expect(page).toContain(`href="/offenders/${id}/erase-personal-data">Erase personal data</a>`);
    const caseworkers = (await casey.get(`/offenders/${id}`).expect(200)).text;
    expect(caseworkers).not.toContain('legal-hold');
    expect(caseworkers).not.toContain('erase-personal-data');
    await casey.get(`/offenders/${id}/erase-personal-data`).expect(403);
  });

  it('under a legal hold, hides erasure and refuses it in words, recording nothing', async () => {
    await fillIn(dpo, `/offenders/${id}/place-legal-hold`, { reason: 'Civil claim pending' }, 303);
    const page = (await dpo.get(`/offenders/${id}`).expect(200)).text;
    expect(page).toContain(`href="/offenders/${id}/release-legal-hold">Release the legal hold</a>`);
    expect(page).not.toContain('erase-personal-data"');
    const before = await types();
    const refused = await fillIn(dpo, `/offenders/${id}/erase-personal-data`, { ground: 'principles-infringed' }, 409);
    expect(refused.text).toContain('A legal hold is in place: the personal data must be kept until it is released.');
    expect(await types()).toEqual(before);
    await fillIn(dpo, `/offenders/${id}/release-legal-hold`, { reason: 'Claim settled' }, 303);
    expect((await types()).slice(-2)).toEqual(['LegalHoldPlaced', 'LegalHoldReleased']);
  });

  it('asks for the ground of an erasure, with the error summary, and records nothing without it', async () => {
    const before = await types();
    const refused = await fillIn(dpo, `/offenders/${id}/erase-personal-data`, {}, 400);
    expect(refused.text).toContain('There is a problem');
    expect(refused.text).toContain('href="#ground"');
    expect(await types()).toEqual(before);
  });

  it('erases: the page then reads [erased] with the erasure in the history, and offers nothing but the subject access copy', async () => {
    const opened = (await dpo.get(`/offenders/${id}/erase-personal-data`).expect(200)).text;
    expect(opened).toContain('This cannot be undone.');
    await fillIn(dpo, `/offenders/${id}/erase-personal-data`, { ground: 'retention-period-ended' }, 303);
    expect((await types()).at(-1)).toBe('PersonalDataErased');
    const page = (await dpo.get(`/offenders/${id}`).expect(200)).text;
    expect(page).not.toContain('Rasmussen-Vale');
    expect(page).not.toContain('E404040');
    expect(page).toContain('[erased]');
    expect(page).toContain('Personal data erased');
    expect(page).not.toContain('erase-personal-data"');
    expect(page).not.toContain('legal-hold"');
  });
});
