// Logs carry ids and events, never note text, answers or names: a full write-up at debug level, every line scanned.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { t } from '../../prompts';
import { DEMO_CASES, DEMO_MEN, DEMO_USERS } from '../../records/demo-data';
import { ACCOUNTS, scriptedPractitioner } from '../../bench/practitioner';
import { DlConversation, converse, startConversation, textOf } from '../helpers/directline-client';
import { testDbEnv } from '../helpers/database';

const NOW = new Date('2026-11-26T10:00:00Z');
const ALEX = { id: 'alex', name: 'Alex Morgan' };
/** Free-text answers unique to this test, so finding one in the logs can only mean it leaked. */
const LOCATION = 'Kitchen table at the Willow Road flat';
const PRESENT = 'Dan, his partner Keira and baby Ava';
const ACTIONS = 'Book the Thursday evening visit with Dan\nSend Keira the crying leaflet';
const RAMBLE = 'He told me about the argument with his brother Shane last Friday';

describe('safety: logs never carry note text, answers or names', function () {
  this.timeout(120_000);
  let dir: string;
  let seen: Seen;
  let base: string;
  const lines: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-logs-'));
    const config = loadConfig({ PORT: '0', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'debug', SEEN_RATE_MESSAGES_PER_MINUTE: '1000' });
    const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
    seen = await composeSeen(config, logger, { now: () => new Date(NOW) });
    base = (await seen.listen()).url;
  });

  after(async () => {
    await seen?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a full write-up, a rambling message, an oversized one and bad requests log events but none of the words', async () => {
    const { conversationId, token } = await startConversation(base, ALEX);
    const conv = new DlConversation(base, ALEX, { token, conversationId });
    try {
      await conv.waitForText(t('common.greeting', { name: 'Alex' }));
      let before = conv.botReplies().length;
      await conv.send(RAMBLE);
      await conv.settle(before);
      before = conv.botReplies().length;
      await conv.send('x'.repeat(30_000));
      await conv.settle(before);
      const saved = t('writeup.saved', { version: 1, man: 'Dan (fictional)', ref: 'DEMO-1' });
      const answers = scriptedPractitioner({ 'writeup.askLocation': LOCATION, 'writeup.askPresent': PRESENT, 'writeup.askActions': ACTIONS });
      await converse(conv, answers, 'write up DEMO-1', { until: (a) => textOf(a) === saved });
    } finally {
      conv.end();
    }
    // Requests that fail validation or authorisation are logged too (debug): their bodies must not be.
    await fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer nope' }, body: JSON.stringify({ type: 'message', text: RAMBLE }) });
    await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: { id: 'has space', name: 'Keira Shane' } }) });

    assert.ok(lines.length >= 20, `the write-up was logged at debug (${lines.length} lines)`);
    const events = new Set(lines.map((l) => (JSON.parse(l) as { msg?: string }).msg));
    assert.ok(events.has('directline bot activity stored') && events.has('directline request rejected'), `events: ${[...events].join(' | ')}`);

    const forbidden = [
      ...Object.values(ACCOUNTS), LOCATION, PRESENT, ...ACTIONS.split('\n'), RAMBLE, 'x'.repeat(200),
      'He is open and keen to learn', 'none noted', '4 pints', 'Keira', 'Shane', 'Willow Road',
      ...DEMO_USERS.map((u) => u.name), ...DEMO_MEN.map((m) => m.name), ...DEMO_CASES.map((c) => c.babyName),
      'Dan', 'Ava', 'Morgan',
    ];
    const haystack = lines.join('\n');
    // Whole words, case-insensitive: "Ava" must not match "available".
    const word = (s: string) => new RegExp(`(?<!\\p{L})${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'iu');
    assert.ok(word(LOCATION).test(JSON.stringify({ msg: `at ${LOCATION}` })) && !word('Ava').test('available'), 'the scanner finds a planted leak and only whole words');
    const leaked = forbidden.filter((s) => word(s).test(haystack));
    assert.deepEqual(leaked, [], `found in the logs: ${leaked.map((s) => JSON.stringify(s.slice(0, 60))).join(', ')}`);
    process.stdout.write(`      logs: ${lines.length} lines at debug, ${events.size} distinct events, ${forbidden.length} sentences and names searched, 0 found\n`);
  });
});
