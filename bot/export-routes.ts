// The download behind an export link (issue 15): the signed link, the signed-in user it was made for, and the same access check and audit as every export.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Logger } from 'pino';
import type { CaseRecords } from '../records/repository';
import type { AuditLog } from '../records/audit';
import type { ExportCase } from '../records/case-export';
import { isoDay } from '../records/dates';
import { t } from '../prompts';
import { caseDocx, caseMarkdown, exportFileName, MEDIA_TYPE } from '../views/exporters/case-files';
import { DOWNLOAD_PATH, DownloadLinkError, type DownloadLinks } from '../adapters/export/download-links';
import type { AuditScope } from '../adapters/sql/audited-case-records';

/** What the download needs. Who is asking comes only from res.locals.seenUserId (a sign-in session, Teams SSO, or local demo mode). */
export interface ExportRoutesDeps {
  records: CaseRecords;
  links: Pick<DownloadLinks, 'verify'>;
  /** The audited export, reading as the context the scope holds (set here to the signed-in user on the export path). */
  exportCase: ExportCase;
  auditScope: AuditScope;
  audit: AuditLog;
  now: () => Date;
  logger: Logger;
}

const Query = z.object({ token: z.string().min(1).max(4096) });
const UserId = z.string().regex(/^[A-Za-z0-9_.@-]{1,100}$/);

/** A refusal a person reads: plain text, never cached. */
function refuse(res: Response, status: number, message: string): void {
  res.status(status).set('Cache-Control', 'no-store').type('text/plain; charset=utf-8').send(message);
}

/** The router: GET /export/download?token=… answers the file, or says plainly why not. */
export function exportRouter(deps: ExportRoutesDeps): Router {
  for (const k of ['records', 'links', 'exportCase', 'auditScope', 'audit', 'now', 'logger'] as const) if (!deps?.[k]) throw new TypeError(`exportRouter needs ${k}`);
  const router = Router();
  router.get(DOWNLOAD_PATH, (req, res, next) => void download(deps, req, res).catch(next));
  return router;
}

// Link first (expired or tampered links say so), then the person: the signed-in user must be the one the link was made for.
async function download(deps: ExportRoutesDeps, req: Request, res: Response): Promise<void> {
  const query = Query.safeParse(req.query);
  if (!query.success) return refuse(res, 400, t('export.linkInvalid'));
  let grant;
  try {
    grant = await deps.links.verify(query.data.token);
  } catch (err) {
    if (!(err instanceof DownloadLinkError)) throw err;
    deps.logger.info({ event: 'export_link_refused', reason: err.reason }, 'export link refused');
    return refuse(res, err.reason === 'expired' ? 410 : 403, t(err.reason === 'expired' ? 'export.linkExpired' : 'export.linkInvalid'));
  }
  const who = UserId.safeParse(res.locals['seenUserId']);
  const user = who.success ? await deps.records.getUser(who.data) : undefined;
  if (!user || user.disabled) return refuse(res, 401, t('common.unknownUser'));
  if (user.id !== grant.userId) {
    // Why audited: someone holding another person's link tried to use it.
    await deps.audit.append({ at: deps.now().toISOString(), actor: user.id, path: 'export', operation: 'summaries.export', outcome: 'denied', caseRef: grant.caseRef, detail: `${grant.format}:0` });
    deps.logger.info({ event: 'export_link_refused', reason: 'other_user' }, 'export link refused');
    return refuse(res, 403, t('export.linkOtherUser'));
  }
  const result = await deps.auditScope.run({ actor: user.id, path: 'export' }, () => deps.exportCase({ user }, grant.caseRef, grant.format));
  if (result.status === 'denied') return refuse(res, 403, t('common.notAllowed'));
  if (result.status !== 'ready') return refuse(res, 404, t('export.linkGone'));
  const body = grant.format === 'md'
    ? Buffer.from(caseMarkdown(result.case, result.summaries), 'utf8')
    : Buffer.from(await caseDocx(result.case, result.summaries, user.name, isoDay(deps.now())));
  res.set('Cache-Control', 'no-store').type(MEDIA_TYPE[grant.format]).attachment(exportFileName(result.case.ref, grant.format)).send(body);
}
