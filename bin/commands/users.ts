// `seen users …`: add, list, change, disable and import Seen users, matched to Entra ID and Teams by object id; every change audited.
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Command, CliIo } from '../cli';
import type { User } from '../../records/model';
import type { AuditOperation } from '../../records/audit';
import { SqlUserAdmin, UnknownUserError, UserConflictError, type UserChange } from '../../adapters/sql/users';
import { AadObjectIdArg, Name, RoleArg, Team, UserId, usersFromCsv } from './users-input';
import { AsUser, actorFor, argError, openCliRecords } from './cli-records';

const USAGE = `usage:
  seen users list [--json]
  seen users add <id> --name <name> --role <role> --team <team> [--aad <object id|playground>]
  seen users set-role <id> <practitioner|supervisor|partnership_lead|admin>
  seen users set-team <id> <team>
  seen users set-aad <id> <object id|playground|none>
  seen users disable <id>
  seen users enable <id>
  seen users import <users.csv|->        columns: id,name,role,team[,aad_object_id][,disabled]
every form also takes [--as <admin user id>] [--db file|url]
`;

/** The largest users file read (a few thousand users fit in well under this). */
const MAX_CSV_BYTES = 5 * 1024 * 1024;

const OPTIONS = { as: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' }, name: { type: 'string' }, role: { type: 'string' }, team: { type: 'string' }, aad: { type: 'string' } } as const;

/** Each sub-command's arguments, checked before the database is opened. */
const Sub = z.discriminatedUnion('sub', [
  z.object({ sub: z.literal('list'), json: z.boolean() }),
  z.object({ sub: z.literal('add'), id: UserId, name: Name, role: RoleArg, team: Team, aad: AadObjectIdArg.prefault('') }),
  z.object({ sub: z.literal('set-role'), id: UserId, value: RoleArg }),
  z.object({ sub: z.literal('set-team'), id: UserId, value: Team }),
  z.object({ sub: z.literal('set-aad'), id: UserId, value: AadObjectIdArg }),
  z.object({ sub: z.literal('disable'), id: UserId }),
  z.object({ sub: z.literal('enable'), id: UserId }),
  z.object({ sub: z.literal('import'), file: z.string().min(1, 'name the CSV file (or - for standard input)') }),
]);
type Sub = z.infer<typeof Sub>;

/** Turns argv into one checked sub-command; throws with a message a person can act on. */
function parse(argv: string[]): { sub: Sub; as?: string; db?: string } {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  const [sub, id, value, extra] = positionals;
  if (!sub) throw new Error('name a sub-command');
  const arity: Record<string, number> = { list: 1, add: 2, 'set-role': 3, 'set-team': 3, 'set-aad': 3, disable: 2, enable: 2, import: 2 };
  if (!(sub in arity)) throw new Error(`unknown sub-command "${sub}"`);
  if (extra !== undefined || positionals.length > arity[sub]) throw new Error(`unexpected argument ${positionals[arity[sub]]}`);
  if (positionals.length < arity[sub]) throw new Error(`${sub} needs ${arity[sub] === 2 ? 'a user id' : 'a user id and a value'}`);
  const onlyAdd = (['name', 'role', 'team', 'aad'] as const).filter((k) => values[k] !== undefined);
  if (sub !== 'add' && onlyAdd.length) throw new Error(`--${onlyAdd[0]} belongs to add; use set-${onlyAdd[0]} <id> <value>`);
  const raw = sub === 'list' ? { sub, json: values.json ?? false }
    : sub === 'add' ? { sub, id, name: values.name ?? '', role: values.role ?? '', team: values.team ?? '', aad: values.aad }
    : sub === 'import' ? { sub, file: id }
    : { sub, id, value };
  return { sub: Sub.parse(raw), as: AsUser.parse(values.as), db: values.db };
}

const line = (u: User) => `${u.id.padEnd(16)} ${u.role.padEnd(16)} ${u.team.padEnd(14)} ${(u.aadObjectId ?? '-').padEnd(37)} ${u.disabled ? 'disabled' : 'active'}  ${u.name}`;

/** Reads the CSV from a file or standard input, refusing anything too large to be a users list. */
async function readCsv(file: string, io: CliIo): Promise<string> {
  if (file === '-') {
    const buf = await io.readStdin();
    if (buf.length > MAX_CSV_BYTES) throw new Error(`standard input is over ${MAX_CSV_BYTES} bytes`);
    return buf.toString('utf8');
  }
  if ((await stat(file)).size > MAX_CSV_BYTES) throw new Error(`${file} is over ${MAX_CSV_BYTES} bytes`);
  return readFile(file, 'utf8');
}

/** The command, registered in bin/commands/registry.ts. */
export const command: Command = {
  summary: 'users list|add|set-role|set-team|set-aad|disable|enable|import  manage who may use Seen (matched by Entra object id)',
  async run(argv, io) {
    let args: ReturnType<typeof parse>;
    try {
      args = parse(argv);
    } catch (err) {
      io.stderr(`seen users: ${argError(err)}\n${USAGE}`);
      return 2;
    }
    const { sub } = args;
    // Why: a bad file is reported before the database is touched, so an import with a bad row writes nothing.
    let imported: User[] = [];
    if (sub.sub === 'import') {
      let text: string;
      try {
        text = await readCsv(sub.file, io);
      } catch (err) {
        io.stderr(`seen users: cannot read ${sub.file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
        return 1;
      }
      const { users, errors } = usersFromCsv(text);
      if (errors.length) {
        io.stderr(`${errors.map((e) => `seen users: ${sub.file} line ${e.line}: ${e.message}`).join('\n')}\nseen users: nothing was imported (${errors.length} line${errors.length === 1 ? '' : 's'} to fix)\n`);
        return 1;
      }
      imported = users;
    }
    const cli = await openCliRecords(args.db, 'seen', 'cli');
    try {
      const actor = await actorFor(cli, args.as, 'users.manage', {}, io, 'users');
      if (!actor) return 3;
      const admin = new SqlUserAdmin(cli.db, () => new Date());
      const context = { actor, path: 'cli' as const };
      const change = async (id: string, c: UserChange, op: AuditOperation, what: string, says: (u: User) => string) => {
        const { after } = await admin.update(id, c, context, op, what);
        io.stdout(`${says(after)}\n`);
        return 0;
      };
      switch (sub.sub) {
        case 'list': {
          const users = await admin.list(context);
          if (sub.json) io.stdout(`${JSON.stringify({ users }, null, 2)}\n`);
          else io.stdout(`${'id'.padEnd(16)} ${'role'.padEnd(16)} ${'team'.padEnd(14)} ${'entra object id'.padEnd(37)} status    name\n${users.map(line).join('\n')}\n`);
          return 0;
        }
        case 'add': {
          const u = await admin.add({ id: sub.id, name: sub.name, role: sub.role, team: sub.team, aadObjectId: sub.aad ?? null, disabled: false }, context);
          io.stdout(`added ${u.id} (${u.role}, ${u.team})${u.aadObjectId ? `, Entra object id ${u.aadObjectId}` : ', no Entra object id yet: they cannot sign in or use Teams until set-aad'}\n`);
          return 0;
        }
        case 'set-role': return await change(sub.id, { role: sub.value }, 'user.update', 'role', (u) => `${u.id} is now ${u.role}`);
        case 'set-team': return await change(sub.id, { team: sub.value }, 'user.update', 'team', (u) => `${u.id} is now in team ${u.team}`);
        case 'set-aad': return await change(sub.id, { aadObjectId: sub.value }, 'user.update', 'aad', (u) => (u.aadObjectId ? `${u.id} now signs in and uses Teams as Entra object id ${u.aadObjectId}` : `${u.id} has no Entra object id: they cannot sign in or use Teams`));
        case 'disable': return await change(sub.id, { disabled: true }, 'user.disable', 'disabled', (u) => `${u.id} is disabled: refused on sign-in, Teams, chat and coverage (their records stay)`);
        case 'enable': return await change(sub.id, { disabled: false }, 'user.enable', 'enabled', (u) => `${u.id} is enabled`);
        case 'import': {
          const r = await admin.import(imported, context);
          const part = (n: string, ids: string[]) => `${ids.length} ${n}${ids.length ? ` (${ids.join(', ')})` : ''}`;
          io.stdout(`imported ${sub.file}: ${part('added', r.added)}, ${part('updated', r.updated)}, ${part('unchanged', r.unchanged)}\n`);
          return 0;
        }
      }
    } catch (err) {
      if (err instanceof UnknownUserError || err instanceof UserConflictError) {
        io.stderr(`seen users: ${err.message}; nothing was changed\n`);
        return 1;
      }
      throw err;
    } finally {
      await cli.close();
    }
  },
};
