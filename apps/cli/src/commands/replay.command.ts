import { loadConfig } from '@ppo/config';
import { DomainError, offenderStreamId, policyForArea } from '@ppo/domain';
import { openProtectedEventStore } from '@ppo/personal-data';
import { GetOffenderStateAtHandler, GetOffenderStateAtQuery, type OffenderStateAtView } from '@ppo/offenders';
import { Command } from 'commander';
// The auditor's replay page says the same things in the same words; the command line prints them as text.
import { endOfLondonDay } from '../../../api/src/web/pages/audit/shared/london-time';
import { comparisonRows, describePoint, eventCountRows, provenanceOf, type ComparisonRow, type EventLine, type ReplayedPoint } from '../../../api/src/web/pages/audit/replay/replay-view';
import { isRealDate } from '../../../api/src/web/shared/real-date';

/** A moment with its zone (`2026-07-01T09:00:00Z`, `2026-07-01T10:00+01:00`): the offset says which instant is meant. */
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The `--known-at` value as the instant it means: a date alone is the end of that day on London's clock, as on the replay page. */
export function knownAtInstant(value: string): string {
  if (isRealDate(value)) return endOfLondonDay(value);
  if (MOMENT.test(value) && isRealDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  throw new Error(`--known-at must be a moment with its zone, such as 2026-07-01T09:00:00Z, or a date (the end of that day, London time), not "${value}"`);
}

const table = (rows: ComparisonRow[]) => {
  const width = Math.max(...rows.map((r) => r.key.length));
  return rows.map((r) => `${r.key.padEnd(width)}  ${r.values[0]}`);
};

const eventLine = (e: EventLine) => `  - ${e.on}: ${e.title}.${e.detail ? ` ${e.detail}` : ''} Entered ${e.recorded}.`;

/** The replay as text: the point, the derived state and the event counts, then the events behind the strand, intensity and eligibility. */
export function replayAsText(replayed: ReplayedPoint, stored: Parameters<typeof provenanceOf>[1]): string {
  const { view } = replayed;
  const lines = [`Offender ${view.offenderId}`, `${describePoint(replayed)} (${view.knownAt})`, ''];
  if (view.registered) lines.push(...table(comparisonRows([replayed])), '');
  else lines.push('Not registered on that date, as the record then stood.', '');
  lines.push(...table(eventCountRows([replayed])));
  if (!view.registered) return `${lines.join('\n')}\n`;

  const [side] = provenanceOf([replayed], stored);
  for (const group of side.groups) {
    lines.push('', `${group.key}, from:`);
    if (group.events.length === 0) lines.push(`  ${group.emptyText}`);
    lines.push(...group.events.map(eventLine));
  }
  if (side.enteredLater.length > 0) {
    lines.push('', 'Happened by the date but entered after the moment (not counted above):');
    lines.push(...side.enteredLater.map(eventLine));
  }
  return `${lines.join('\n')}\n`;
}

/** `ppo replay`: one offender's record as true on a date, as known at a moment (the API's GET /api/offenders/:id/state). */
export function replayCommand(): Command {
  return new Command('replay')
    .description(
      'Replay one offender’s record: the derived state (status, strand, intensity, eligibility, counts) as true on --as-at, ' +
        'according to what had been recorded by --known-at (default: everything recorded), and the events behind it. ' +
        'The same answer as GET /api/offenders/:id/state.',
    )
    .argument('<offenderId>', 'the offender’s id')
    .requiredOption('--as-at <date>', 'the date the state is wanted for, YYYY-MM-DD')
    .option('--known-at <timestamp>', 'only what had been recorded by this moment, e.g. 2026-07-01T09:00:00Z (a date alone: the end of that day, London time)')
    .option('--json', 'print the state as JSON, as the API answers it')
    .action(async (offenderId: string, options: { asAt: string; knownAt?: string; json?: boolean }) => {
      // Checked here rather than by the option parser, so a bad date is one line, not a line and the help.
      if (!isRealDate(options.asAt)) throw new Error(`--as-at must be a real date, YYYY-MM-DD, not "${options.asAt}"`);
      const knownAt = options.knownAt === undefined ? undefined : knownAtInstant(options.knownAt);
      const config = loadConfig();
      const events = openProtectedEventStore(config.eventStore, config.personalData);
      try {
        let view: OffenderStateAtView;
        try {
          view = await new GetOffenderStateAtHandler(events, config.policies).execute(new GetOffenderStateAtQuery(offenderId, options.asAt, knownAt));
        } catch (error) {
          if (error instanceof DomainError && error.code === 'OFFENDER.NOT_REGISTERED') throw new Error(`there is no offender with the id ${offenderId}`);
          throw error;
        }
        if (options.json) {
          console.log(JSON.stringify(view, null, 2));
          return;
        }
        const escalationDays = policyForArea(config.policies, view.summary?.area ?? '').escalationDays;
        const point = knownAt ? { asAt: options.asAt, knownAt } : { asAt: options.asAt };
        process.stdout.write(replayAsText({ point, view, escalationDays }, await events.readStream(offenderStreamId(offenderId))));
      } finally {
        await events.close();
      }
    });
}
