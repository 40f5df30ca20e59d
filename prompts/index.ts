// Every word Seen says, in one typed catalogue: `t('writeup.askCase')` is checked by the compiler and by tests.
import { fill, namespace } from './catalog';
import { common } from './common';
import { writeup } from './writeup';
import { substance } from './substance';
import { parenting } from './parenting';
import { summary } from './summary';
import { notes } from './notes';
import { coverage } from './coverage';
import { prepare } from './prepare';
import { teams } from './teams';
import { signin } from './signin';
import { exporting } from './export';
import { guided } from './guided';

export { DOMAIN_WORDING } from './domains';

/** The flat catalogue, built and validated once at start-up. */
export const CATALOG = {
  ...namespace('common', common),
  ...namespace('writeup', writeup),
  ...namespace('substance', substance),
  ...namespace('parenting', parenting),
  ...namespace('summary', summary),
  ...namespace('notes', notes),
  ...namespace('coverage', coverage),
  ...namespace('prepare', prepare),
  ...namespace('teams', teams),
  ...namespace('signin', signin),
  ...namespace('export', exporting),
  ...namespace('guided', guided),
};

/** A key of the catalogue. */
export type PromptKey = keyof typeof CATALOG;

/** The wording for a key, with `{placeholders}` filled. */
export function t(key: PromptKey, vars?: Readonly<Record<string, string | number>>): string {
  return fill(CATALOG[key], vars);
}
