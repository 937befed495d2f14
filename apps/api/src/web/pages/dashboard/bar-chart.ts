/** A horizontal bar chart to draw as inline SVG on the server: no script, no chart library. */
export interface BarChartInput {
  /** Unique on the page: ids of the SVG's title and description derive from it. */
  id: string;
  title: string;
  /** Names of the bars in each group, e.g. ["adoptions", "deselections"]; one name for a simple chart. */
  series: string[];
  /** One group per category (a month, a strand), with a value per series; null for "no figure". */
  groups: { label: string; values: (number | null)[] }[];
  /** How a value is written beside its bar; by default the number and the series name ("3 adoptions"). */
  format?: (value: number, series: string) => string;
  /** The value a full-length bar stands for (default: the largest value). */
  max?: number;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  text: string;
  textX: number;
  textY: number;
}

export interface BarChart {
  id: string;
  title: string;
  /** Every value in words, for the SVG's description (screen readers): the chart's text alternative. */
  description: string;
  width: number;
  height: number;
  labels: { text: string; x: number; y: number }[];
  bars: Bar[];
}

/** Drawn at about the width of half a GOV.UK page, so its 16px text shows at about 16px. */
const WIDTH = 460;
const BAR_SPACE = 250;
const LABEL_HEIGHT = 22;
const BAR_HEIGHT = 22;
const BAR_GAP = 4;
const GROUP_GAP = 12;
/** GOV.UK blue, purple, green and red: each at least 3:1 against white, and every bar is labelled in words anyway. */
const FILLS = ['#1d70b8', '#912b88', '#00703c', '#d4351c'];

const defaultFormat = (value: number, series: string) => (series ? `${value} ${series}` : String(value));

/** Lays out a chart: each group's label on a line of its own, its bars beneath, and each bar's value written at its end. */
export function barChart(input: BarChartInput): BarChart {
  const format = input.format ?? defaultFormat;
  const values = input.groups.flatMap((g) => g.values.filter((v): v is number => v !== null));
  const max = input.max ?? Math.max(0, ...values);
  const labels: BarChart['labels'] = [];
  const bars: Bar[] = [];
  let y = 0;
  for (const group of input.groups) {
    labels.push({ text: group.label, x: 0, y: y + 16 });
    y += LABEL_HEIGHT;
    group.values.forEach((value, i) => {
      const width = value && max > 0 ? Math.round(Math.max(2, (Math.min(value, max) / max) * BAR_SPACE) * 10) / 10 : 0;
      bars.push({
        x: 0,
        y,
        width,
        height: BAR_HEIGHT,
        fill: FILLS[i % FILLS.length],
        text: value === null ? `no figure${input.series[i] ? ` for ${input.series[i]}` : ''}` : format(value, input.series[i] ?? ''),
        textX: width + 6,
        textY: y + 16,
      });
      y += BAR_HEIGHT + BAR_GAP;
    });
    y += GROUP_GAP - BAR_GAP;
  }
  const description = input.groups.length
    ? input.groups
        .map((g) => `${g.label}: ${g.values.map((v, i) => (v === null ? `no figure${input.series[i] ? ` for ${input.series[i]}` : ''}` : format(v, input.series[i] ?? ''))).join(', ')}`)
        .join('; ') + '.'
    : 'No figures.';
  return { id: input.id, title: input.title, description, width: WIDTH, height: Math.max(y - GROUP_GAP, BAR_HEIGHT), labels, bars };
}
