import type { ProjectionStatus } from '@ppo/read-models';
import { formatDateTime } from '../../shared/format';

/** A projection's status in words, for the operators' table. */
export interface ProjectionRow {
  name: string;
  state: string;
  /** GOV.UK tag colour for the state; the words say it too. */
  tagClass: string;
  checkpoint: number;
  head: number;
  lag: string;
  failure?: string;
  rebuilding?: string;
  lastRebuild?: string;
}

const STATES: Record<ProjectionStatus['state'], [string, string]> = {
  starting: ['Starting', 'govuk-tag--grey'],
  'catching-up': ['Catching up', 'govuk-tag--yellow'],
  live: ['Live', 'govuk-tag--green'],
  failed: ['Failed', 'govuk-tag--red'],
  stopped: ['Stopped', 'govuk-tag--grey'],
  'not-running': ['Not running here', 'govuk-tag--grey'],
  rebuilding: ['Rebuilding', 'govuk-tag--blue'],
};

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** Every projection's status in words: state, how far behind, why it failed, and how its last rebuild went. */
export function projectionRows(statuses: ProjectionStatus[]): ProjectionRow[] {
  return statuses.map((s) => {
    const [state, tagClass] = STATES[s.state] ?? [s.state, 'govuk-tag--grey'];
    const last = s.lastRebuild;
    let lastRebuild: string | undefined;
    if (last && 'error' in last) lastRebuild = `Failed on ${formatDateTime(last.finishedAt)}: ${last.error}`;
    else if (last) {
      const { onlyLive, onlyRebuilt, changed } = last.differences;
      const differences = onlyLive + onlyRebuilt + changed === 0 ? 'no differences from the live copy' : `${onlyLive} rows only in the live copy, ${onlyRebuilt} only in the rebuilt one, ${changed} changed`;
      lastRebuild = `Finished on ${formatDateTime(last.finishedAt)} in ${last.seconds.toFixed(1)} seconds: ${plural(last.rows, 'row', 'rows')}, ${differences}`;
    }
    return {
      name: s.name,
      state,
      tagClass,
      checkpoint: s.checkpoint,
      head: s.head,
      lag: s.lag.events === 0 ? 'Up to date' : `${plural(s.lag.events, 'event', 'events')} behind (${Math.round(s.lag.seconds)} seconds)`,
      failure: s.failure ? `Stopped at event ${s.failure.position} (${s.failure.eventId}): ${s.failure.error}` : undefined,
      rebuilding: s.rebuild ? `From position 0, at ${s.rebuild.position.toLocaleString('en-GB')} of ${s.rebuild.head.toLocaleString('en-GB')}, since ${formatDateTime(s.rebuild.startedAt)}` : undefined,
      lastRebuild,
    };
  });
}
