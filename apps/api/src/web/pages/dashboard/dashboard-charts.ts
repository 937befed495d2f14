import { sentence } from '../../shared/format';
import { barChart, type BarChart } from './bar-chart';
import type { DashboardFigures } from './dashboard-figures';

/** "1 adoption", "3 adoptions". */
const counted = (value: number, plural: string) => `${value} ${value === 1 ? plural.replace(/s$/, '') : plural}`;

/** The dashboard's charts, each drawn from the same figures as the table beside it. */
export function dashboardCharts(figures: DashboardFigures): Record<string, BarChart> {
  const { cohort, months, offending } = figures;
  const byMonth = (pick: (m: DashboardFigures['months'][number]) => (number | null)[]) => months.map((m) => ({ label: m.label, values: pick(m) }));
  return {
    strand: barChart({
      id: 'chart-strand',
      title: `Offenders on the scheme by strand, ${cohort?.label ?? ''}`,
      series: ['offenders'],
      groups: (cohort?.byStrand ?? []).map((s) => ({ label: sentence(s.key), values: [s.value] })),
      format: (v) => counted(v, 'offenders'),
    }),
    intensity: barChart({
      id: 'chart-intensity',
      title: `Offenders on the scheme by intensity, ${cohort?.label ?? ''}`,
      series: ['offenders'],
      groups: (cohort?.byIntensity ?? []).map((s) => ({ label: sentence(s.key), values: [s.value] })),
      format: (v) => counted(v, 'offenders'),
    }),
    adoptions: barChart({
      id: 'chart-adoptions',
      title: 'Adoptions and deselections by month',
      series: ['adoptions', 'deselections'],
      groups: byMonth((m) => [m.adoptions, m.deselections]),
      format: counted,
    }),
    enforcement: barChart({
      id: 'chart-enforcement',
      title: 'Lapses and fast-tracks to court by month',
      series: ['lapses', 'fast-tracks'],
      groups: byMonth((m) => [m.lapses, m.fastTracks]),
      format: counted,
    }),
    compliance: barChart({
      id: 'chart-compliance',
      title: 'Contact compliance by month: attended contacts as a percentage of those required',
      series: ['compliance'],
      groups: byMonth((m) => [m.compliance]),
      max: Math.max(100, ...months.map((m) => m.compliance ?? 0)),
      format: (v) => `${v}%`,
    }),
    fastTrackDays: barChart({
      id: 'chart-fast-track-days',
      title: 'Mean days from a lapse to its fast-track, by month of the fast-track',
      series: ['days'],
      groups: byMonth((m) => [m.meanDays]),
      format: (v) => counted(v, 'days'),
    }),
    offending: barChart({
      id: 'chart-offending',
      title: `Arrests and convictions in the ${offending.windowMonths} months before and after adoption`,
      series: ['offences'],
      groups: [
        { label: `Arrests and convictions in the ${offending.windowMonths} months before adoption`, values: [offending.before] },
        { label: `Arrests and convictions in the ${offending.windowMonths} months after adoption`, values: [offending.after] },
      ],
      format: String,
    }),
  };
}

/** A table of figures by month, as the template draws it beside a chart. */
export interface MonthTable {
  caption: string;
  columns: string[];
  rows: { label: string; values: (string | number)[] }[];
}

/** The tables beside the month-by-month charts, with the same figures. */
export function dashboardTables(figures: DashboardFigures): Record<'adoptions' | 'enforcement' | 'compliance' | 'fastTrackDays', MonthTable> {
  const rows = (pick: (m: DashboardFigures['months'][number]) => (string | number)[]) => figures.months.map((m) => ({ label: m.label, values: pick(m) }));
  return {
    adoptions: { caption: 'Adoptions and deselections by month', columns: ['Adoptions', 'Deselections'], rows: rows((m) => [m.adoptions, m.deselections]) },
    enforcement: { caption: 'Lapses and fast-tracks to court by month', columns: ['Lapses', 'Fast-tracks'], rows: rows((m) => [m.lapses, m.fastTracks]) },
    compliance: {
      caption: 'Contacts attended against those required, by month',
      columns: ['Attended', 'Required', 'Compliance'],
      rows: rows((m) => [m.attended, m.required, m.compliance === null ? 'None required' : `${m.compliance}%`]),
    },
    fastTrackDays: {
      caption: 'Fast-tracks that followed a recorded lapse, and the mean days between the two, by month',
      columns: ['Fast-tracks after a lapse', 'Mean days'],
      rows: rows((m) => [m.lapseToFastTrack, m.meanDays ?? 'None']),
    },
  };
}
