// Issue 16.1: a long write-up saves through Teams-shaped traffic, every activity fits Teams' 28 KB, and a 413 loses nothing.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { DOMAIN_WORDING, t } from '../../prompts';
import { DEMO_USERS } from '../../records/demo-data';
import { DOMAIN_IDS } from '../../records/practice-model';
import { MAX_TEXT } from '../../records/model';
import { channelOf } from '../../views/channels';
import { jsonBytes } from '../../views/budget';
import { ACCOUNTS, scriptedPractitioner } from '../../bench/practitioner';
import { startCaptureChannel, type Captured } from '../helpers/capture-channel';
import { testDbEnv } from '../helpers/database';

const ALEX_AAD = DEMO_USERS.find((u) => u.id === 'alex')!.aadObjectId!;
const TEAMS_MAX = channelOf('msteams').maxMessageBytes;

/** His account on a topic, repeated to exactly MAX_TEXT characters (the longest answer Seen takes). */
export const longAnswer = (seed: string): string => `${seed.padEnd(MAX_TEXT, ` ${seed}`).slice(0, MAX_TEXT - 1)}.`;

// The scripted practitioner, answering every topic's three questions with 20,000 characters.
const longPractitioner = () => {
  const base = scriptedPractitioner();
  return (reply: Captured['body']) => {
    for (const d of DOMAIN_IDS) {
      const w = DOMAIN_WORDING[d];
      if (reply.text === w.question) return longAnswer(ACCOUNTS[d]);
      if (reply.text === w.strengths) return longAnswer('He is open and keen to learn, and asked for the crying leaflet.');
      if (reply.text === w.concerns) return longAnswer('He gets short-tempered when tired; he said so himself.');
    }
    const answer = base(reply as never);
    // A topic card: the account, strengths and concerns at the longest Seen takes.
    if (typeof answer === 'object' && answer && typeof (answer as { value?: { account?: unknown } }).value?.account === 'string') {
      const value = (answer as { value: Record<string, unknown> }).value;
      return { ...answer, value: { ...value, account: longAnswer(String(value['account'])), strengths: longAnswer('He is open and keen to learn, and asked for the crying leaflet.'),
        concerns: longAnswer('He gets short-tempered when tired; he said so himself.') } };
    }
    return answer;
  };
};

