// Who may do what: the one access policy every path (chat, page, CLI, export) asks before touching case records.
import { z } from 'zod';
import type { User, UserRole } from './model';

/** Everything a path can do with records; each call site names one. */
export const OPERATIONS = [
  'case.list',
  'case.read',
  'case.write',
  'supervision.record',
  'coverage.team',
  'coverage.partnership',
  'subject.export',
  'audit.read',
  'users.manage',
] as const;
/** An operation. */
export const Operation = z.enum(OPERATIONS);
export type Operation = z.infer<typeof Operation>;

/** What the operation touches: a case (its team and allocated practitioner) or a team. */
export interface Target {
  team?: string;
  practitionerId?: string;
}

/** A refusal, typed so every path can answer "not allowed" rather than fail. */
export class AccessDeniedError extends Error {
  constructor(readonly user: string, readonly operation: Operation) {
    super(`${operation} is not allowed for this user`);
    this.name = 'AccessDeniedError';
  }
}

type Rule = (user: User, target: Target) => boolean;
const own: Rule = (u, t) => t.practitionerId === u.id;
const team: Rule = (u, t) => t.team === u.team;
const always: Rule = () => true;
const never: Rule = () => false;

/**
 * The policy as a table: practitioners their own allocated cases; supervisors their team's cases and figures;
 * partnership leads anonymised figures only; administrators users and the audit trail, never case content.
 */
const POLICY: Readonly<Record<UserRole, Readonly<Record<Operation, Rule>>>> = {
  practitioner: {
    'case.list': own, 'case.read': own, 'case.write': own, 'supervision.record': never,
    'coverage.team': never, 'coverage.partnership': never, 'subject.export': never, 'audit.read': never, 'users.manage': never,
  },
  supervisor: {
    'case.list': team, 'case.read': team, 'case.write': own, 'supervision.record': team,
    'coverage.team': team, 'coverage.partnership': always, 'subject.export': team, 'audit.read': team, 'users.manage': never,
  },
  partnership_lead: {
    'case.list': never, 'case.read': never, 'case.write': never, 'supervision.record': never,
    'coverage.team': never, 'coverage.partnership': always, 'subject.export': never, 'audit.read': never, 'users.manage': never,
  },
  admin: {
    'case.list': never, 'case.read': never, 'case.write': never, 'supervision.record': never,
    'coverage.team': never, 'coverage.partnership': never, 'subject.export': never, 'audit.read': always, 'users.manage': always,
  },
};

/** True when the user may do the operation on the target; a disabled user may do nothing. */
export function allowed(user: User, operation: Operation, target: Target = {}): boolean {
  return !user.disabled && POLICY[user.role][operation](user, target);
}

/** Throws AccessDeniedError unless allowed. */
export function authorise(user: User, operation: Operation, target: Target = {}): void {
  if (!allowed(user, operation, target)) throw new AccessDeniedError(user.id, operation);
}
