// What a Direct Line token check came to, as a short string a table row can name: 'ok' or '<status> <code>'.
import assert from 'node:assert/strict';
import { DirectLineError } from '../../adapters/directline/errors';

/** The status and code a verify/refresh refused with, or 'ok'; any other failure fails the test. */
export async function tokenOutcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    assert.ok(err instanceof DirectLineError, `refusals are DirectLineErrors, not ${String(err)}`);
    return `${err.status} ${err.code}`;
  }
}