async function startSeen(refuse?: Parameters<typeof startCaptureChannel>[0]) {
  const dir = mkdtempSync(join(tmpdir(), 'seen-size-'));
  const channel = await startCaptureChannel(refuse);
  const config = loadConfig({ PORT: '0', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'silent' });
  const seen: Seen = await composeSeen(config, createLogger('silent'), { now: () => new Date('2026-11-26T10:00:00Z') });
  const base = (await seen.listen()).url;
  let n = 0;
  /** Posts one Teams personal-chat message from alex and returns what Seen sent in that turn. */
  const say = async (conversation: string, input: string | { value?: unknown }): Promise<Captured[]> => {
    const before = channel.captured.length;
    // A string is typed; an object is a card's Action.Submit (its `value`, no text), as Teams sends it.
    const said = typeof input === 'string' ? { text: input } : { text: '', value: input.value };
    const body = {
      type: 'message', id: `m-${++n}`, channelId: 'msteams', serviceUrl: channel.base, timestamp: '2026-11-26T10:00:00.000Z', locale: 'en-GB', ...said,
      from: { id: '29:alex', name: 'Alex', aadObjectId: ALEX_AAD }, recipient: { id: '28:seen-bot', name: 'Seen' },
      conversation: { id: conversation, conversationType: 'personal', tenantId: 'tenant-1' }, channelData: { tenant: { id: 'tenant-1' } },
    };
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(res.status, 200);
    return channel.captured.slice(before);
  };
  /** Drives a write-up of DEMO-1 to its end with the long practitioner; returns every activity Seen sent. */
  const writeUp = async (conversation: string, answerConfirm = true): Promise<Captured[]> => {
    const answer = longPractitioner();
    const all: Captured[] = [];
    let input: string | { value?: unknown } | undefined = 'write up DEMO-1';
    for (let turn = 0; input !== undefined && turn < 120; turn++) {
      const replies = await say(conversation, input);
      all.push(...replies);
      const last = replies.at(-1)?.body;
      if (!last || last.text === t('writeup.saved', { version: 1, man: 'Dan (fictional)', ref: 'DEMO-1' })) return all;
      if (!answerConfirm && last.text === t('writeup.askConfirm')) return all;
      const next = answer(last);
      input = typeof next === 'string' || (typeof next === 'object' && next !== null) ? (next as string | { value?: unknown }) : undefined;
    }
    return all;
  };
  return {
    seen, channel, say, writeUp,
    close: async () => { await seen.close(); await channel.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

const bytes = (c: Captured) => jsonBytes(c.body);
const isCard = (c: Captured) => (c.body.attachments?.length ?? 0) > 0;
const cardJson = (c: Captured) => JSON.stringify(c.body.attachments?.[0]?.content ?? '');

describe('Teams: every activity fits (issue 16.1)', function () {
  this.timeout(120_000);

  describe('a write-up of eight topics with 20,000 characters in each answer', () => {
    let s: Awaited<ReturnType<typeof startSeen>>;
    let sent: Captured[];
    before(async () => {
      s = await startSeen();
      sent = await s.writeUp('a:long');
    });
    after(() => s?.close());

    it('saves, with the full text in the record', async () => {
      assert.equal(sent.at(-1)?.body.text, t('writeup.saved', { version: 1, man: 'Dan (fictional)', ref: 'DEMO-1' }), sent.slice(-3).map((c) => c.body.text).join(' | '));
      const [saved] = await s.seen.records.latestSummaries('DEMO-1');
      for (const d of DOMAIN_IDS) assert.equal(saved!.domains[d].account.length, MAX_TEXT, d);
    });

    it('sent the review as several pages, each under 28 KB, cut with "… (full text in the record)"', () => {
      const pages = sent.filter((c) => isCard(c) && /"Confirm and save"|Page \d of \d/.test(cardJson(c)));
      assert.ok(pages.length >= 2, `${pages.length} review pages`);
      assert.match(cardJson(pages[0]!), new RegExp(t('writeup.reviewPage', { page: 1, pages: pages.length })));
      assert.ok(pages.every((p) => cardJson(p).includes(t('common.clipped'))));
      assert.ok(cardJson(pages.at(-1)!).includes(t('writeup.confirm')), 'the buttons are on the last page');
    });

    it('no activity Seen sent is over 28 KB, and none was replaced by the too-big notice', () => {
      const largest = Math.max(...sent.map(bytes));
      assert.ok(largest <= TEAMS_MAX, `largest activity ${largest} bytes`);
      assert.ok(!sent.some((c) => c.body.text?.startsWith(t('common.messageTooBig', { size: 0, max: 0 }).slice(0, 30))));
    });

    it('prepare for that case shows a plan under 28 KB with the latest entry cut and the fallback one line', async () => {
      const replies = await s.say('a:prepare', 'prepare DEMO-1');
      const plan = replies.find((c) => isCard(c) && /Before your visit: DEMO-1/.test(cardJson(c)));
      assert.ok(plan, replies.map((c) => c.body.text).join(' | '));
      assert.ok(bytes(plan) < TEAMS_MAX, `plan ${bytes(plan)} bytes`);
      assert.ok(cardJson(plan).includes(t('common.clipped')));
      const card = plan.body.attachments![0]!.content as { fallbackText: string };
      assert.ok(card.fallbackText.length < 200, card.fallbackText);
    });
  });

  // Every card but the write-up's question cards (contact, topics, substances…), which are a few KB and must reach the
  // practitioner for the write-up to go on: the review and the prepare plan are refused.
  const refusesBigCards = (body: Captured['body']) => {
    const json = JSON.stringify(body.attachments?.map((a) => a.content) ?? null);
    return (body.attachments?.length ?? 0) > 0 && (!json.includes('"action":"answer"') || json.includes('"choice":"confirm"'));
  };

  describe('a channel that answers 413 MessageSizeTooBig to the review and the plan', () => {
    let s: Awaited<ReturnType<typeof startSeen>>;
    before(async () => (s = await startSeen(refusesBigCards)));
    after(() => s?.close());

    it('gets a short notice instead of the review, keeps the write-up, and Confirm then saves it once', async () => {
      const sent = await s.writeUp('a:refused', false);
      assert.ok(s.channel.refused.length >= 1, 'the channel refused the review card');
      const notice = sent.find((c) => c.body.text?.startsWith('That message was too large'));
      assert.ok(notice, sent.slice(-4).map((c) => c.body.text).join(' | '));
      assert.equal(sent.at(-1)?.body.text, t('writeup.askConfirm'), 'still at the confirm question');
      const confirmed = await s.say('a:refused', t('writeup.confirm'));
      assert.equal(confirmed.at(-1)?.body.text, t('writeup.saved', { version: 1, man: 'Dan (fictional)', ref: 'DEMO-1' }));
      assert.equal((await s.seen.records.latestSummaries('DEMO-1')).length, 1);
      const again = await s.say('a:refused', t('writeup.confirm'));
      assert.ok(!again.some((c) => c.body.text === t('common.turnError')), 'Confirm does not loop on an error');
    });

    it('prepare answers with the notice, not "something went wrong", and the safety question follows', async () => {
      const replies = await s.say('a:refused-prepare', 'prepare DEMO-1');
      assert.ok(replies.some((c) => c.body.text?.startsWith('That message was too large')), replies.map((c) => c.body.text).join(' | '));
      assert.ok(!replies.some((c) => c.body.text === t('common.turnError')));
      assert.equal(replies.at(-1)?.body.text, t('prepare.askSafety'));
    });
  });
});
