// Teams-shaped activities through /api/messages, replies captured by a local stand-in for the Teams channel (no internet).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { t } from '../../prompts';
import { DEMO_USERS } from '../../records/demo-data';
import { SqlUserAdmin } from '../../adapters/sql/users';
import { PLAYGROUND_USER } from '../../adapters/teams/playground';
import { eventually, startCaptureChannel, type Captured } from '../helpers/capture-channel';
import { testDbEnv } from '../helpers/database';

const ALEX_AAD = DEMO_USERS.find((u) => u.id === 'alex')!.aadObjectId!;
const cardText = (c: Captured) => JSON.stringify(c.body.attachments?.[0]?.content ?? '');

describe('Teams: activities through /api/messages (anonymous mode, local capture channel)', function () {
  this.timeout(30_000);
  let dir: string;
  let seen: Seen;
  let base: string;
  let channel: Awaited<ReturnType<typeof startCaptureChannel>>;
  let n = 0;

  /** A Teams personal-chat activity from an Entra user. */
  const teams = (conversation: string, extra: Record<string, unknown>, aad: string | null = ALEX_AAD) => ({
    type: 'message', id: `teams-${++n}`, channelId: 'msteams', serviceUrl: channel.base,
    timestamp: '2026-11-26T10:00:00.000Z', locale: 'en-GB',
    from: { id: `29:user-${aad ?? 'none'}`, name: 'Someone', ...(aad ? { aadObjectId: aad } : {}) },
    recipient: { id: '28:seen-bot', name: 'Seen' },
    conversation: { id: conversation, conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    ...extra,
  });
  const post = (body: unknown) => fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const inConversation = (id: string) => channel.captured.filter((c) => c.conversationId === id);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-teams-'));
    channel = await startCaptureChannel();
    const config = loadConfig({ PORT: '0', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'silent' });
    seen = await composeSeen(config, createLogger('silent'), { now: () => new Date('2026-11-26T10:00:00Z') });
    base = (await seen.listen()).url;
    // kim is disabled (refused like a stranger); jo is mapped to the Agents Playground's fixed user, as the README shows.
    const admin = new SqlUserAdmin(seen.db, () => new Date('2026-11-26T10:00:00Z'));
    await admin.update('kim', { disabled: true }, { actor: 'test', path: 'cli' }, 'user.disable', 'disabled');
    await admin.update('jo', { aadObjectId: PLAYGROUND_USER.aadObjectId }, { actor: 'test', path: 'cli' }, 'user.update', 'aad');
  });
  after(async () => {
    await seen?.close();
    await channel?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('strips the @mention, maps aadObjectId to alex, and answers prepare DEMO-3 with the plan card then the safety question', async () => {
    const text = '<at>Seen</at> prepare DEMO-3';
    const res = await post(teams('a:conv-1', { text, entities: [{ type: 'mention', text: '<at>Seen</at>', mentioned: { id: '28:seen-bot', name: 'Seen' } }] }));
    assert.equal(res.status, 200);
    await eventually('the safety question', () => inConversation('a:conv-1').some((c) => c.body.text === t('prepare.askSafety')));
    const [plan, safety] = inConversation('a:conv-1');
    assert.equal(plan.body.attachments?.[0].contentType, 'application/vnd.microsoft.card.adaptive');
    assert.match(cardText(plan), /Before your visit: DEMO-3/);
    assert.match(cardText(plan), /"version":"1.5"/);
    // fallbackText is a one-line summary, not a second copy of the plan; Teams card text has no backslashes before brackets.
    assert.equal((plan.body.attachments?.[0].content as { fallbackText: string }).fallbackText, t('prepare.fallbackSummary', { title: 'Before your visit: DEMO-3, Baby Isla (fictional)' }));
    assert.match(cardText(plan), /About Marcus \(fictional\)"/);
    assert.equal(safety.body.text, t('prepare.askSafety'));
    await post(teams('a:conv-1', { text: 'Yes' }));
    await eventually('the write-up offer', () => inConversation('a:conv-1').some((c) => c.body.text === t('prepare.offerWriteUp', { ref: 'DEMO-3' })));
    assert.ok(inConversation('a:conv-1').some((c) => c.body.text === t('prepare.jointVisit')));
  });

  it('runs an Action.Submit value (a case picked on the card) as the command it stands for', async () => {
    await post(teams('a:conv-2', { text: 'prepare' }));
    await eventually('the case card', () => inConversation('a:conv-2').length === 1);
    assert.match(cardText(inConversation('a:conv-2')[0]), /"data":\{"action":"prepare","caseRef":"DEMO-1"\}/);
    const res = await post(teams('a:conv-2', { value: { action: 'prepare', caseRef: 'DEMO-1' } }));
    assert.equal(res.status, 200);
    await eventually('the DEMO-1 plan', () => inConversation('a:conv-2').some((c) => /Before your visit: DEMO-1/.test(cardText(c))));
  });

  it('answers an Action.Execute invoke with a 200 message response and sends the plan into the chat', async () => {
    const res = await post(teams('a:conv-3', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'prepare', data: { caseRef: 'DEMO-2' } }, trigger: 'manual' } }));
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: t('teams.actionReceived') });
    await eventually('the DEMO-2 plan', () => inConversation('a:conv-3').some((c) => /Before your visit: DEMO-2/.test(cardText(c))));
    assert.ok(inConversation('a:conv-3').every((c) => c.body.type === 'message'), 'the invoke answer goes in the HTTP response, not to the channel');
  });

  const badInvokes: Array<[string, unknown]> = [
    ['an Action.Submit sent as an invoke', { action: { type: 'Action.Submit', data: {} } }],
    ['no action at all', { trigger: 'manual' }],
    ['a verb Seen does not know', { action: { type: 'Action.Execute', verb: 'delete', data: { caseRef: 'DEMO-1' } } }],
    ['a bad case reference', { action: { type: 'Action.Execute', verb: 'prepare', data: { caseRef: 'DEMO 1; drop' } } }],
  ];
  for (const [what, value] of badInvokes) {
    it(`answers a bad Action.Execute invoke with a statusCode 400 error body (HTTP 200): ${what}`, async () => {
      const id = `a:bad-${what.length}`;
      const res = await post(teams(id, { type: 'invoke', name: 'adaptiveCard/action', value }));
      assert.equal(res.status, 200);
      const body = (await res.json()) as { statusCode: number; type: string };
      assert.equal(body.statusCode, 400);
      assert.equal(body.type, 'application/vnd.microsoft.error');
      assert.equal(inConversation(id).length, 0);
    });
  }

  const strangers: Array<[string, string | null]> = [
    ['an Entra user who is not a Seen user', '11111111-0000-4000-8000-000000000bad'], ['a Teams user with no aadObjectId', null],
    ['a disabled Seen user', DEMO_USERS.find((u) => u.id === 'kim')!.aadObjectId], ['the unmapped id a mapped user had before', DEMO_USERS.find((u) => u.id === 'jo')!.aadObjectId],
  ];
  for (const [what, aad] of strangers) {
    it(`tells ${what} who to ask, and nothing else`, async () => {
      const id = `a:stranger-${aad ?? 'none'}`;
      await post(teams(id, { text: 'prepare DEMO-3' }, aad));
      await eventually('the unknown-user reply', () => inConversation(id).length > 0);
      await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(inConversation(id).map((c) => c.body.text), [t('common.unknownUser')]);
    });
  }

  it('knows the Agents Playground\'s fixed user once it is mapped to a Seen user (jo)', async () => {
    await post(teams('a:playground', { text: 'prepare' }, PLAYGROUND_USER.aadObjectId));
    await eventually('a reply', () => inConversation('a:playground').length > 0);
    assert.notDeepEqual(inConversation('a:playground').map((c) => c.body.text), [t('common.unknownUser')]);
  });

  it('tells an unknown user pressing an Action.Execute button, in the invoke answer, and sends nothing', async () => {
    const res = await post(teams('a:stranger-invoke', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'prepare', data: { caseRef: 'DEMO-1' } } } }, '11111111-0000-4000-8000-000000000bad'));
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: t('common.unknownUser') });
    assert.equal(inConversation('a:stranger-invoke').length, 0);
  });

  it('write up from Teams starts the write-up (after the mention is stripped)', async () => {
    await post(teams('a:conv-4', { text: '<at>Seen</at>  write up DEMO-1 ', entities: [{ type: 'mention', text: '<at>Seen</at>', mentioned: { id: '28:seen-bot', name: 'Seen' } }] }));
    await eventually('the which-man question', () => inConversation('a:conv-4').some((c) => c.body.text === t('writeup.askMan', { baby: 'Baby Ava (fictional)' })));
  });
});
