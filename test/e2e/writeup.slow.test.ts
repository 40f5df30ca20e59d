// End to end: the real Seen over its own Direct Line, a scripted practitioner writes up DEMO-1, the CLI exports it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { t } from '../../prompts';
import { DOMAIN_IDS } from '../../records/practice-model';
import { ACCOUNTS, scriptedPractitioner } from '../../bench/practitioner';
import { DlConversation, converse, startConversation, textOf } from '../helpers/directline-client';
import { domainsAnswered, exportCase, type Exported } from '../helpers/seen-process';
import { testDbEnv } from '../helpers/database';

const NOW = new Date('2026-11-26T10:00:00Z');
const ALEX = { id: 'alex', name: 'Alex Morgan' };
const ACTIONS = ['Offer an evening visit next time', 'Share the ICON crying leaflet with Dan'];

describe('end to end: guided write-up over Direct Line, then export', function () {
  this.timeout(120_000);
  let dir: string;
  let seen: Seen;
  let base: string;
  let conv: DlConversation | undefined;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-e2e-'));
    const config = loadConfig({ PORT: '0', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'silent' });
    seen = await composeSeen(config, createLogger('silent'), { now: () => new Date(NOW) });
    base = (await seen.listen()).url;
  });

  after(async () => {
    conv?.end();
    await seen?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('alex writes up DEMO-1 with the scripted practitioner and the export matches what he said', async () => {
    const { conversationId, token } = await startConversation(base, ALEX);
    conv = new DlConversation(base, ALEX, { token, conversationId });
    await conv.waitForText(t('common.greeting', { name: 'Alex' }));

    const saved = t('writeup.saved', { version: 1, man: 'Dan (fictional)', ref: 'DEMO-1' });
    const log = await converse(conv, scriptedPractitioner(), 'write up DEMO-1', { until: (a) => textOf(a) === saved });
    const asked = log.map((e) => e.asked);
    assert.ok(asked.includes(t('writeup.askMan', { baby: 'Baby Ava (fictional)' })), 'asked which man');
    // A topic is asked as text (its question) or, where cards show, on its card (the answer carries his account).
    const onCards = DOMAIN_IDS.filter((d) => log.some((e) => e.answered.includes(JSON.stringify(ACCOUNTS[d]).slice(1, -1))));
    const answered = DOMAIN_IDS.filter((d) => domainsAnswered(asked).includes(d) || onCards.includes(d));
    assert.deepEqual(answered, [...DOMAIN_IDS], 'every domain was asked and answered');
    conv.end();
    conv = undefined;

    const exported = JSON.parse(await exportCase('DEMO-1', 'json', join(dir, 'seen.db'))) as Exported;
    assert.equal(exported.caseRef, 'DEMO-1');
    assert.equal(exported.fictional, true);
    assert.equal(exported.summaries.length, 1);
    const s = exported.summaries[0]!;
    assert.equal(s.manId, 'demo-1-dan');
    assert.equal(s.author, 'alex');
    assert.equal(s.version, 1);
    assert.equal(s.contact.seenStatus, 'seen');
    assert.equal(s.contact.date, '2026-11-25', '"yesterday" against the fixed clock');
    assert.ok(s.infoSought.agencies.includes('gp'), `agencies: ${s.infoSought.agencies.join(', ')}`);
    assert.equal(s.infoSought.consentGiven, true);
    for (const line of ACTIONS) assert.ok(s.actions.includes(line), `action "${line}" in ${JSON.stringify(s.actions)}`);
    for (const d of answered) assert.equal(s.domains[d].account, ACCOUNTS[d], `account for ${d}`);

    const md = await exportCase('DEMO-1', 'md', join(dir, 'seen.db'));
    assert.match(md, /FICTIONAL/);
    assert.ok(md.includes('Dan (fictional)'), 'the man is named in the Markdown');
  });
});
