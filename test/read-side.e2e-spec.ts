import type TestAgent from 'supertest/lib/agent';
import { adoptedOffender, register, startTestApp, type TestApp } from './support/test-app';

describe('Case workers’ lists and reports, read from projections', () => {
  let t: TestApp;
  let adopted: string;
  let candidate: string;
  let bystander: string;
  let admin: TestAgent;
  /** A caseworker covering both areas, so the lists hold every offender. */
  let reader: TestAgent;
  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.user(['admin'], [])).http;
    reader = (await t.user(['caseworker'], ['northumbria', 'cumbria'])).http;
    adopted = await adoptedOffender(t);
    await t.http
      .post(`/api/offenders/${adopted}/supervision-team`)
      .send({ probationOfficer: 'PO Jones', policeOfficer: 'PC Patel', assignedOn: '2026-07-01' })
      .expect(200);
    for (const contactOn of ['2026-11-16', '2026-11-18', '2026-11-19']) {
      await t.http.post(`/api/offenders/${adopted}/contacts`).send({ contactOn, kind: 'home-visit', outcome: 'attended' }).expect(200);
    }
    await t.http.post(`/api/offenders/${adopted}/lapses`).send({ occurredOn: '2026-11-10', kind: 'drug-use', severity: 'minor' }).expect(200);

    candidate = await register(reader, { crn: 'C777777', givenName: 'Alex', familyName: 'Candidate', area: 'cumbria' });
    for (const month of ['05', '06', '07', '08', '09', '10']) {
      await reader
        .post(`/api/offenders/${candidate}/convictions`)
        .send({ offence: 'criminal-damage', offenceDate: `2026-${month}-01`, convictionDate: `2026-${month}-10`, court: 'Carlisle' })
        .expect(200);
    }
    bystander = await register(t.http, { crn: 'B111111', givenName: 'Bo', familyName: 'Bystander' });
    await t.projected();
  });
  afterAll(() => t.close());

  it('lists offenders with today’s figures worked out from the journey', async () => {
    const { body } = await reader.get('/api/offenders').query({ status: 'on-scheme' }).expect(200);
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 25, asOf: '2026-11-20' });
    expect(body.items[0]).toMatchObject({
      offenderId: adopted,
      status: 'on-scheme',
      strands: { current: 'rehabilitate-and-resettle' },
      contactsPerWeek: 4,
      intensity: { level: 'intensive', escalated: true },
      team: { probationOfficer: 'PO Jones', policeOfficer: 'PC Patel' },
      lastContactOn: '2026-11-19',
      nextContactDue: '2026-11-20',
      contacts: { last7Days: { delivered: 3, required: 4 }, last28Days: { delivered: 3, required: 16 } },
      lastLapseOn: '2026-11-10',
      lapsesInLast90Days: 1,
    });
  });

  it('filters by officer, area and a part of a name or CRN, and sorts and pages', async () => {
    const ids = async (query: Record<string, string | number>) =>
      (await reader.get('/api/offenders').query(query).expect(200)).body.items.map((i: { offenderId: string }) => i.offenderId);
    expect(await ids({ officer: 'PC Patel' })).toEqual([adopted]);
    expect(await ids({ area: 'cumbria' })).toEqual([candidate]);
    expect(await ids({ q: 'c7777' })).toEqual([candidate]);
    expect(await ids({ q: 'bYsTaNd' })).toEqual([bystander]);
    expect(await ids({ sort: 'name' })).toEqual([bystander, candidate, adopted]);
    expect(await ids({ sort: '-name' })).toEqual([adopted, candidate, bystander]);
    const page2 = (await reader.get('/api/offenders').query({ sort: 'name', pageSize: 2, page: 2 }).expect(200)).body;
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ offenderId: adopted }] });
  });

  it('refuses unknown filters and sorts with problem+json', async () => {
    const unknown = await reader.get('/api/offenders').query({ colour: 'blue' }).expect(400);
    expect(unknown.body).toMatchObject({ code: 'REQUEST.INVALID_BODY', errors: [{ field: 'colour' }] });
    const badSort = await reader.get('/api/offenders').query({ sort: 'shoe-size', pageSize: 500 }).expect(400);
    expect(badSort.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['pageSize', 'sort']);
  });

  it('reports the offenders eligible today, with the evidence', async () => {
    const { body } = await reader.get('/api/reports/eligibility').expect(200);
    expect(body.asOf).toBe('2026-11-20');
    expect(body.candidates).toEqual([
      expect.objectContaining({ offenderId: candidate, crn: 'C777777', area: 'cumbria', eligibility: expect.objectContaining({ eligible: true, score: 6 }) }),
    ]);
    expect((await reader.get('/api/reports/eligibility').query({ area: 'northumbria' }).expect(200)).body.candidates).toEqual([]);
  });

  it('reports each projection live at the head of the log', async () => {
    const head = await t.store.headPosition();
    const { body } = await admin.get('/api/projections').expect(200);
    expect(body.projections).toEqual([
      { name: 'offender_journey', state: 'live', checkpoint: head, head, lag: { events: 0, seconds: 0 }, failure: null },
      { name: 'eligibility', state: 'live', checkpoint: head, head, lag: { events: 0, seconds: 0 }, failure: null },
      { name: 'activity', state: 'live', checkpoint: head, head, lag: { events: 0, seconds: 0 }, failure: null },
      { name: 'scheme_timeline', state: 'live', checkpoint: head, head, lag: { events: 0, seconds: 0 }, failure: null },
    ]);
  });

  it('rebuilds a projection on request while answering reads, then reports how the rebuilt copy compared', async () => {
    const started = await admin.post('/api/projections/offender_journey/rebuild').expect(202);
    expect(started.headers.location).toBe('/api/projections');
    await reader.get('/api/offenders').expect(200);
    let journey;
    for (let i = 0; i < 500; i++) {
      journey = (await admin.get('/api/projections').expect(200)).body.projections.find((p: { name: string }) => p.name === 'offender_journey');
      if (journey.lastRebuild) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(journey).toMatchObject({
      state: 'live',
      lastRebuild: { projection: 'offender_journey', rows: 3, differences: { onlyLive: 0, onlyRebuilt: 0, changed: 0 } },
    });
    expect((await reader.get('/api/offenders').expect(200)).body.total).toBe(3);
    expect((await admin.post('/api/projections/nonsense/rebuild').expect(404)).body.code).toBe('PROJECTION.NOT_FOUND');
  });

  it('gives the scheme dashboard per area and month, also as CSV', async () => {
    const { body } = await t.http.get('/api/reports/scheme-summary').query({ area: 'northumbria', from: '2026-07', to: '2026-11' }).expect(200);
    expect(body.months.map((m: { month: string }) => m.month)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(body.months[0]).toMatchObject({ area: 'northumbria', adoptions: 1, cohort: { total: 1, byIntensity: { intensive: 1 } } });
    expect(body.months.at(-1)).toMatchObject({ lapses: 1, contactCompliance: { attended: 3 } });
    const csv = await t.http.get('/api/reports/scheme-summary').query({ area: 'northumbria', from: '2026-07', to: '2026-07', format: 'csv' }).expect(200);
    expect(csv.text.split('\n')[1]).toMatch(/^northumbria,2026-07,1,0,/);
    const bad = await t.http.get('/api/reports/scheme-summary').query({ from: 'July' }).expect(400);
    expect(bad.body.errors[0]).toEqual({ field: 'from', messages: ['from must be a month, YYYY-MM'] });
  });

  it('shows supervisors who issued which command when, per offender', async () => {
    const { body } = await t.supervisor.http.get('/api/reports/activity').query({ offender: adopted, pageSize: 3 }).expect(200);
    expect(body.total).toBe(14);
    expect(body.entries[0]).toMatchObject({ offenderId: adopted, command: 'RecordLapse', event: 'LapseOccurred', user: { userId: t.caseworker.id, role: 'caseworker', area: 'northumbria' } });
    const adoption = (await t.supervisor.http.get('/api/reports/activity').query({ offender: adopted, pageSize: 50 }).expect(200)).body.entries.filter(
      (e: { command: string }) => e.command === 'AdoptOffender',
    );
    expect(adoption.map((e: { event: string }) => e.event)).toEqual(['ContactFrequencySet', 'OffenderAdopted']);
    expect(new Set(adoption.map((e: { commandId: string }) => e.commandId)).size).toBe(1);

    // recordedAt is the server's real time of append: a `to` date includes that whole day, a day earlier excludes it.
    const recordedOn = body.entries[0].recordedAt.slice(0, 10);
    const between = async (query: Record<string, string>) =>
      (await t.supervisor.http.get('/api/reports/activity').query({ offender: adopted, ...query }).expect(200)).body.total;
    expect(await between({ to: recordedOn })).toBe(14);
    expect(await between({ from: recordedOn, to: recordedOn })).toBe(14);
    expect(await between({ to: '2000-01-01' })).toBe(0);
  });
});

