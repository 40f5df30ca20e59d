// Coverage in SQL over the coverage_facts projection and indexes, never by loading every case.
// Portable SQL: comparisons are turned into 0/1 with CASE, because PostgreSQL will not sum or compare booleans as numbers.
import { DOMAIN_IDS, FACTOR_IDS } from '../../records/practice-model';
import {
  COMBINE_AT, CoverageList, CoverageQuery, DETAILED_DOMAINS, Discussion, ManCoverage, NOT_SEEN_DAYS, PartnershipCoverage, TeamCoverage,
  daysBefore, daysBetween, MembersQuery, neverExplored, statusOf, type CoverageItem, type CoverageReader, type CoverageQuery as CoverageQueryInput, type Fraction,
} from '../../records/coverage';
import { RecordNotFoundError } from '../../records/repository';
import { COVERAGE_DOMAIN_COLUMNS as COLS, COVERAGE_FACTOR_BITS } from './columns';
import type { Db, SqlValue } from './database';
import { coverageTrend } from './coverage-trend';

/** Which cases a report covers. */
/** `dated`: also each domain's latest status with its date and the latest contact, which only the per-case view reads. */
interface Scope { team?: string | null; practitionerId?: string | null; caseRef?: string; openOnly: boolean; since?: string | null; dated?: boolean }

const idx = COLS.map((_c, i) => i);
const FACTOR_MASK = COVERAGE_FACTOR_BITS.map((_f, i) => `coalesce(max(f.factors & ${1 << i}), 0)`).join(' | ');
/** 1 when the condition holds, else 0: a number on both backends. */
const bit = (cond: string): string => `CASE WHEN ${cond} THEN 1 ELSE 0 END`;

// The per-man aggregation every report starts from: one row per man on the scoped cases. Lists read every contact
// (a period never turns "seen 83 days ago" into "never seen"); with `since`, the s_ columns count only the period's contacts.
function perMan(scope: Scope): { sql: string; params: SqlValue[] } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (scope.openOnly) where.push('open = 1');
  if (scope.team) (where.push('team = ?'), params.push(scope.team));
  if (scope.practitionerId) (where.push('practitioner_id = ?'), params.push(scope.practitionerId));
  if (scope.caseRef) (where.push('ref = ?'), params.push(scope.caseRef));
  const inPeriod = (expr: string) => `CASE WHEN f.contact_date >= ? THEN ${expr} END`;
  const periodCols = scope.since
    ? `, coalesce(max(${inPeriod('f.seen')}), 0) AS s_ever_seen, ${COLS.map((c, i) => `coalesce(max(${inPeriod(`f.${c}`)}), 0) AS s_m${i}`).join(', ')},
      coalesce(max(${inPeriod(bit('f.crying > 0'))}), 0) AS s_crying, coalesce(max(${inPeriod('f.info')}), 0) AS s_info`
    : '';
  if (scope.since) params.push(...Array<SqlValue>(COLS.length + 3).fill(scope.since));
  const sql = `WITH scope AS (SELECT ref, team, practitioner_id FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''}),
  per_man AS (
    SELECT c.ref AS case_ref, c.team, c.practitioner_id, m.id AS man_id, m.name AS man_name, m.role AS man_role, m.identified,
      count(f.summary_id) AS contacts, coalesce(max(f.seen), 0) AS ever_seen,
      max(CASE WHEN f.seen = 1 THEN f.contact_date END) AS last_seen, ${COLS.map((c, i) => `coalesce(max(f.${c}), 0) AS m${i}`).join(', ')},
      ${scope.dated ? `max(f.contact_date || f.seen) AS latest, ${COLS.map((c, i) => `max(CASE WHEN f.${c} > 0 THEN f.contact_date || f.${c} END) AS l${i}`).join(', ')},` : ''}
      coalesce(max(${bit('f.crying > 0')}), 0) AS crying, coalesce(max(f.info), 0) AS info, ${FACTOR_MASK} AS factor_mask,
      (SELECT max(sd.discussed_on) FROM supervision_discussions sd WHERE sd.man_id = m.id) AS discussed_on${periodCols}
    FROM scope c JOIN men m ON m.case_ref = c.ref LEFT JOIN coverage_facts f ON f.man_id = m.id
    GROUP BY c.ref, c.team, c.practitioner_id, m.id, m.name, m.role, m.identified
  )`;
  return { sql, params };
}

