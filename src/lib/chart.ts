import type { Note } from '../schemas/note.ts';
import { IMPACTS, type Impact } from './impact.ts';

/** One coloured piece of a bar. */
export interface ChartSegment {
  impact: Impact;
  count: number;
  /** Start and width as fractions (0–1) of the widest bar. */
  start: number;
  width: number;
}

/** One bar of the impact-by-area chart. */
export interface ChartRow {
  area: string | undefined;
  total: number;
  segments: ChartSegment[];
}

/** Rows of a stacked bar chart: one per area (in the given order), segments in impact order, scaled to the largest area. */
export function impactByAreaRows(
  notes: readonly Note[],
  areaOrder: readonly (string | undefined)[],
): ChartRow[] {
  const rows = areaOrder.map((area) => {
    const inArea = notes.filter((note) => note.area === area);
    return { area, inArea };
  });
  const max = Math.max(1, ...rows.map((row) => row.inArea.length));
  return rows
    .filter((row) => row.inArea.length > 0)
    .map(({ area, inArea }) => {
      let start = 0;
      const segments = IMPACTS.flatMap((impact) => {
        const count = inArea.filter((note) => note.impact === impact).length;
        if (count === 0) return [];
        const segment = { impact, count, start, width: count / max };
        start += count / max;
        return [segment];
      });
      return { area, total: inArea.length, segments };
    });
}
