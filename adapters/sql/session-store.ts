// Web sign-in sessions in Seen's own database (either backend), so every instance sees the same sessions and sign-out ends them everywhere.
import { createHash } from 'node:crypto';
import session from 'express-session';
import type { SessionData } from 'express-session';
import type { Executor } from './database';

declare module 'express-session' {
  interface SessionData {
    /** The signed-in Seen user's id (users.id); absent until sign-in completes. */
    userId?: string;
    /** The provider's id for the user (Entra `oid`, else `sub`), checked again on every request so a disabled user's session ends. */
    subject?: string;
    /** When the session began, in ms since the epoch; it ends at most SESSION_MAX_MS later whatever happens. */
    startedAt?: number;
    /** The sign-in under way: PKCE verifier, state and nonce, and the page to return to. */
    signin?: { verifier: string; state: string; nonce: string; returnTo: string };
  }
}

/** Twelve hours: the longest any session lasts, active or not. */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;

/** The key a session is stored under: a hash of the cookie's id, so a copy of the table holds no usable cookie. */
export function sessionHash(sid: string): string {
  return createHash('sha256').update(sid, 'utf8').digest('base64url');
}

interface SessionRow { data: string; expires_at: string }

/** express-session's Store over the `web_sessions` table; the clock is injected so expiry is testable. */
export class SqlSessionStore extends session.Store {
  private lastPrune = 0;

  constructor(
    private readonly db: Executor,
    private readonly now: () => Date,
    private readonly idleMs: number,
  ) {
    super();
    if (!db) throw new TypeError('SqlSessionStore needs a Db');
    if (typeof now !== 'function') throw new TypeError('SqlSessionStore needs a clock');
    if (!Number.isInteger(idleMs) || idleMs < 60_000) throw new TypeError('SqlSessionStore needs an idle time of at least a minute');
  }

  /** The session, or nothing when unknown, idle too long or past its 12 hours. */
  override get(sid: string, cb: (err: unknown, session?: SessionData | null) => void): void {
    this.db.get<SessionRow>('SELECT data, expires_at FROM web_sessions WHERE sid_hash = ? AND expires_at > ?', [sessionHash(sid), this.now().toISOString()])
      .then((row) => cb(null, row ? (JSON.parse(row.data) as SessionData) : null), (err: unknown) => cb(err));
  }

  /** Saves the session; its idle expiry moves on, but never past its absolute end. */
  override set(sid: string, data: SessionData, cb?: (err?: unknown) => void): void {
    const now = this.now().getTime();
    const startedAt = typeof data.startedAt === 'number' ? data.startedAt : now;
    const endsAt = startedAt + SESSION_MAX_MS;
    const expiresAt = Math.min(now + this.idleMs, endsAt);
    this.pruneNow(now)
      .then(() => this.db.run(
        `INSERT INTO web_sessions (sid_hash, data, expires_at, ends_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (sid_hash) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at, ends_at = excluded.ends_at`,
        [sessionHash(sid), JSON.stringify({ ...data, startedAt }), new Date(expiresAt).toISOString(), new Date(endsAt).toISOString()],
      ))
      .then(() => cb?.(), (err: unknown) => cb?.(err));
  }

  /** A request on an unchanged session still counts as activity: the idle expiry moves on (capped at the absolute end). */
  override touch(sid: string, _data: SessionData, cb?: (err?: unknown) => void): void {
    const next = new Date(this.now().getTime() + this.idleMs).toISOString();
    this.db.run('UPDATE web_sessions SET expires_at = CASE WHEN ? < ends_at THEN ? ELSE ends_at END WHERE sid_hash = ? AND expires_at > ?', [next, next, sessionHash(sid), this.now().toISOString()])
      .then(() => cb?.(), (err: unknown) => cb?.(err));
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    this.db.run('DELETE FROM web_sessions WHERE sid_hash = ?', [sessionHash(sid)]).then(() => cb?.(), (err: unknown) => cb?.(err));
  }

  /** True while the session with this hash exists and has neither idled out nor reached its end (Direct Line tokens ask this). */
  async alive(hash: string): Promise<boolean> {
    return Boolean(await this.db.get('SELECT 1 AS ok FROM web_sessions WHERE sid_hash = ? AND expires_at > ?', [hash, this.now().toISOString()]));
  }

  // Why at most once a minute: expired rows are harmless (get ignores them) but should not pile up.
  private async pruneNow(now: number): Promise<void> {
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    await this.db.run('DELETE FROM web_sessions WHERE expires_at <= ?', [new Date(now).toISOString()]);
  }
}
