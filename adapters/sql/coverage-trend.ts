// The coverage trend in SQL: each measure by calendar month, counted in men with a write-up that month.
import { DOMAIN_IDS } from '../../records/practice-model';
import { DETAILED_DOMAINS, TrendPoint, trendMonths, type Fraction } from '../../records/coverage';
import { COVERAGE_DOMAIN_COLUMNS as COLS } from './columns';
import type { Db, SqlValue } from './database';

const bit = (cond: string): string => `CASE WHEN ${cond} THEN 1 ELSE 0 END`;

/** Which contacts a trend counts: one team's cases (open or since closed), optionally one practitioner's, or the whole partnership. */
export interface TrendScope { team: string | null; practitionerId: string | null }

/** The trend over `months` months ending with today's month; months without contacts are present with zeros. */
export async function coverageTrend(db: Db, scope: TrendScope, today: string, months: number): Promise<TrendPoint[]> {
  if (months <= 0) return [];
  const all = trendMonths(today, months);
  const params: SqlValue[] = [];
  // coverage_months holds one row per man and month (kept by a trigger), so the trend only sums rows.
  let from = 'coverage_months f';
  const where: string[] = [];
  if (scope.team) {
    // CROSS JOIN keeps SQLite's planner on the team's cases first (not every month row); PostgreSQL plans it as usual.
    from = 'cases c CROSS JOIN men m CROSS JOIN coverage_months f';
    where.push('m.case_ref = c.ref', 'f.man_id = m.id', 'c.team = ?');
    params.push(scope.team);
    if (scope.practitionerId) (where.push('c.practitioner_id = ?'), params.push(scope.practitionerId));
  }
  where.push('f.month >= ?', 'f.month <= ?');
  params.push(all[0]!, all[all.length - 1]!);
  const own = COLS.map((c) => `f.${c}`);
  const rows = await db.all<Record<string, number | string>>(
    `SELECT f.month, count(*) AS men, sum(f.seen) AS seen, ${own.map((c, i) => `sum(${c}) AS o${i}`).join(', ')}, sum(f.crying) AS crying, sum(f.info) AS info,
      sum(${bit(`(${own.join(' + ')}) >= ${DETAILED_DOMAINS}`)}) AS detailed
    FROM ${from} WHERE ${where.join(' AND ')} GROUP BY f.month ORDER BY f.month`,
    params,
  );
  const byMonth = new Map(rows.map((r) => [String(r.month), r]));
  return all.map((month) => {
    const r = byMonth.get(month);
    const men = Number(r?.men ?? 0);
    const f = (k: string): Fraction => ({ count: Number(r?.[k] ?? 0), total: men });
    return TrendPoint.parse({
      month, men, fatherSeen: f('seen'), domains: Object.fromEntries(DOMAIN_IDS.map((d, i) => [d, f(`o${i}`)])), crying: f('crying'), infoSought: f('info'), detailed: f('detailed'),
    });
  });
}
