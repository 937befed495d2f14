import { Inject, Injectable } from '@nestjs/common';
import { offenderStreamId } from '@ppo/domain';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@ppo/event-store';
import { ACTIVITY_TABLE, ELIGIBILITY_TABLE, OFFENDER_JOURNEY_TABLE, READ_MODEL_STORE, SCHEME_TIMELINE_TABLE, type ReadModelStore, type Row } from '@ppo/read-models';
import type { AccessLogEntry } from '../access-log/access-log-entry';
import { SqliteAccessLog } from '../access-log/sqlite-access-log';

/** Everything the service holds about one person, wherever it is kept. */
export interface SubjectAccessExport {
  offenderId: string;
  producedAt: string;
  /** The record of truth: every event of their stream, with who recorded it and when. */
  events: StoredEvent[];
  /** Each read model's rows about them, by table. */
  readModels: Record<string, Row[]>;
  /** Every logged consultation, disclosure and alteration of their data. */
  accessLog: AccessLogEntry[];
}

const PER_OFFENDER_TABLES = [OFFENDER_JOURNEY_TABLE, ELIGIBILITY_TABLE, SCHEME_TIMELINE_TABLE];

/** Gathers a subject access export, for the API's JSON and the DPO's printable page alike. */
@Injectable()
export class SubjectAccessExporter {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly accessLog: SqliteAccessLog,
  ) {}

  async export(offenderId: string): Promise<SubjectAccessExport> {
    const readModels: Record<string, Row[]> = {};
    for (const table of PER_OFFENDER_TABLES) readModels[table.name] = [...(await this.readModels.load(table, [offenderId])).values()];
    readModels[ACTIVITY_TABLE.name] = (await this.readModels.select(ACTIVITY_TABLE, { where: [{ column: 'offender_id', op: '=', value: offenderId }], orderBy: [{ column: 'position', direction: 'asc' }] })).rows;
    return {
      offenderId,
      producedAt: new Date().toISOString(),
      events: await this.events.readStream(offenderStreamId(offenderId)),
      readModels,
      // Who consulted this person's data, not whom else they consulted at the same time: other subjects are left out.
      accessLog: this.accessLog.search({ subject: offenderId, pageSize: 100_000 }).entries.map((entry) => ({ ...entry, subjects: [offenderId] })),
    };
  }
}
