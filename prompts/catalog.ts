// Helpers that turn a domain's wording file into namespaced, zod-checked prompt entries.
import { z } from 'zod';

/**
 * One piece of wording: not blank, and short enough for a chat bubble or card. Kept exactly as written: a fragment
 * joined into a sentence (" (corrects version 1)") carries its own leading space, which trimming would drop.
 */
export const Wording = z.string().min(1).max(2000).refine((s) => s.trim().length > 0, 'wording must not be blank');

/** A flat wording table for one namespace, e.g. `common` or `writeup`. */
export type WordingTable = Readonly<Record<string, string>>;

/** Prefixes every key with its namespace, keeping the keys as literal types for `t()`. */
export type Namespaced<P extends string, T extends WordingTable> = { readonly [K in keyof T & string as `${P}.${K}`]: string };

/** Validates a table and prefixes its keys; throws at start-up if any wording is empty or too long. */
export function namespace<P extends string, T extends WordingTable>(prefix: P, table: T): Namespaced<P, T> {
  const parsed = z.record(z.string().regex(/^[a-z][a-zA-Z0-9_]*$/), Wording).parse(table);
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [`${prefix}.${k}`, v])) as Namespaced<P, T>;
}

/** Fills `{name}` placeholders; an unfilled placeholder is a programming error, so it throws. */
export function fill(template: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => {
    if (!(k in vars)) throw new Error(`prompt placeholder {${k}} has no value`);
    return String(vars[k]);
  });
}
