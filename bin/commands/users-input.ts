// What `seen users` accepts: zod schemas for ids, roles and Entra object ids, and the users CSV (parsed by line, checked by row).
import { z } from 'zod';
import { User, UserRole } from '../../records/model';
import { PLAYGROUND_AAD_OBJECT_IDS, PLAYGROUND_USER } from '../../adapters/teams/playground';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A Seen user id: short, and safe to name in an audit entry. */
export const UserId = z.string().trim().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'a user id is 1 to 64 letters, digits, dots, dashes or underscores');
export const Name = z.string().trim().min(1, 'a name is required').max(200);
export const Team = z.string().trim().min(1, 'a team is required').max(100);

/** A role, with the allowed values in the message. */
export const RoleArg = z.string().trim().refine((r) => UserRole.safeParse(r).success, `a role is one of ${UserRole.options.join(', ')}`).transform((r) => UserRole.parse(r));

/**
 * An Entra object id: a GUID (stored lower-case, as Entra and Teams send it), "playground" for the Agents Playground's
 * own user, one of the Playground's fixed ids as it sends them, or "none"/empty for no Teams or sign-in mapping.
 */
export const AadObjectIdArg = z.string().trim().transform((raw, ctx) => {
  const v = raw.toLowerCase();
  if (v === '' || v === 'none') return null;
  if (v === 'playground') return PLAYGROUND_USER.aadObjectId;
  if (GUID.test(v) || PLAYGROUND_AAD_OBJECT_IDS.includes(v)) return v;
  ctx.addIssue({ code: 'custom', message: 'an Entra object id is a GUID (like 9f1c2e7a-3b4d-4c5e-8f60-1a2b3c4d5e6f), "playground" for the Agents Playground user, or "none"' });
  return z.NEVER;
});

const Disabled = z.string().trim().toLowerCase().transform((v, ctx) => {
  if (['', 'no', 'false', '0'].includes(v)) return false;
  if (['yes', 'true', '1'].includes(v)) return true;
  ctx.addIssue({ code: 'custom', message: 'disabled is yes or no' });
  return z.NEVER;
});

/** One CSV row, as the columns name it. */
export const CsvRow = z.object({ id: UserId, name: Name, role: RoleArg, team: Team, aad_object_id: AadObjectIdArg.prefault(''), disabled: Disabled.prefault('') })
  .transform((r): User => ({ id: r.id, name: r.name, role: r.role, team: r.team, aadObjectId: r.aad_object_id ?? null, disabled: r.disabled }));

export const CSV_COLUMNS = ['id', 'name', 'role', 'team', 'aad_object_id', 'disabled'] as const;
const REQUIRED = ['id', 'name', 'role', 'team'];

/** A bad row (or header), by its line in the file. */
export interface RowError { line: number; message: string }

/** Splits CSV text into records (RFC 4180: quoted fields may hold commas, quotes and line breaks), each with its first line number. */
export function parseCsv(text: string): { records: Array<{ line: number; fields: string[] }>; error?: RowError } {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark from spreadsheet exports
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false;
      else { if (c === '\n') line++; field += c; }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === '"') return { records, error: { line, message: 'a quote inside an unquoted field (quote the whole field and double the quote)' } };
    else if (c === ',') { fields.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') continue;
    else if (c === '\n' || c === '\r') { endRecord(); line++; start = line; }
    else field += c;
  }
  if (quoted) return { records, error: { line: start, message: 'a quoted field is never closed' } };
  if (field !== '' || fields.length > 0) endRecord();
  return { records };
}

/** Checks the header and every row; returns all users, or every error found (by line), never a partial list. */
export function usersFromCsv(text: string): { users: User[]; errors: RowError[] } {
  const { records, error } = parseCsv(text);
  if (error) return { users: [], errors: [error] };
  const [header, ...rows] = records;
  if (!header) return { users: [], errors: [{ line: 1, message: `the file is empty; the first line names the columns: ${CSV_COLUMNS.join(',')}` }] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  const missing = REQUIRED.filter((n) => !names.includes(n));
  const dup = names.filter((n, i) => names.indexOf(n) !== i);
  if (unknown.length || missing.length || dup.length) {
    const says = [unknown.length && `unknown column ${unknown.join(', ')}`, missing.length && `missing column ${missing.join(', ')}`, dup.length && `repeated column ${dup.join(', ')}`].filter(Boolean).join('; ');
    return { users: [], errors: [{ line: header.line, message: `${says} (columns are ${CSV_COLUMNS.join(',')}; the last two may be left out)` }] };
  }
  if (rows.length === 0) return { users: [], errors: [{ line: header.line, message: 'no users after the header line' }] };
  const users: User[] = [];
  const errors: RowError[] = [];
  const seenIds = new Map<string, number>();
  const seenAad = new Map<string, number>();
  for (const r of rows) {
    if (r.fields.length !== names.length) { errors.push({ line: r.line, message: `${r.fields.length} fields, the header has ${names.length}` }); continue; }
    const parsed = CsvRow.safeParse(Object.fromEntries(names.map((n, i) => [n, r.fields[i]])));
    if (!parsed.success) { errors.push({ line: r.line, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }); continue; }
    const u = parsed.data;
    const again = seenIds.get(u.id);
    if (again) { errors.push({ line: r.line, message: `user id ${u.id} is already on line ${again}` }); continue; }
    const aadAgain = u.aadObjectId ? seenAad.get(u.aadObjectId) : undefined;
    if (aadAgain) { errors.push({ line: r.line, message: `Entra object id ${u.aadObjectId} is already on line ${aadAgain}` }); continue; }
    seenIds.set(u.id, r.line);
    if (u.aadObjectId) seenAad.set(u.aadObjectId, r.line);
    users.push(u);
  }
  return { users: errors.length ? [] : users, errors };
}
