// The route table: every command Seen understands, who may run it, the dialog it starts and that dialog's options.
// Shaped like the Agents SDK's AgentApplication.onMessage(pattern, handler) and teams.ts's app.message(pattern, handler).
import type { User, UserRole } from '../records/model';
import type { PromptKey } from '../prompts';
import { COVERAGE_DIALOG, type CoverageOptions } from '../dialogs/coverage/coverage-dialog';
import { PREPARE_DIALOG, type PrepareOptions } from '../dialogs/prepare/prepare-dialog';
import { WRITEUP_DIALOG, type WriteUpOptions } from '../dialogs/writeup/writeup-dialog';
import { CORRECT_DIALOG } from '../dialogs/writeup/correct-dialog';
import type { CaseDialogOptions } from '../dialogs/writeup/case-dialog';
import { EXPORT_DIALOG, type ExportOptions } from '../dialogs/export/export-dialog';

/** One command: matched against the whole trimmed message; a match interrupts whatever dialog is running. */
export interface Route<O extends object = object> {
  /** Names the route in logs and tests. */
  readonly name: string;
  /** The whole message, trimmed; group 1 is the command's argument, if it has one. */
  readonly pattern: RegExp;
  /** Who may run it; anyone else is told what they can do instead (ROLE_REFUSALS), and no dialog starts. */
  readonly roles: readonly UserRole[] | 'any';
  /** The dialog the command starts, after cancelling any running one. */
  readonly dialog: string;
  /** The options that dialog begins with. */
  readonly options: (argument: string | undefined, user: User) => O;
  /** A dependency the command needs; without it the route is not offered (e.g. coverage without a coverage reader). */
  readonly needs?: 'coverage' | 'export';
}

/** A case reference or other single-word argument: `DEMO-1`, upper-cased before use. */
const ARG = '([A-Za-z0-9][A-Za-z0-9_-]{0,49})';
const CASE_WORKERS: readonly UserRole[] = ['practitioner', 'supervisor'];
const caseRef = (argument: string | undefined): string | null => (argument ? argument.toUpperCase() : null);
const route = <O extends object>(r: Route<O>): Route => r as Route;

/** Every command, in the order they are tried; a new command is one entry here and, if it is new, its dialog. */
export const ROUTES: readonly Route[] = [
  route<CoverageOptions>({
    name: 'coverage', pattern: /^coverage(?:\s+(?:for\s+)?(?:team\s+)?([A-Za-z0-9][\w -]{0,99}?))?$/i, roles: 'any', dialog: COVERAGE_DIALOG, needs: 'coverage',
    options: (team, user) => ({ userId: user.id, command: { kind: 'report', team: team ? team.trim() : null } }),
  }),
  route<CoverageOptions>({
    name: 'discussed', pattern: new RegExp(`^discussed\\s+${ARG}$`, 'i'), roles: 'any', dialog: COVERAGE_DIALOG, needs: 'coverage',
    options: (ref, user) => ({ userId: user.id, command: { kind: 'discussed', caseRef: ref!.toUpperCase() } }),
  }),
  route<PrepareOptions>({
    name: 'prepare', pattern: new RegExp(`^prepare(?:\\s+(?:for\\s+)?${ARG})?\\s*[.!]?$`, 'i'), roles: CASE_WORKERS, dialog: PREPARE_DIALOG,
    options: (ref, user) => ({ userId: user.id, caseRef: caseRef(ref) }),
  }),
  route<WriteUpOptions>({
    name: 'writeUp', pattern: new RegExp(`^write[\\s-]?up(?:\\s+for)?(?:\\s+${ARG})?$`, 'i'), roles: CASE_WORKERS, dialog: WRITEUP_DIALOG,
    options: (ref, user) => ({ userId: user.id, caseRef: caseRef(ref) }),
  }),
  route<CaseDialogOptions>({
    name: 'correct', pattern: new RegExp(`^correct(?:\\s+a\\s+summary)?(?:\\s+${ARG})?$`, 'i'), roles: CASE_WORKERS, dialog: CORRECT_DIALOG,
    options: (ref, user) => ({ userId: user.id, caseRef: caseRef(ref) }),
  }),
  // Why 'any': the export's own access check decides and audits every refusal, as `seen export` and the download link do.
  route<ExportOptions>({
    name: 'export', pattern: new RegExp(`^export(?:\\s+(?:case\\s+)?${ARG})?\\s*[.!]?$`, 'i'), roles: 'any', dialog: EXPORT_DIALOG, needs: 'export',
    options: (ref, user) => ({ userId: user.id, caseRef: caseRef(ref) }),
  }),
];

/** What a person whose role may not run a command is told: what they can do instead, never an error. */
export const ROLE_REFUSALS: Readonly<Record<UserRole, PromptKey>> = {
  practitioner: 'common.notAllowed',
  supervisor: 'common.notAllowed',
  partnership_lead: 'common.refusedPartnership',
  admin: 'common.refusedAdmin',
};

/** The route a message is, and its argument; undefined when it is no command (the running dialog gets it). */
export function matchRoute(text: string | undefined, routes: readonly Route[] = ROUTES): { route: Route; argument: string | undefined } | undefined {
  const trimmed = (text ?? '').trim();
  for (const r of routes) {
    const m = r.pattern.exec(trimmed);
    if (m) return { route: r, argument: m[1] };
  }
  return undefined;
}

/** Whether the user's role may run the route. */
export function mayRun(route: Route, user: User): boolean {
  return route.roles === 'any' || route.roles.includes(user.role);
}