// The partnership's per-man rows: only the counts its figures need (no names, dates, factors or discussions), grouped
// by the man's primary key so both backends stream the men in key order instead of sorting them; this keeps the
// whole-partnership report within its time budget at 100,000 open cases.
function partnershipPerMan(since: string | null | undefined): { sql: string; params: SqlValue[] } {
  const inPeriod = (expr: string) => `CASE WHEN f.contact_date >= ? THEN ${expr} END`;
  const periodCols = since
    ? `, coalesce(max(${inPeriod('f.seen')}), 0) AS s_ever_seen, ${COLS.map((c, i) => `coalesce(max(${inPeriod(`f.${c}`)}), 0) AS s_m${i}`).join(', ')}`
    : '';
  const params: SqlValue[] = since ? Array<SqlValue>(COLS.length + 1).fill(since) : [];
  const sql = `WITH per_man AS (
    SELECT m.case_ref, c.team, coalesce(max(f.seen), 0) AS ever_seen, ${COLS.map((c, i) => `coalesce(max(f.${c}), 0) AS m${i}`).join(', ')}${periodCols}
    FROM men m JOIN cases c ON c.ref = m.case_ref LEFT JOIN coverage_facts f ON f.man_id = m.id WHERE c.open = 1
    GROUP BY m.id, m.case_ref, c.team
  )`;
  return { sql, params };
}

/** Column names of the share measures: the period's (s_) when a period is chosen, else every contact's. */
function shareCols(since: string | null | undefined) {
  const p = since ? 's_' : '';
  return { seen: `${p}ever_seen`, dom: (i: number) => `${p}m${i}`, crying: `${p}crying`, info: `${p}info` };
}

interface ManRow {
  case_ref: string; team: string; practitioner_id: string; man_id: string; man_name: string; man_role: string; identified: number;
  contacts: number; ever_seen: number; last_seen: string | null; latest: string | null; crying: number; info: number; factor_mask: number;
  discussed_on: string | null; [k: `m${number}` | `l${number}`]: number | string | null;
}

/** Coverage figures on either backend; `now`-free: every query names its own "today". */
export class SqlCoverage implements CoverageReader {
  constructor(private readonly db: Db) {
    if (!db) throw new TypeError('SqlCoverage needs a Db');
  }

  async teams(): Promise<string[]> {
    return (await this.db.all<{ team: string }>('SELECT DISTINCT team FROM cases WHERE open = 1 ORDER BY team')).map((r) => r.team);
  }

