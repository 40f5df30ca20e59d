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
  // A team's contacts are found through its cases and men (indexed); the partnership's are every contact in the window.
  let from = 'coverage_facts f';
  const where: string[] = [];
  if (scope.team) {
    from = 'cases c JOIN men m ON m.case_ref = c.ref JOIN coverage_facts f ON f.man_id = m.id';
    where.push('c.team = ?');
    params.push(scope.team);
    if (scope.practitionerId) (where.push('c.practitioner_id = ?'), params.push(scope.practitionerId));
  }
  where.push('f.contact_date >= ?', 'f.contact_date <= ?');
  params.push(`${all[0]}-01`, today);
  const rows = await db.all<Record<string, number | string>>(
    `WITH per_man_month AS (
      SELECT substr(f.contact_date, 1, 7) AS month, f.man_id, max(f.seen) AS seen, ${COLS.map((c, i) => `max(${bit(`f.${c} = 2`)}) AS o${i}`).join(', ')},
        max(${bit('f.crying > 0')}) AS crying, max(f.info) AS info
      FROM ${from} WHERE ${where.join(' AND ')}
      GROUP BY substr(f.contact_date, 1, 7), f.man_id
    )
    SELECT month, count(*) AS men, sum(seen) AS seen, ${COLS.map((_c, i) => `sum(o${i}) AS o${i}`).join(', ')}, sum(crying) AS crying, sum(info) AS info,
      sum(${bit(`(${COLS.map((_c, i) => `o${i}`).join(' + ')}) >= ${DETAILED_DOMAINS}`)}) AS detailed
    FROM per_man_month GROUP BY month ORDER BY month`,
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
