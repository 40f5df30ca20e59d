// The /coverage page and its API: team figures for supervisors, anonymised figures for partnership leads, CSV downloads.
import { join } from 'node:path';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Logger } from 'pino';
import { RecordNotFoundError, type CaseRecords } from '../records/repository';
import type { User } from '../records/model';
import { isoDay } from '../records/dates';
import { allowed } from '../records/access';
import { MembersQuery, checkDiscussion, checkPartnership, CoverageRefusedError, daysBefore, DETAILED_DOMAINS, MAX_LIST, NOT_SEEN_DAYS, teamFor, type CoverageReader } from '../records/coverage';
import { DOMAIN_IDS } from '../records/practice-model';
import { partnershipCsv, teamCsv } from '../views/exporters/coverage-csv';
import { DOMAIN_WORDING, t } from '../prompts';
import { ROLE_LABEL, STATUS_LABEL } from '../prompts/labels';
import { layoutSummary } from '../views/exporters/summary-view';
import { publishPartnership } from '../records/coverage-publish';
import type { AuditScope } from '../adapters/sql/audited-case-records';

/** What the coverage routes need. Who is asking comes only from res.locals.seenUserId (sign-in, Teams SSO, or demo mode's ?user=). */
export interface CoverageRoutesDeps {
  records: CaseRecords;
  coverage: CoverageReader;
  now: () => Date;
  logger: Logger;
  webDir: string;
  /** Reads made for a page user run in this scope, so the audit trail names them and the page path. */
  auditScope: AuditScope;
}

/** The page's filters: period in days (or all), one practitioner, another team. */
const Filters = z.object({
  period: z.enum(['all', '30', '90', '365']).default('all'),
  /** Months of trend (issue 17.7). */
  trend: z.enum(['6', '12']).default('12'),
  practitioner: z.string().min(1).max(100).optional(),
  team: z.string().min(1).max(100).optional(),
}).strict();
const UserParam = z.string().regex(/^[A-Za-z0-9_.@-]{1,100}$/);
const CaseRef = z.string().trim().min(1).max(50).regex(/^[A-Za-z0-9_-]+$/).transform((r) => r.toUpperCase());
const DiscussionBody = z.object({ caseRef: z.string().min(1).max(50), manId: z.string().min(1).max(100) }).strict();

/** An HTTP refusal with a status and a stable code, answered as JSON. */
class CoverageHttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CoverageHttpError';
  }
}

/** The wording the page shows, from prompts/ so every word stays in one place. */
function pageLabels(): Record<string, unknown> {
  return {
    pageTitle: t('coverage.pageTitle'), partnershipTitle: t('coverage.partnershipTitle'), shareNote: t('coverage.shareNote'),
    seen: t('coverage.shareSeen'), crying: t('coverage.shareCrying'), info: t('coverage.shareInfo'),
    domains: Object.fromEntries(DOMAIN_IDS.map((d) => [d, DOMAIN_WORDING[d].title])),
    lists: { neverSeen: t('coverage.listNeverSeen'), notSeenRecently: t('coverage.listNotSeenRecently', { days: NOT_SEEN_DAYS }), domainsNeverExplored: t('coverage.listDomainsNeverExplored'), factorsNotDiscussed: t('coverage.listFactorsNotDiscussed') },
    fatherSeenRate: t('coverage.fatherSeenRate'), detailedRate: t('coverage.detailedRate', { n: DETAILED_DOMAINS }), neverExploredTitle: t('coverage.neverExploredTitle'),
    casesSeenRate: t('coverage.casesSeenRate'), suppressed: t('coverage.suppressed'), suppressionNote: t('coverage.suppressionNote', { n: 4 }),
    periodNote: t('coverage.periodNote', { since: '{since}' }), trendTitle: t('coverage.trendTitle', { months: '{months}' }), trendNote: t('coverage.trendNote'), trendMen: t('coverage.trendMen'),
    overdueTitle: t('coverage.listOverdueActions'),
    unitCases: t('coverage.unitCases'), unitMen: t('coverage.unitMen'),
    refusedRole: t('coverage.refusedRole').replace(/\*\*/g, ''), empty: t('coverage.listEmpty'), discussed: t('coverage.discussedButton', { ref: '' }).trim(),
  };
}