  async teamCoverage(team: string, input: CoverageQueryInput): Promise<TeamCoverage> {
    const q = CoverageQuery.parse(input);
    const { sql, params } = perMan({ team, practitionerId: q.practitionerId, openOnly: true, since: q.since });
    // One pass over the per-man rows (ordered by case and man) feeds the shares and the four lists alike.
    const men_ = await this.db.all<ManRow>(`${sql} SELECT * FROM per_man ORDER BY case_ref, man_id`, params);
    const caseWhere = q.practitionerId ? ' AND practitioner_id = ?' : '';
    const openCases = await this.db.get<{ n: number }>(`SELECT count(*) AS n FROM cases WHERE open = 1 AND team = ?${caseWhere}`, q.practitionerId ? [team, q.practitionerId] : [team]);
    const shares = teamShares(men_, q.since);
    const total = Number(openCases?.n ?? 0);
    const men = men_.length;
    const frac = (k: string): Fraction => ({ count: shares.cases[k] ?? 0, total });
    const menFrac = (k: string): Fraction => ({ count: shares.men[k] ?? 0, total: men });
    const notSeenBefore = daysBefore(q.today, NOT_SEEN_DAYS);
    const list = (keep: (r: ManRow) => boolean, order?: (a: ManRow, b: ManRow) => number): CoverageList => {
      const matched = men_.filter(keep);
      if (order) matched.sort(order);
      return CoverageList.parse({ total: matched.length, items: matched.slice(0, q.listLimit).map((r) => toItem(r, q.today)) });
    };
    const lists = {
      neverSeen: list((r) => Number(r.ever_seen) === 0),
      notSeenRecently: list((r) => Number(r.ever_seen) === 1 && r.last_seen !== null && r.last_seen < notSeenBefore, (a, b) => cmp(a.last_seen, b.last_seen) || cmp(a.case_ref, b.case_ref)),
      domainsNeverExplored: list((r) => idx.some((i) => Number(r[`m${i}`]) === 0)),
      factorsNotDiscussed: list((r) => countBits(Number(r.factor_mask)) >= COMBINE_AT && r.discussed_on === null),
    };
    return TeamCoverage.parse({
      team, today: q.today, since: q.since, practitionerId: q.practitionerId, openCases: total, men,
      fatherSeen: frac('seen'), domains: Object.fromEntries(DOMAIN_IDS.map((d, i) => [d, frac(`o${i}`)])), crying: frac('crying'), infoSought: frac('info'),
      byMan: {
        fatherSeen: menFrac('seen'), domains: Object.fromEntries(DOMAIN_IDS.map((d, i) => [d, menFrac(`o${i}`)])),
        crying: menFrac('crying'), infoSought: menFrac('info'), detailed: menFrac('detailed'),
      },
      lists, overdueActions: await this.overdue(team, q.practitionerId, q.today, q.listLimit),
      trend: await coverageTrend(this.db, { team, practitionerId: q.practitionerId }, q.today, q.trendMonths),
    });
  }

  async members(team: string, input: CoverageQueryInput, which: MembersQuery): Promise<CoverageList> {
    const q = CoverageQuery.parse(input);
    const w = MembersQuery.parse(which);
    const { sql, params } = perMan({ team, practitionerId: q.practitionerId, openOnly: true, since: q.since });
    const s = shareCols(q.since);
    const domain = DOMAIN_IDS.findIndex((d) => w.measure === `own_account_${d}`);
    // The same tests the shares count, on the same per-man rows.
    const test = (p: string) => w.measure === 'father_seen' ? `${p}.${s.seen} = 1`
      : domain >= 0 ? `${p}.${s.dom(domain)} = 2`
      : w.measure === 'crying_discussed' ? `${p}.${s.crying} > 0`
      : w.measure === 'info_sought' ? `${p}.${s.info} = 1`
      : `(${idx.map((i) => bit(`${p}.${s.dom(i)} = 2`)).join(' + ')}) >= ${DETAILED_DOMAINS}`;
    const where = w.unit === 'men' ? test('p') : `p.case_ref IN (SELECT x.case_ref FROM per_man x GROUP BY x.case_ref HAVING min(${bit(test('x'))}) = 1)`;
    return this.list(sql, params, where, 'p.case_ref, p.man_id', q.today, q.listLimit);
  }

  // Actions past due and not done on the team's open cases (for one practitioner's cases when filtered), oldest due first per owner.
  private async overdue(team: string, practitionerId: string | null, today: string, limit: number) {
    const params: SqlValue[] = [team, today];
    if (practitionerId) params.push(practitionerId);
    const rows = await this.db.all<{ owner_id: string; case_ref: string; man_id: string; man_name: string; text: string; due_on: string; total: number }>(
      `SELECT a.owner_id, a.case_ref, a.man_id, m.name AS man_name, a.text, a.due_on, count(*) OVER () AS total
       FROM cases c JOIN action_items a ON a.case_ref = c.ref JOIN men m ON m.id = a.man_id
       WHERE c.open = 1 AND c.team = ? AND a.done_on IS NULL AND a.due_on IS NOT NULL AND a.due_on < ?${practitionerId ? ' AND c.practitioner_id = ?' : ''}
       ORDER BY a.owner_id, a.due_on, a.case_ref, a.id LIMIT ?`,
      [...params, Math.max(limit, 1)],
    );
    return {
      total: Number(rows[0]?.total ?? 0),
      items: rows.slice(0, limit).map((r) => ({
        ownerId: r.owner_id, caseRef: r.case_ref, manId: r.man_id, manName: r.man_name, text: r.text, dueOn: r.due_on, daysOverdue: daysBetween(r.due_on, today),
      })),
    };
  }

