// The /coverage page and its API: team figures for supervisors, anonymised figures for partnership leads, CSV downloads.
import { join } from 'node:path';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Logger } from 'pino';
import { RecordNotFoundError, type CaseRecords } from '../records/repository';
import type { User } from '../records/model';
import { isoDay } from '../records/dates';
import { allowed } from '../records/access';
import { checkDiscussion, checkPartnership, CoverageRefusedError, daysBefore, DETAILED_DOMAINS, MAX_LIST, NOT_SEEN_DAYS, teamFor, type CoverageReader } from '../records/coverage';
import { DOMAIN_IDS } from '../records/practice-model';
import { partnershipCsv, teamCsv } from '../adapters/exporters/coverage-csv';
import { DOMAIN_WORDING, t } from '../prompts';
import { ROLE_LABEL } from '../prompts/labels';

/** What the coverage routes need. Who is asking comes only from res.locals.seenUserId (sign-in, Teams SSO, or demo mode's ?user=). */
export interface CoverageRoutesDeps {
  records: CaseRecords;
  coverage: CoverageReader;
  now: () => Date;
  logger: Logger;
  webDir: string;
}

/** The page's filters: period in days (or all), one practitioner, another team. */
const Filters = z.object({
  period: z.enum(['all', '30', '90', '365']).default('all'),
  practitioner: z.string().min(1).max(100).optional(),
  team: z.string().min(1).max(100).optional(),
}).strict();
const UserParam = z.string().regex(/^[A-Za-z0-9_.@-]{1,100}$/);
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
    refusedRole: t('coverage.refusedRole').replace(/\*\*/g, ''), empty: t('coverage.listEmpty'), discussed: t('coverage.discussedButton', { ref: '' }).trim(),
  };
}

/** The router: mount at the root; it answers /coverage, /vendor/chart.js and /api/coverage/*. */
export function coverageRouter(deps: CoverageRoutesDeps): Router {
  for (const k of ['records', 'coverage', 'now', 'logger', 'webDir'] as const) if (!deps?.[k]) throw new TypeError(`coverageRouter needs ${k}`);
  const { records, coverage, now, logger } = deps;
  const router = Router();
  const chartJs = join(require.resolve('chart.js'), '..', 'chart.umd.min.js');

  // Why res.locals only: the identity middleware put the signed-in user there (or, in local demo mode, the page's ?user=); never the request itself.
  async function identify(_req: Request, res: Response): Promise<User> {
    const id = UserParam.safeParse(res.locals['seenUserId']);
    const user = id.success ? await records.getUser(id.data) : undefined;
    if (!user) throw new CoverageHttpError(401, 'UnknownUser', 'sign in as a Seen user');
    return user;
  }
  const filters = (req: Request) => {
    const { user: _u, ...rest } = req.query as Record<string, unknown>;
    const parsed = Filters.safeParse(rest);
    if (!parsed.success) throw new CoverageHttpError(400, 'BadArgument', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const today = isoDay(now());
    return { ...parsed.data, today, since: parsed.data.period === 'all' ? null : daysBefore(today, Number(parsed.data.period)) };
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
  async function teamReport(req: Request, res: Response) {
    const user = await identify(req, res);
    const f = filters(req);
    const team = teamFor(user, f.team ?? null);
    return { user, report: await coverage.teamCoverage(team, { today: f.today, since: f.since, practitionerId: f.practitioner ?? null, listLimit: MAX_LIST }) };
  }
  async function partnershipReport(req: Request, res: Response) {
    const user = await identify(req, res);
    checkPartnership(user);
    const f = filters(req);
    return coverage.partnershipCoverage({ today: f.today, since: f.since });
  }

  router.get('/coverage', (_req, res, next) => res.sendFile(join(deps.webDir, 'coverage.html'), (err) => (err ? next(err) : undefined)));
  // Why: CSP allows scripts from Seen only, so Chart.js's UMD build is served from node_modules, never a CDN.
  router.get('/vendor/chart.js', (_req, res, next) => res.type('application/javascript').sendFile(chartJs, { maxAge: '1h' }, (err) => (err ? next(err) : undefined)));

  router.get('/api/coverage/me', handle(async (req, res) => {
    const user = await identify(req, res);
    const team = allowed(user, 'coverage.team', { team: user.team });
    const practitioners = team ? (await records.listUsers()).filter((u) => u.team === user.team && u.role === 'practitioner').map((u) => ({ id: u.id, name: u.name })) : [];
    res.json({ user: { id: user.id, name: user.name, role: user.role, team: user.team }, views: { team, partnership: allowed(user, 'coverage.partnership') }, practitioners, labels: pageLabels() });
  }));
  router.get('/api/coverage/team', handle(async (req, res) => {
    const { report } = await teamReport(req, res);
    const n = await names();
    const roles = Object.fromEntries(report.lists.neverSeen.items.map((i) => [i.manRole, t(ROLE_LABEL[i.manRole])]));
    res.json({ ...report, practitionerNames: Object.fromEntries([...n].filter(([id]) => Object.values(report.lists).some((l) => l.items.some((i) => i.practitionerId === id)))), roles });
  }));
  router.get('/api/coverage/team.csv', handle(async (req, res) => {
    const { report } = await teamReport(req, res);
    const n = await names();
    res.type('text/csv; charset=utf-8').attachment(`coverage-${report.team.replace(/[^\w-]/g, '_')}-${report.today}.csv`).send(teamCsv(report, (id) => n.get(id) ?? id));
  }));
  router.get('/api/coverage/partnership', handle(async (req, res) => void res.json(await partnershipReport(req, res))));
  router.get('/api/coverage/partnership.csv', handle(async (req, res) => {
    const report = await partnershipReport(req, res);
    res.type('text/csv; charset=utf-8').attachment(`coverage-partnership-${report.today}.csv`).send(partnershipCsv(report));
  }));
  router.post('/api/coverage/discussions', handle(async (req, res) => {
    const user = await identify(req, res);
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
