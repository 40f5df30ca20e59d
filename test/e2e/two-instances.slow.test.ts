// End to end across two Seen processes sharing one PostgreSQL schema (issue 8): one write-up whose turns alternate
// between instance A and instance B, a WebSocket on A woken by turns run on B, then A or B killed (-9) mid write-up and
// the same conversation finished on the other. The export must hold exactly what was said, once.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activityId } from '../../adapters/sql/directline-store';
import { DOMAIN_WORDING, t } from '../../prompts';
import { DEMO_CASES, DEMO_MEN, DEMO_USERS, demoSummaries } from '../../records/demo-data';
import { DOMAIN_IDS, type DomainId } from '../../records/practice-model';
import { onPostgres, openTestDb, TEST_DATABASE_URL } from '../helpers/database';
import { startConversation, textOf } from '../helpers/directline-client';
import { ACCOUNTS, scriptedPractitioner } from '../../bench/practitioner';
import { domainsAnswered, exportCase, freePort, startSeenProcess, type Exported, type SeenProcess } from '../helpers/seen-process';
import { HttpConversation, WsConversation, pollUntil, startRacingTheSeed, type Stored } from '../helpers/two-instances';

const ALEX = { id: 'alex', name: 'Alex Morgan' };
const ACTIONS = ['Offer an evening visit next time (two instances)', 'Share the ICON crying leaflet with Dan (two instances)'];
/** Kill an instance once the bot has asked this many domain questions: the middle of the eight. */
const KILL_AT = 5;

/** The domain whose main question this text is, if any. */
const domainAsked = (text: string): DomainId | undefined => DOMAIN_IDS.find((d) => text === DOMAIN_WORDING[d].question);
/** The domain a reply asks about: its text, or a topic card that carries the domain's question. */
const domainOf = (reply: Stored): DomainId | undefined =>
  domainAsked(textOf(reply)) ?? DOMAIN_IDS.find((d) => JSON.stringify((reply as { attachments?: unknown }).attachments ?? []).includes(JSON.stringify(DOMAIN_WORDING[d].question)));