  // One supervisor list: the men matching `where`, cut at `limit`, with the total that matched.
  private async list(cte: string, params: SqlValue[], where: string, order: string, today: string, limit: number): Promise<CoverageList> {
    const rows = await this.db.all<ManRow & { total: number }>(
      `${cte} SELECT p.*, count(*) OVER () AS total FROM per_man p WHERE ${where} ORDER BY ${order} LIMIT ?`,
      [...params, Math.max(limit, 1)],
    );
    const items: CoverageItem[] = rows.slice(0, limit).map((r) => toItem(r, today));
    return CoverageList.parse({ total: rows[0]?.total ?? 0, items });
  }

  async partnershipCoverage(input: CoverageQueryInput): Promise<PartnershipCoverage> {
    const q = CoverageQuery.parse(input);
    const { sql, params } = partnershipPerMan(q.since);
    const s = shareCols(q.since);
    const ownAccounts = idx.map((i) => bit(`p.${s.dom(i)} = 2`)).join(' + ');
    // Only counts leave this query: no names, no case references. Per case first, so cases and men are counted alike;
    // open cases come from cases itself, so a case with no man yet still counts (and is seen by none).
    const rows = await this.db.all<Record<string, number | string>>(
      `${sql}, per_case AS (
        SELECT p.team, count(*) AS men, min(p.${s.seen}) AS case_seen, sum(p.${s.seen}) AS men_seen,
          sum(${bit(`(${ownAccounts}) >= ${DETAILED_DOMAINS}`)}) AS men_detailed, ${idx.map((i) => `sum(${bit(`p.m${i} = 0`)}) AS n${i}`).join(', ')}
        FROM per_man p GROUP BY p.case_ref, p.team
      ), per_team AS (
        SELECT team, sum(men) AS men, sum(case_seen) AS cases_seen, sum(men_seen) AS men_seen, sum(men_detailed) AS men_detailed,
          ${idx.map((i) => `sum(n${i}) AS n${i}`).join(', ')}
        FROM per_case GROUP BY team
      )
      SELECT o.team, o.open_cases, coalesce(t.men, 0) AS men, coalesce(t.cases_seen, 0) AS cases_seen, coalesce(t.men_seen, 0) AS men_seen,
        coalesce(t.men_detailed, 0) AS men_detailed, ${idx.map((i) => `coalesce(t.n${i}, 0) AS n${i}`).join(', ')}
      FROM (SELECT team, count(*) AS open_cases FROM cases WHERE open = 1 GROUP BY team) o LEFT JOIN per_team t ON t.team = o.team ORDER BY o.team`,
      params,
    );
    const men = rows.reduce((sum, r) => sum + Number(r.men), 0);
    const neverExploredCounts = DOMAIN_IDS.map((domain, i) => ({ domain, count: rows.reduce((sum, r) => sum + Number(r[`n${i}`]), 0), total: men }));
    return PartnershipCoverage.parse({
      today: q.today, since: q.since,
      teams: rows.map((r) => ({
        team: String(r.team), openCases: Number(r.open_cases), men: Number(r.men), casesSeen: Number(r.cases_seen), menSeen: Number(r.men_seen), menDetailed: Number(r.men_detailed),
      })),
      neverExplored: neverExploredCounts.sort((a, b) => b.count - a.count || DOMAIN_IDS.indexOf(a.domain) - DOMAIN_IDS.indexOf(b.domain)),
      trend: await coverageTrend(this.db, { team: null, practitionerId: null }, q.today, q.trendMonths),
    });
  }