/** The router: mount at the root; it answers /coverage, /vendor/chart.js and /api/coverage/*. */
export function coverageRouter(deps: CoverageRoutesDeps): Router {
  for (const k of ['records', 'coverage', 'now', 'logger', 'webDir', 'auditScope'] as const) if (!deps?.[k]) throw new TypeError(`coverageRouter needs ${k}`);
  const { records, coverage, now, logger } = deps;
  const router = Router();
  const chartJs = join(require.resolve('chart.js'), '..', 'chart.umd.min.js');

  // Why res.locals only: the identity middleware put the user there (a session, a verified Teams SSO token, or in local demo mode
  // the page's ?user=); never the request itself.
  async function identify(req: Request): Promise<User> {
    const id = UserParam.safeParse(req.res?.locals['seenUserId']);
    const user = id.success ? await records.getUser(id.data) : undefined;
    if (!user) throw new CoverageHttpError(401, 'UnknownUser', 'sign in as a Seen user');
    return user;
  }
  // Everything read for a page user is attributed to them through the page path (coverage figures and case records alike).
  const asUser = <T>(user: User, fn: () => Promise<T>): Promise<T> => deps.auditScope.run({ actor: user.id, path: 'page' }, fn);
  const filters = (req: Request, own: readonly string[] = []) => {
    const { user: _u, ...all } = req.query as Record<string, unknown>;
    const rest = Object.fromEntries(Object.entries(all).filter(([k]) => !own.includes(k)));
    const parsed = Filters.safeParse(rest);
    if (!parsed.success) throw new CoverageHttpError(400, 'BadArgument', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const today = isoDay(now());
    return { ...parsed.data, today, since: parsed.data.period === 'all' ? null : daysBefore(today, Number(parsed.data.period)), trendMonths: parsed.data.trend === '6' ? 6 as const : 12 as const };
  };
  const names = async () => new Map((await records.listUsers()).map((u) => [u.id, u.name]));
  // Why: every handler answers refusals and bad input the same way, and nothing about a case leaks in an error.
  const handle = (fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) => {
    res.set('Cache-Control', 'no-store');
    fn(req, res).catch((err: unknown) => {
      if (err instanceof CoverageRefusedError) return void res.status(403).json({ error: { code: 'Forbidden', message: err.reason === 'team' ? 'not your team' : 'not allowed for your role' } });
      if (err instanceof CoverageHttpError) return void res.status(err.status).json({ error: { code: err.code, message: err.message } });
      next(err);
    });
  };
  async function teamReport(req: Request, purpose: 'view' | 'csv') {
    const user = await identify(req);
    const f = filters(req);
    const team = teamFor(user, f.team ?? null);
    const query = { today: f.today, since: f.since, practitionerId: f.practitioner ?? null, listLimit: MAX_LIST, trendMonths: f.trendMonths, purpose };
    return { user, report: await asUser(user, () => coverage.teamCoverage(team, query)) };
  }
  // Partnership figures leave Seen only after disclosure control (counts of 1–4 suppressed), on the page, in CSV and in JSON.
  async function partnershipReport(req: Request, purpose: 'view' | 'csv') {
    const user = await identify(req);
    checkPartnership(user);
    const f = filters(req);
    return publishPartnership(await asUser(user, () => coverage.partnershipCoverage({ today: f.today, since: f.since, trendMonths: f.trendMonths, purpose })));
  }

  router.get('/coverage', (_req, res, next) => res.sendFile(join(deps.webDir, 'coverage.html'), (err) => (err ? next(err) : undefined)));
  // Why: CSP allows scripts from Seen only, so Chart.js's UMD build is served from node_modules, never a CDN.
  router.get('/vendor/chart.js', (_req, res, next) => res.type('application/javascript').sendFile(chartJs, { maxAge: '1h' }, (err) => (err ? next(err) : undefined)));

  router.get('/api/coverage/me', handle(async (req, res) => {
    const user = await identify(req);
    const team = allowed(user, 'coverage.team', { team: user.team });
    const practitioners = team ? (await records.listUsers()).filter((u) => u.team === user.team && u.role === 'practitioner').map((u) => ({ id: u.id, name: u.name })) : [];
    res.json({ user: { id: user.id, name: user.name, role: user.role, team: user.team }, views: { team, partnership: allowed(user, 'coverage.partnership') }, practitioners, labels: pageLabels() });
  }));
  router.get('/api/coverage/team', handle(async (req, res) => {
    const { report } = await teamReport(req, 'view');
    const n = await names();
    const roles = Object.fromEntries(report.lists.neverSeen.items.map((i) => [i.manRole, t(ROLE_LABEL[i.manRole])]));
    const named = (id: string) => Object.values(report.lists).some((l) => l.items.some((i) => i.practitionerId === id)) || report.overdueActions.items.some((a) => a.ownerId === id);
    res.json({ ...report, practitionerNames: Object.fromEntries([...n].filter(([id]) => named(id))), roles });
  }));
  router.get('/api/coverage/team.csv', handle(async (req, res) => {
    const { report } = await teamReport(req, 'csv');
    const n = await names();
    res.type('text/csv; charset=utf-8').attachment(`coverage-${report.team.replace(/[^\w-]/g, '_')}-${report.today}.csv`).send(teamCsv(report, (id) => n.get(id) ?? id));
  }));
  // Drill-down (issue 17.5): the men and cases behind one count of the team report, under the page's filters.
  router.get('/api/coverage/team/members', handle(async (req, res) => {
    const user = await identify(req);
    const f = filters(req, ['measure', 'unit']);
    const which = MembersQuery.safeParse({ measure: req.query.measure, unit: req.query.unit });
    if (!which.success) throw new CoverageHttpError(400, 'BadArgument', which.error.issues.map((i) => `${i.path.join('.') || 'measure'}: ${i.message}`).join('; '));
    const team = teamFor(user, f.team ?? null);
    const list = await asUser(user, () => coverage.members(team, { today: f.today, since: f.since, practitionerId: f.practitioner ?? null, listLimit: MAX_LIST }, which.data));
    const n = await names();
    res.json({ team, ...which.data, ...list, practitionerNames: Object.fromEntries(list.items.map((i) => [i.practitionerId, n.get(i.practitionerId) ?? i.practitionerId])) });
  }));
  // From a case: each man's topics (when last explored, whose account) and the latest summary, read-only; reads audited as the page user.
  router.get('/api/coverage/case', handle(async (req, res) => {
    const user = await identify(req);
    const ref = CaseRef.safeParse(req.query.ref);
    if (!ref.success) throw new CoverageHttpError(400, 'BadArgument', 'expected ?ref=<case reference>');
    teamFor(user, null);
    const body = await asUser(user, async () => {
      const c = await records.getCase(ref.data);
      if (!c) throw new CoverageHttpError(404, 'NotFound', 'no such case');
      teamFor(user, c.team);
      const [men, perMan, summaries, users] = await Promise.all([records.listMen(c.ref), coverage.caseCoverage(c.ref, isoDay(now())), records.latestSummaries(c.ref), records.listUsers()]);
      // Why: a summary names its author by name, never by user id (issue 15 item 12).
      const names = new Map(users.map((u) => [u.id, u.name]));
      return {
        caseRef: c.ref, team: c.team, fictional: c.fictional,
        men: men.map((m) => {
          const cov = perMan.find((x) => x.manId === m.id);
          const latest = summaries.filter((x) => x.manId === m.id).sort((a, b) => b.contact.date.localeCompare(a.contact.date))[0];
          return {
            manId: m.id, name: m.name, role: t(ROLE_LABEL[m.role]), lastSeen: cov?.lastSeen ?? null,
            topics: DOMAIN_IDS.map((d) => ({ domain: d, title: DOMAIN_WORDING[d].title, status: cov?.domains[d]?.status ?? 'absent', whose: t(STATUS_LABEL[cov?.domains[d]?.status ?? 'absent']), lastExplored: cov?.domains[d]?.date ?? null })),
            latest: latest ? layoutSummary(latest, { manName: m.name, manRole: m.role, fictional: c.fictional, authorName: names.get(latest.author) }) : null,
          };
        }),
      };
    });
    res.json(body);
  }));
  router.get('/api/coverage/partnership', handle(async (req, res) => void res.json(await partnershipReport(req, 'view'))));
  router.get('/api/coverage/partnership.csv', handle(async (req, res) => {
    const report = await partnershipReport(req, 'csv');
    res.type('text/csv; charset=utf-8').attachment(`coverage-partnership-${report.today}.csv`).send(partnershipCsv(report));
  }));
  router.post('/api/coverage/discussions', handle(async (req, res) => {
    const user = await identify(req);
    const body = DiscussionBody.safeParse(req.body);
    if (!body.success) throw new CoverageHttpError(400, 'BadArgument', 'expected { caseRef, manId }');
    const c = await records.getCase(body.data.caseRef);
    if (!c || !c.open) throw new CoverageHttpError(404, 'NotFound', 'no such open case');
    checkDiscussion(user, c.team);
    const at = now();
    try {
      await coverage.recordDiscussion({ caseRef: c.ref, manId: body.data.manId, discussedOn: isoDay(at) }, user.id, at.toISOString());
    } catch (cause) {
      if (cause instanceof RecordNotFoundError) throw new CoverageHttpError(404, 'NotFound', 'no such man on that case', { cause });
      throw cause;
    }
    logger.info({ event: 'supervision_discussion_recorded', caseRef: c.ref, by: user.id }, 'supervision discussion recorded');
    res.status(201).json({ caseRef: c.ref, manId: body.data.manId, discussedOn: isoDay(at) });
  }));
  return router;
}