describe('Caseloads, contacts due and CSV exports', () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await startTestApp();
    id = await adoptedOffender(t);
    await t.http
      .post(`/api/offenders/${id}/supervision-team`)
      .send({ probationOfficer: 'PO Jones', policeOfficer: '=HYPERLINK("http://x")', assignedOn: '2026-07-01' })
      .expect(200);
    // Monday 16 and Tuesday 17 November 2026; then nothing, so the next contact was due on the 18th.
    for (const contactOn of ['2026-11-16', '2026-11-17']) {
      await t.http.post(`/api/offenders/${id}/contacts`).send({ contactOn, kind: 'office', outcome: 'attended' }).expect(200);
    }
    await t.projected();
  });
  afterAll(() => t.close());

  it('gives each officer’s caseload for this week', async () => {
    const { body } = await t.supervisor.http.get('/api/reports/caseloads').expect(200);
    expect(body.weekStarting).toBe('2026-11-16');
    expect(body.caseloads).toContainEqual({
      officer: 'PO Jones',
      role: 'probation',
      offenders: 1,
      inCustody: 0,
      contactsRequiredThisWeek: 4,
      contactsDeliveredThisWeek: 2,
      overdue: 1,
    });
  });

  it('lists contacts due, overdue first', async () => {
    const { body } = await t.http.get('/api/reports/contacts-due').query({ officer: 'PO Jones' }).expect(200);
    expect(body.contacts).toEqual([expect.objectContaining({ offenderId: id, dueOn: '2026-11-18', overdue: true, lastContactOn: '2026-11-17' })]);
  });

  it('exports a report as CSV on ?format=csv or Accept: text/csv, with formula cells defused', async () => {
    const byQuery = await t.supervisor.http.get('/api/reports/caseloads').query({ format: 'csv' }).expect(200);
    expect(byQuery.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(byQuery.headers['content-disposition']).toBe('attachment; filename="caseloads.csv"');
    const lines = byQuery.text.trim().split('\n');
    expect(lines[0]).toBe('weekStarting,officer,role,offenders,inCustody,contactsRequiredThisWeek,contactsDeliveredThisWeek,overdue');
    expect(lines).toContain('2026-11-16,PO Jones,probation,1,0,4,2,1');
    expect(lines.find((l) => l.includes('HYPERLINK'))).toMatch(/^2026-11-16,"'=HYPERLINK\(""http:\/\/x""\)",police/);

    const byAccept = await t.http.get('/api/reports/contacts-due').set('Accept', 'text/csv').expect(200);
    expect(byAccept.text.split('\n')[0]).toBe(
      'asOf,offenderId,crn,givenName,familyName,area,probationOfficer,policeOfficer,contactsPerWeek,lastContactOn,dueOn,overdue',
    );
    expect((await t.http.get('/api/reports/eligibility').query({ format: 'xml' }).expect(400)).body.code).toBe('REQUEST.INVALID_BODY');

    const empty = await t.http.get('/api/reports/eligibility').query({ format: 'csv' }).expect(200);
    expect(empty.text).toBe(
      'asOf,offenderId,crn,givenName,familyName,area,status,score,threshold,windowStart,convictionsInWindow,priorityConvictions,harmIndicators\n',
    );
  });
});