  async caseCoverage(caseRef: string, today: string): Promise<ManCoverage[]> {
    const { sql, params } = perMan({ caseRef, openOnly: false, dated: true });
    const rows = await this.db.all<ManRow>(`${sql} SELECT * FROM per_man ORDER BY man_id`, params);
    return rows.map((r) => {
      const factors = FACTOR_IDS.filter((_f, i) => (r.factor_mask & (1 << i)) !== 0);
      return ManCoverage.parse({
        manId: r.man_id, identified: r.identified === 1, contacts: r.contacts, everSeen: r.ever_seen === 1,
        seenAtLatest: r.latest ? r.latest.endsWith('1') : null, lastSeen: r.last_seen, daysSinceSeen: r.last_seen ? daysBetween(r.last_seen, today) : null,
        domains: Object.fromEntries(DOMAIN_IDS.map((d, i) => {
          const l = r[`l${i}`] as string | null;
          return [d, { status: statusOf(l ? Number(l.slice(10)) : 0), date: l ? l.slice(0, 10) : null, everOwnAccount: Number(r[`m${i}`]) === 2 }];
        })),
        factors, factorsCombine: factors.length >= COMBINE_AT, discussedOn: r.discussed_on,
      });
    });
  }

  async combiningMen(caseRef: string): Promise<string[]> {
    return (await this.caseCoverage(caseRef, '2000-01-01')).filter((m) => m.factorsCombine).map((m) => m.manId);
  }

  async recordDiscussion(input: Discussion, recordedBy: string, createdAt: string): Promise<void> {
    const d = Discussion.parse(input);
    await this.db.transaction(async (tx) => {
      const man = await tx.get<{ case_ref: string }>('SELECT case_ref FROM men WHERE id = ?', [d.manId]);
      if (!man || man.case_ref !== d.caseRef) throw new RecordNotFoundError(`man ${d.manId} on case ${d.caseRef}`);
      await tx.run('INSERT INTO supervision_discussions (case_ref, man_id, recorded_by, discussed_on, created_at) VALUES (?, ?, ?, ?, ?)', [
        d.caseRef, d.manId, recordedBy, d.discussedOn, createdAt,
      ]);
    });
  }
}

// The team shares from the per-man rows: a case counts when every man on it meets the test (an open case with no man
// counts for none), a man when he does. The tests are the ones the SQL lists and drill-downs use.
function teamShares(rows: readonly ManRow[], since: string | null | undefined): { cases: Record<string, number>; men: Record<string, number> } {
  const s = shareCols(since);
  const keys = ['seen', ...idx.map((i) => `o${i}`), 'crying', 'info', 'detailed'];
  const cases: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  const men: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  const num = (r: ManRow, col: string) => Number(r[col as keyof ManRow] ?? 0);
  const tests = (r: ManRow): Record<string, boolean> => {
    const own = idx.map((i) => num(r, s.dom(i)) === 2);
    return {
      seen: num(r, s.seen) === 1, ...Object.fromEntries(idx.map((i) => [`o${i}`, own[i]!])), crying: num(r, s.crying) > 0, info: num(r, s.info) === 1,
      detailed: own.filter(Boolean).length >= DETAILED_DOMAINS,
    };
  };
  for (let i = 0; i < rows.length;) {
    const ref = rows[i]!.case_ref;
    const every: Record<string, boolean> = Object.fromEntries(keys.map((k) => [k, true]));
    for (; i < rows.length && rows[i]!.case_ref === ref; i++) {
      const passed = tests(rows[i]!);
      for (const k of keys) {
        if (passed[k]) men[k]! += 1;
        else every[k] = false;
      }
    }
    for (const k of keys) if (every[k]) cases[k]! += 1;
  }
  return { cases, men };
}

// One per-man row as a list item.
function toItem(r: ManRow, today: string): CoverageItem {
  return {
    caseRef: r.case_ref, manId: r.man_id, manName: r.man_name, manRole: r.man_role as CoverageItem['manRole'], practitionerId: r.practitioner_id,
    lastSeen: r.last_seen, daysSinceSeen: r.last_seen ? daysBetween(r.last_seen, today) : null,
    neverExplored: neverExplored(idx.map((i) => Number(r[`m${i}`]))), factorCount: countBits(Number(r.factor_mask)), discussedOn: r.discussed_on,
  };
}

// Plain code-point order, the same on both backends.
const cmp = (a: string | null, b: string | null): number => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

// Number of set bits in a factor mask.
function countBits(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}
