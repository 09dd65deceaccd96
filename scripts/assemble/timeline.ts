/**
 * An entity's coverage over time, for the small timeline on its page: its mentions
 * counted by the month (when they span two years or less) or the year of their
 * articles' dates, every period between the first and the last included, so that a
 * gap in coverage shows as a gap. Pure: the page draws it (`Timeline.astro`).
 */
import type { EntityView } from '../core/views.ts';

export interface Timeline {
  /** `month` (YYYY-MM) or `year` (YYYY) periods. */
  unit: 'month' | 'year';
  bins: Array<{ period: string; mentions: number }>;
  /** The first and the last dated article that mentions it (YYYY-MM-DD). */
  first: string;
  last: string;
  /** Mentions in articles without a date, left out of the bins. */
  undated: number;
}

const MONTHS_FOR_MONTHLY = 24;

function periodsBetween(first: string, last: string, unit: 'month' | 'year'): string[] {
  const periods: string[] = [];
  if (unit === 'year') {
    for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++)
      periods.push(String(y));
    return periods;
  }
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  const end = last.slice(0, 7);
  for (;;) {
    const period = `${y}-${String(m).padStart(2, '0')}`;
    periods.push(period);
    if (period >= end) return periods;
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
}

/** The timeline of an entity's mentions, or undefined when none of its articles is dated. */
export function mentionTimeline(entity: Pick<EntityView, 'groups'>): Timeline | undefined {
  const dated = entity.groups
    .filter((g) => /^\d{4}-\d{2}-\d{2}$/.test(g.article.date ?? ''))
    .map((g) => ({ date: g.article.date!, mentions: g.mentions.length }));
  const undated =
    entity.groups.reduce((n, g) => n + g.mentions.length, 0) -
    dated.reduce((n, d) => n + d.mentions, 0);
  if (!dated.length) return undefined;
  const dates = dated.map((d) => d.date).sort();
  const first = dates[0]!;
  const last = dates.at(-1)!;
  const months =
    (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 +
    Number(last.slice(5, 7)) -
    Number(first.slice(5, 7));
  const unit = months < MONTHS_FOR_MONTHLY ? 'month' : 'year';
  const width = unit === 'month' ? 7 : 4;
  const counts = new Map<string, number>();
  for (const d of dated)
    counts.set(d.date.slice(0, width), (counts.get(d.date.slice(0, width)) ?? 0) + d.mentions);
  const bins = periodsBetween(first, last, unit).map((period) => ({
    period,
    mentions: counts.get(period) ?? 0,
  }));
  return { unit, bins, first, last, undated };
}
