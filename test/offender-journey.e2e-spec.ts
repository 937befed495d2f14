import { startTestApp, registration, type TestApp } from './support/test-app';

describe('An offender’s journey through the scheme, over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('goes from registration through adoption, supervision, a lapse and a fast-track to deselection', async () => {
    const { http } = t;
    const registered = await http.post('/api/offenders').send(registration()).expect(201);
    const id: string = registered.body.offenderId;
    expect(registered.headers.location).toBe(`/api/offenders/${id}`);
    expect(registered.headers.etag).toBe('"1"');
    expect(registered.body).toMatchObject({ offenderId: id, version: 1 });

    const state = async () => (await http.get(`/api/offenders/${id}`).expect(200)).body;
    expect(await state()).toMatchObject({ status: 'registered', personal: { crn: 'X123456' }, eligibility: { eligible: false } });

    // Six convictions within twelve months make them eligible.
    for (let month = 1; month <= 6; month++) {
      const before = await state();
      expect(before.eligibility.eligible).toBe(false);
      await http
        .post(`/api/offenders/${id}/convictions`)
        .send({ offence: 'theft-from-shops', offenceDate: `2026-0${month}-01`, convictionDate: `2026-0${month}-15`, court: 'Newcastle Magistrates' })
        .expect(200);
    }
    const eligible = await state();
    expect(eligible.eligibility).toMatchObject({ eligible: true, score: 6, threshold: 6 });
    expect(eligible.eligibility.evidence.convictions).toHaveLength(6);

    // Adoption: four contacts a week, Intensive.
    const adopted = await t.supervisor.http.post(`/api/offenders/${id}/adoption`).send({ adoptedOn: '2026-07-01' }).expect(200);
    expect(adopted.body.events.map((e: { type: string }) => e.type)).toEqual(['OffenderAdopted', 'ContactFrequencySet']);
    expect(await state()).toMatchObject({
      status: 'on-scheme',
      contactsPerWeek: 4,
      intensity: { level: 'intensive', escalated: false },
      strands: { current: 'rehabilitate-and-resettle' },
      nextReviewDue: '2027-01-01',
    });

    await http
      .post(`/api/offenders/${id}/supervision-team`)
      .send({ probationOfficer: 'PO Jones', policeOfficer: 'PC Patel', assignedOn: '2026-07-01' })
      .expect(200);
    for (const [contactOn, kind] of [
      ['2026-07-02', 'home-visit'],
      ['2026-07-03', 'accompanied-appointment'],
      ['2026-07-06', 'office'],
    ]) {
      await http.post(`/api/offenders/${id}/contacts`).send({ contactOn, kind, outcome: 'attended' }).expect(200);
    }

    // After a stable period, contact is reduced.
    await http
      .post(`/api/offenders/${id}/contact-frequency/reductions`)
      .send({ contactsPerWeek: 2, reason: 'Settled in tenancy, attending every appointment', effectiveOn: '2026-09-01' })
      .expect(200);
    expect(await state()).toMatchObject({ contactsPerWeek: 2, intensity: { level: 'medium', escalated: false }, team: { probationOfficer: 'PO Jones' } });

    // A lapse escalates supervision.
    const lapse = await http
      .post(`/api/offenders/${id}/lapses`)
      .send({ occurredOn: '2026-11-10', kind: 'drug-use', severity: 'moderate' })
      .expect(200);
    expect(lapse.body.lapseId).toEqual(expect.any(String));
    expect(await state()).toMatchObject({ intensity: { level: 'medium', escalated: true }, lastLapseOn: '2026-11-10', lapsesInLast90Days: 1 });

    // The fast-track back to court makes Catch and Convict current.
    const fastTrack = await http
      .post(`/api/offenders/${id}/court-fast-tracks`)
      .send({ fastTrackedOn: '2026-11-11', reason: 'Lapse into drug use', court: 'Newcastle Magistrates', hearingOn: '2026-12-01', lapseId: lapse.body.lapseId })
      .expect(200);
    expect(await state()).toMatchObject({
      strands: { current: 'catch-and-convict', active: expect.arrayContaining(['catch-and-convict', 'rehabilitate-and-resettle']) },
      fastTracks: 1,
    });

    // The court continues the order: back to Rehabilitate and Resettle.
    await http
      .post(`/api/offenders/${id}/court-outcomes`)
      .send({ outcome: 'order-continued', decidedOn: '2026-11-18', court: 'Newcastle Magistrates', fastTrackId: fastTrack.body.fastTrackId })
      .expect(200);
    expect((await state()).strands.current).toBe('rehabilitate-and-resettle');

    // Exit, with voluntary support.
    const deselected = await t.supervisor.http
      .post(`/api/offenders/${id}/deselection`)
      .send({
        deselectedOn: '2026-11-20',
        reason: 'stable-and-order-complete',
        exitPlan: { summary: 'Order complete; stable housing and work', voluntarySupport: ['Recovery group', 'Housing support'] },
      })
      .expect(200);
    const final = await state();
    expect(final).toMatchObject({ status: 'deselected', intensity: null, strands: { active: [] } });
    expect(deselected.headers.etag).toBe(`"${final.version}"`);

    const history = (await http.get(`/api/offenders/${id}/events`).expect(200)).body;
    expect(history.events.map((e: { version: number }) => e.version)).toEqual(Array.from({ length: final.version }, (_, i) => i + 1));
    expect(history.events.at(-1)).toMatchObject({
      type: 'OffenderDeselected',
      schemaVersion: 1,
      streamId: `offender-${id}`,
      metadata: { occurredAt: '2026-11-20', correlationId: expect.any(String), commandId: expect.any(String) },
    });
    // Every event names who caused it: the caseworker for the day-to-day record, the supervisor for adoption and exit.
    const actors = new Map<string, unknown>(history.events.map((e: { type: string; metadata: { actor: unknown } }) => [e.type, e.metadata.actor]));
    const caseworker = { userId: t.caseworker.id, username: 'casey', role: 'caseworker', roles: ['caseworker'], area: 'northumbria' };
    const supervisor = { userId: t.supervisor.account.id, username: 'supervisor', role: 'supervisor', roles: ['supervisor'], area: 'northumbria' };
    expect(actors.get('OffenderRegistered')).toEqual(caseworker);
    expect(actors.get('ConvictionRecorded')).toEqual(caseworker);
    expect(actors.get('LapseOccurred')).toEqual(caseworker);
    expect(actors.get('OffenderAdopted')).toEqual(supervisor);
    expect(actors.get('OffenderDeselected')).toEqual(supervisor);
  });

  it('serves the OpenAPI document listing every command', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/offenders', '/api/offenders/{offenderId}/court-fast-tracks', '/api/offenders/{offenderId}/interventions/{interventionId}/completion']));
    expect(paths.length).toBeGreaterThanOrEqual(24);
  });
});
