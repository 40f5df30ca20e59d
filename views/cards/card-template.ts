// A small subset of the Adaptive Card Templating language (`${path}`, `$data`, `$when`), so card layout and card data stay apart.

/** A JSON value as a template or its data. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A template that names a path the data does not have: a programming error, reported with the path. */
export class CardTemplateError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CardTemplateError';
  }
}

const WHOLE = /^\$\{([$\w.]+)\}$/;
const PART = /\$\{([$\w.]+)\}/g;

// Looks a dotted path up in the current scope, or from the root with `$root.`; `$data` is the scope itself.
function lookup(path: string, scope: Json, root: Json): Json | undefined {
  const [head, ...rest] = path.split('.');
  let value: Json | undefined = head === '$root' ? root : head === '$data' ? scope : (scope as Record<string, Json>)?.[head];
  for (const key of rest) value = value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
  return value;
}

// An expression must resolve; a missing value is a template bug, not something to show as "undefined".
function resolve(path: string, scope: Json, root: Json): Json {
  const value = lookup(path, scope, root);
  if (value === undefined) throw new CardTemplateError(`card template: no value for \${${path}}`);
  return value;
}

// `$when` is false for false, null, empty strings and empty arrays.
function truthy(v: Json): boolean {
  return !(v === false || v === null || v === '' || (Array.isArray(v) && v.length === 0));
}

// Expands one node; an object with `$data` over an array becomes several nodes, and a false `$when` removes it.
function expandNode(node: Json, scope: Json, root: Json): Json[] {
  if (typeof node === 'string') {
    const whole = WHOLE.exec(node);
    if (whole) return [resolve(whole[1], scope, root)];
    return [node.replace(PART, (_m, p: string) => String(resolve(p, scope, root)))];
  }
  if (Array.isArray(node)) return [node.flatMap((n) => expandNode(n, scope, root))];
  if (node === null || typeof node !== 'object') return [node];
  const { $data, $when, ...rest } = node;
  if ($data !== undefined) {
    const data = typeof $data === 'string' ? expandNode($data, scope, root)[0] : $data;
    const items = Array.isArray(data) ? data : [data];
    return items.flatMap((item) => expandNode($when === undefined ? rest : { ...rest, $when }, item, root));
  }
  if ($when !== undefined && !truthy(expandNode($when, scope, root)[0])) return [];
  return [Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, expandNode(v, scope, root)[0]]))];
}

/** Binds data to a template, as the Adaptive Cards templating SDK would for this subset; the template is not changed. */
export function expandTemplate(template: Json, data: Json): Json {
  return expandNode(template, data, data)[0];
}
