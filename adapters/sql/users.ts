// Users administration on either backend: every change and its audit entry in one transaction, so the trail never misses one.
import { User } from '../../records/model';
import type { AuditContext, AuditOperation } from '../../records/audit';
import { SqlAuditLog } from './audit-log';
import type { Db, Executor } from './database';

/** A change that would break a rule the user table keeps: one id per user, one Entra object id per user. */
export class UserConflictError extends Error {
  constructor(readonly field: 'id' | 'aadObjectId', readonly value: string, readonly heldBy: string | null) {
    super(field === 'id' ? `a user with id ${value} already exists` : `Entra object id ${value} already belongs to user ${heldBy}`);
    this.name = 'UserConflictError';
  }
}

/** The user named does not exist. */
export class UnknownUserError extends Error {
  constructor(readonly id: string) {
    super(`no user with id ${id}`);
    this.name = 'UnknownUserError';
  }
}

/** What can be changed on an existing user. */
export type UserChange = Partial<Pick<User, 'name' | 'role' | 'team' | 'aadObjectId' | 'disabled'>>;

/** What an import did, by user id. */
export interface ImportReport { added: string[]; updated: string[]; unchanged: string[] }

interface Row { id: string; name: string; role: string; team: string; aad_object_id: string | null; disabled: number }
const toUser = (r: Row): User => User.parse({ id: r.id, name: r.name, role: r.role, team: r.team, aadObjectId: r.aad_object_id, disabled: r.disabled === 1 });
const same = (a: User, b: User) => a.name === b.name && a.role === b.role && a.team === b.team && a.aadObjectId === b.aadObjectId && a.disabled === b.disabled;

/** Adds, changes, lists and imports users; audits each as `context.actor` on `context.path`. */
export class SqlUserAdmin {
  constructor(private readonly db: Db, private readonly now: () => Date) {
    if (!db) throw new TypeError('SqlUserAdmin needs a Db');
  }

  /** Every user, disabled ones included (the administrator's view), ordered by team then name. */
  async list(context: AuditContext): Promise<User[]> {
    return this.db.transaction(async (tx) => {
      const users = (await tx.all<Row>('SELECT * FROM users ORDER BY team, name, id')).map(toUser);
      await this.audit(tx, context, 'users.list', `count:${users.length}`);
      return users;
    });
  }

  /** Adds a new user; refuses an id or Entra object id already in use. */
  async add(user: User, context: AuditContext): Promise<User> {
    const u = User.parse(user);
    return this.db.transaction(async (tx) => {
      if (await this.find(tx, u.id)) throw new UserConflictError('id', u.id, u.id);
      await this.checkAad(tx, u.aadObjectId, u.id);
      await this.insert(tx, u);
      await this.audit(tx, context, 'user.add', `user:${u.id}`);
      return u;
    });
  }

  /** Changes one user; `operation` names what changed in the trail (role, team, Entra id, disabled). */
  async update(id: string, change: UserChange, context: AuditContext, operation: AuditOperation, what: string): Promise<{ before: User; after: User }> {
    return this.db.transaction(async (tx) => {
      const before = await this.find(tx, id);
      if (!before) throw new UnknownUserError(id);
      const after = User.parse({ ...before, ...change });
      if (after.aadObjectId !== before.aadObjectId) await this.checkAad(tx, after.aadObjectId, id);
      await this.save(tx, after);
      await this.audit(tx, context, operation, `user:${id}:${what}`);
      return { before, after };
    });
  }

  /**
   * Adds or updates every row in one transaction: any conflict (an Entra object id held by a user not in the file)
   * rolls the whole import back, so an import either happens entirely or not at all.
   */
  async import(users: readonly User[], context: AuditContext): Promise<ImportReport> {
    const rows = users.map((u) => User.parse(u));
    return this.db.transaction(async (tx) => {
      const report: ImportReport = { added: [], updated: [], unchanged: [] };
      // Why: clear every Entra id the file moves first, so two users swapping ids in one file is not a conflict.
      const existing = new Map<string, User>();
      for (const u of rows) {
        const e = await this.find(tx, u.id);
        if (e) existing.set(u.id, e);
      }
      for (const u of rows) {
        const e = existing.get(u.id);
        if (e && e.aadObjectId !== u.aadObjectId && e.aadObjectId !== null) await tx.run('UPDATE users SET aad_object_id = NULL WHERE id = ?', [u.id]);
      }
      for (const u of rows) {
        const e = existing.get(u.id);
        await this.checkAad(tx, u.aadObjectId, u.id);
        if (!e) {
          await this.insert(tx, u);
          report.added.push(u.id);
        } else if (same(e, u)) {
          report.unchanged.push(u.id);
        } else {
          await this.save(tx, u);
          report.updated.push(u.id);
        }
      }
      await this.audit(tx, context, 'users.import', `added:${report.added.length}:updated:${report.updated.length}:unchanged:${report.unchanged.length}`);
      return report;
    });
  }

  private async find(tx: Executor, id: string): Promise<User | undefined> {
    const r = await tx.get<Row>('SELECT * FROM users WHERE id = ?', [id]);
    return r && toUser(r);
  }

  private async checkAad(tx: Executor, aad: string | null, forUser: string): Promise<void> {
    if (aad === null) return;
    const holder = await tx.get<{ id: string }>('SELECT id FROM users WHERE aad_object_id = ? AND id <> ?', [aad, forUser]);
    if (holder) throw new UserConflictError('aadObjectId', aad, holder.id);
  }

  private async insert(tx: Executor, u: User): Promise<void> {
    await tx.run('INSERT INTO users (id, name, role, team, aad_object_id, disabled) VALUES (?, ?, ?, ?, ?, ?)', [u.id, u.name, u.role, u.team, u.aadObjectId, u.disabled ? 1 : 0]);
  }

  private async save(tx: Executor, u: User): Promise<void> {
    await tx.run('UPDATE users SET name = ?, role = ?, team = ?, aad_object_id = ?, disabled = ? WHERE id = ?', [u.name, u.role, u.team, u.aadObjectId, u.disabled ? 1 : 0, u.id]);
  }

  private async audit(tx: Executor, context: AuditContext, operation: AuditOperation, detail: string): Promise<void> {
    await new SqlAuditLog(tx).append({ at: this.now().toISOString(), actor: context.actor, path: context.path, operation, outcome: 'ok', detail });
  }
}
