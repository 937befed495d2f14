import { adoptedOffender, startTestApp, type TestApp } from './support/test-app';

describe('Many case workers changing one record at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const contact = (day: number) => ({ contactOn: `2026-10-${String(day).padStart(2, '0')}`, kind: 'phone', outcome: 'attended' });
  const stream = async (id: string) => (await t.http.get(`/api/offenders/${id}/events`).expect(200)).body.events as { version: number; type: string }[];

  it('applies 50 parallel commands without If-Match, leaving a gap-free stream and no lost update', async () => {
    const id = await adoptedOffender(t);
    const before = (await stream(id)).length;
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => t.http.post(`/api/offenders/${id}/contacts`).send(contact((i % 28) + 1))));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(new Set(responses.map((r) => r.body.version)).size).toBe(50);

    const events = await stream(id);
    expect(events.map((e) => e.version)).toEqual(Array.from({ length: before + 50 }, (_, i) => i + 1));
    expect(events.filter((e) => e.type === 'ContactRecorded')).toHaveLength(50);
  });

  it('answers 412 to each of 50 parallel commands with a stale If-Match, and the stream does not change', async () => {
    const id = await adoptedOffender(t);
    const before = await stream(id);
    const stale = `"${before.length - 1}"`;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.http.post(`/api/offenders/${id}/contacts`).set('If-Match', stale).send(contact(i % 28 + 1))),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(412));
    expect(responses.every((r) => r.body.code === 'REQUEST.STALE_VERSION')).toBe(true);
    expect(await stream(id)).toEqual(before);
  });

  it('lets exactly one of 50 parallel commands with the current If-Match win', async () => {
    const id = await adoptedOffender(t);
    const current = (await stream(id)).length;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.http.post(`/api/offenders/${id}/contacts`).set('If-Match', `"${current}"`).send(contact(i % 28 + 1))),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 412)).toHaveLength(49);
    expect((await stream(id)).length).toBe(current + 1);
  });
});