describe('end to end: two Seen instances share one conversation on PostgreSQL', function () {
  this.timeout(120_000);
  let dir: string;
  let db: string;
  let instanceA: SeenProcess | undefined;
  let instanceB: SeenProcess | undefined;
  const procs: SeenProcess[] = [];
  let ws: WsConversation | undefined;

  before(function () {
    // SQLite is one process per file: several instances sharing one database is a PostgreSQL-only deployment.
    if (!onPostgres) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'seen-two-'));
    db = join(dir, 'seen.db');
  });

  after(async () => {
    ws?.end();
    for (const p of procs.splice(0)) await p.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // A process started for this test (its PostgreSQL sessions named `tag`), stopped by the after hook.
  const start = async (tag = 'seen'): Promise<SeenProcess> => {
    const url = new URL(TEST_DATABASE_URL!);
    url.searchParams.set('application_name', tag);
    const p = await startSeenProcess({ port: await freePort(), db, env: { SEEN_DATABASE_URL: url.toString() }, timeoutMs: 30_000 });
    procs.push(p);
    return p;
  };

  it('both instances race to seed the demo data at start: both start, and the demo data is there once', async () => {
    // The schema is migrated first (concurrent migrations are test/adapters/concurrency.test.ts's); demo data is on (the
    // default). Inserts into cases are held until both instances are waiting, so both seeds find no cases.
    const store = await openTestDb(db);
    const run = randomBytes(3).toString('hex');
    const started = await startRacingTheSeed(store, [`seen-two-a-${run}`, `seen-two-b-${run}`], start);
    [instanceA, instanceB] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined));
    const failed = started.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []));
    const count = async (table: string) => (await store.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n;
    const counts = { users: await count('users'), cases: await count('cases'), men: await count('men'), summaries: await count('summaries') };
    assert.deepEqual({ failed, counts }, {
      failed: [],
      counts: { users: DEMO_USERS.length, cases: DEMO_CASES.length, men: DEMO_MEN.length, summaries: demoSummaries().length },
    }, 'both started, and the demo data is there once, not once per instance');
  });

  it('alternates one write-up between A and B, wakes A\'s WebSocket from B, survives kill -9 of one, and saves it once', async () => {
    // An instance the previous test could not start is started now, on the seeded schema.
    const a = (instanceA ??= await start());
    const b = (instanceB ??= await start());
    const name = (base: string) => (base === a.base ? 'A' : 'B');

    // Token and conversation on A; the greeting (a turn A ran) is read from B.
    const { conversationId, token } = await startConversation(a.base, ALEX);
    const conv = new HttpConversation(ALEX, conversationId, token);
    const greeting = t('common.greeting', { name: 'Alex' });
    const greeted = await pollUntil('the greeting, read from B', async () => {
      await conv.read(b.base);
      return conv.botMessages().find((m) => textOf(m) === greeting);
    }, () => conv.tail());
    // A WebSocket held on A, caught up (the greeting pushed) before any turn runs on B.
    const socket = new WsConversation(a.base, { token, conversationId });
    ws = socket;
    await socket.waitForIds([greeted.id]);

    const answer = scriptedPractitioner({ 'writeup.askActions': ACTIONS.join('\n') });
    const saved = t('writeup.saved', { version: 1, man: 'Dan (fictional)', ref: 'DEMO-1' });
    const asked: Array<{ text: string; afterKill: boolean }> = [];
    const domains = new Set<DomainId>();
    let pushedFromB = 0;
    let killed: SeenProcess | undefined;
    let survivor: SeenProcess | undefined;
    let turnsBeforeKill = 0;
    let text: string | { value: unknown } = 'write up DEMO-1';
    for (let i = 0; ; i++) {
      assert.ok(i < 120, `not saved after 120 turns; last ${conv.tail()}`);
      // Sends alternate A, B, A, B…; reads go B, A, A, B, B, A… so every pairing (including both crossings) occurs.
      const sentTo = survivor?.base ?? (i % 2 === 0 ? a.base : b.base);
      const readFrom = survivor?.base ?? (((i + 1) >> 1) % 2 === 0 ? b.base : a.base);
      const turn = await conv.turn(sentTo, readFrom, text);
      if (!survivor && sentTo === b.base) {
        // A's socket is pushed only when A hears of an append; A ran no turn since the last check (a GET wakes no socket),
        // so only B's notice (PostgreSQL NOTIFY) can have brought these, and before A's next turn.
        await socket.waitForIds(turn.replies.map((r) => r.id));
        pushedFromB += 1;
      }
      const said = turn.replies.filter((r) => r.type === 'message').map(textOf);
      if (said.includes(saved)) break;
      for (const r of turn.replies) if (r.type === 'message' && domainOf(r as Stored)) domains.add(domainOf(r as Stored)!);
      const last = turn.replies.filter((r) => r.type === 'message').at(-1) as Stored;
      const next = answer(last as never) as string | { value?: unknown } | undefined;
      if (next === undefined) throw new Error(`the scripted practitioner cannot answer ${JSON.stringify(textOf(last))}; turn said ${JSON.stringify(said)}`);
      text = typeof next === 'string' ? next : { value: next.value };
      if (!survivor && domains.size === KILL_AT) {
        // Kill the instance that just ran the turn (its state is only in the database now); the other carries on.
        socket.end();
        ws = undefined;
        killed = sentTo === a.base ? a : b;
        survivor = killed === a ? b : a;
        turnsBeforeKill = conv.turns.length;
        await killed.kill9();
      }
      // Counted on the side of the kill where the answer goes.
      // A topic asked on its card counts as its question asked.
      const topic = domainOf(last);
      asked.push({ text: topic ? DOMAIN_WORDING[topic].question : textOf(last), afterKill: survivor !== undefined });
    }

    assert.ok(killed && survivor, 'an instance was killed mid write-up');
    assert.equal(killed.child.signalCode, 'SIGKILL');
    const pairs = new Set(conv.turns.slice(0, turnsBeforeKill).map((x) => `${name(x.sentTo)}->${name(x.readFrom)}`));
    assert.ok(pairs.has('B->A') && pairs.has('A->B'), `replies of turns run on B were read from A and vice versa: ${[...pairs].join(', ')}`);
    assert.ok(pushedFromB >= 2, `A's WebSocket was pushed the replies of ${pushedFromB} turns run on B`);
    const afterKill = asked.filter((q) => q.afterKill);
    assert.ok(afterKill.length >= 3, `the write-up went on after the kill (${afterKill.length} answers)`);

    // Every activity, whichever instance wrote or served it, read exactly once and in order; each message sent once.
    assert.deepEqual(conv.transcript.map((x) => x.id), conv.transcript.map((_, n) => activityId(conversationId, n)), 'one gap-free history');
    const userTexts = conv.transcript.filter((x) => x.from?.id === ALEX.id).map(textOf);
    assert.deepEqual(userTexts, conv.turns.map((x) => x.sent), 'each message stored once');

    const answeredBefore = domainsAnswered(asked.filter((q) => !q.afterKill).map((q) => q.text));
    const answeredAfter = domainsAnswered(afterKill.map((q) => q.text));
    assert.equal(answeredBefore.length, KILL_AT - 1, `answered before the kill: ${answeredBefore.join(', ')}`);
    assert.deepEqual(answeredBefore.filter((d) => answeredAfter.includes(d)), [], 'no domain asked again after the kill');
    assert.deepEqual(domainsAnswered(asked.map((q) => q.text)), [...DOMAIN_IDS], 'every domain was asked and answered');

    const exported = JSON.parse(await exportCase('DEMO-1', 'json', db)) as Exported;
    assert.equal(exported.summaries.length, 1, 'one summary, saved once');
    const s = exported.summaries[0]!;
    assert.deepEqual([s.manId, s.author, s.version, s.contact.seenStatus], ['demo-1-dan', 'alex', 1, 'seen']);
    assert.deepEqual(s.actions, ACTIONS, 'the actions are exactly the lines sent');
    for (const d of DOMAIN_IDS) assert.equal(s.domains[d].account, ACCOUNTS[d], `account for ${d}`);
  });
});
