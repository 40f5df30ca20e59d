// Crash safety: Seen is killed (-9) at random, seeded moments while several write-ups are in flight, 50 write-ups in all.
// After every restart the practitioners carry on; at the end every confirmed summary is present once and says exactly
// what was sent, every abandoned one is absent, and SQLite's integrity check passes.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botframework-directlinejs';
import { integrityProblems, openTestDb } from '../helpers/database';
import { SqlCaseRecords } from '../../adapters/sql/case-records';
import { t } from '../../prompts';
import { DOMAIN_IDS } from '../../records/practice-model';
import type { Summary } from '../../records/model';
import { ACCOUNTS, scriptedPractitioner, type Answerer } from '../../bench/practitioner';
import { startConversation, textOf } from '../helpers/directline-client';
import { freePort, startSeenProcess, type SeenProcess } from '../helpers/seen-process';

const TRIALS = 50;
const CONCURRENT = 8;
const SEED = 0x5eed6;
/** A kill comes this long (ms) after the process answers, uniformly at random. */
const KILL_AFTER = { min: 300, max: 2200 };
/** Share of write-ups the practitioner gives up on after a crash (before confirming): these must leave nothing behind. */
const ABANDON = 0.2;
const PRESENT = 'Him, the baby\'s mother and the baby';

/** mulberry32: a small seeded generator, so every run kills at the same (relative) moments. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Who writes up what: alex on DEMO-1 (Dan) and DEMO-3 (Marcus), jo on DEMO-4 (Tom). */
const WHO = [
  { user: { id: 'alex', name: 'Alex Morgan' }, caseRef: 'DEMO-1', man: 'Dan (fictional)', manId: 'demo-1-dan' },
  { user: { id: 'alex', name: 'Alex Morgan' }, caseRef: 'DEMO-3', man: 'Marcus (fictional)', manId: 'demo-3-marcus' },
  { user: { id: 'jo', name: 'Jo Reid' }, caseRef: 'DEMO-4', man: 'Tom (fictional)', manId: 'demo-4-tom' },
] as const;

interface Trial {
  n: number; tag: string; who: (typeof WHO)[number]; answer: Answerer; abandon: boolean;
  conversationId?: string; token?: string; watermark?: string;
  transcript: Activity[]; lastSent?: string | Partial<Activity>; sentConfirm: boolean;
  state: 'waiting' | 'running' | 'confirmed' | 'abandoned'; interruptions: number; resent: number;
}

/** One process life: its base URL and whether the kill has come. */
interface Life { base: string; killed: boolean; inFlight: number }

const api = async (life: Life, trial: Trial, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> => {
  const res = await fetch(`${life.base}/v3/directline/conversations/${trial.conversationId}${path}`, {
    method, headers: { 'content-type': 'application/json', authorization: `Bearer ${trial.token}` }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
};

/** Drives one write-up in this life until it is confirmed, or the process dies under it. */
async function drive(trial: Trial, life: Life): Promise<void> {
  const saved = t('writeup.saved', { version: 1, man: trial.who.man, ref: trial.who.caseRef });
  if (!trial.conversationId) Object.assign(trial, await startConversation(life.base, trial.who.user));
  for (let turn = 0; turn < 200; turn++) {
    const page = (await api(life, trial, 'GET', `/activities?watermark=${trial.watermark ?? ''}`)) as { activities: Activity[]; watermark: string };
    trial.transcript.push(...page.activities.filter((a) => a.type === 'message'));
    trial.watermark = page.watermark ?? trial.watermark;
    if (trial.transcript.some((a) => textOf(a) === saved)) {
      trial.state = 'confirmed';
      return;
    }
    const last = trial.transcript.at(-1);
    let next: string | Partial<Activity> | undefined;
    if (!trial.transcript.some((a) => a.from?.id === trial.who.user.id)) next = `write up ${trial.who.caseRef}`;
    else if (last?.from?.id === trial.who.user.id) {
      // The crash came before the bot answered: as a practitioner would, say it again.
      next = trial.lastSent;
      trial.resent += 1;
    } else {
      next = trial.answer(last as never) as string | Partial<Activity> | undefined;
      if (next === undefined && trial.interruptions > 0) {
        // The crash cut a turn short after a statement and before its question: say the last answer again.
        next = trial.lastSent;
        trial.resent += 1;
      }
    }
    if (next === undefined) throw new Error(`trial ${trial.n}: cannot answer ${JSON.stringify(textOf(last!))}`);
    if (life.killed) return;
    trial.lastSent = next;
    if (next === t('writeup.confirm')) trial.sentConfirm = true;
    life.inFlight += 1;
    try {
      await api(life, trial, 'POST', '/activities', typeof next === 'string' ? { type: 'message', text: next } : { type: 'message', ...next });
    } finally {
      life.inFlight -= 1;
    }
  }
  throw new Error(`trial ${trial.n}: not finished after 200 turns`);
}

describe('safety: kill -9 at random points during 50 write-ups', function () {
  this.timeout(400_000);
  let dir: string;
  let proc: SeenProcess | undefined;

  before(() => { dir = mkdtempSync(join(tmpdir(), 'seen-crash-')); });
  after(async () => {
    await proc?.kill9();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every confirmed summary is present once and intact, every abandoned one absent, integrity ok', async () => {
    const random = rng(SEED);
    const db = join(dir, 'seen.db');
    const trials: Trial[] = Array.from({ length: TRIALS }, (_, i) => {
      const tag = `T${String(i + 1).padStart(2, '0')}`;
      const who = WHO[i % WHO.length]!;
      const answer = scriptedPractitioner({ 'writeup.askMan': who.man, 'writeup.askLocation': `Home visit ${tag}`, 'writeup.askPresent': PRESENT, 'writeup.askActions': `Evening visit ${tag}\nCrying leaflet ${tag}` });
      return { n: i + 1, tag, who, answer, abandon: random() < ABANDON, transcript: [], sentConfirm: false, state: 'waiting', interruptions: 0, resent: 0 };
    });
    const figures = { lives: 0, kills: 0, killsMidTurn: 0, killsDuringConfirm: 0 };
    const started = Date.now();

    while (trials.some((x) => x.state === 'waiting' || x.state === 'running')) {
      proc = await startSeenProcess({ port: await freePort(), db, env: { SEEN_RATE_MESSAGES_PER_MINUTE: '1000000', SEEN_RATE_REQUESTS_PER_MINUTE: '1000000' } });
      figures.lives += 1;
      const life: Life = { base: proc.base, killed: false, inFlight: 0 };
      const running = new Map<Trial, Promise<void>>();
      const errors: Error[] = [];
      const launch = () => {
        for (const trial of trials) {
          if (running.size >= CONCURRENT || life.killed) return;
          if ((trial.state !== 'waiting' && trial.state !== 'running') || running.has(trial)) continue;
          trial.state = 'running';
          running.set(trial, drive(trial, life).then(
            () => { running.delete(trial); launch(); },
            (err: Error) => { running.delete(trial); if (life.killed) trial.interruptions += 1; else errors.push(err); },
          ));
        }
      };
      launch();
      const killAt = KILL_AFTER.min + random() * (KILL_AFTER.max - KILL_AFTER.min);
      const deadline = Date.now() + killAt;
      while (Date.now() < deadline && running.size > 0 && errors.length === 0) await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(errors.map((e) => e.message), [], 'no write-up failed except through the kill');
      const wasBusy = running.size > 0;
      life.killed = true;
      if (wasBusy) {
        figures.kills += 1;
        if (life.inFlight > 0) figures.killsMidTurn += 1;
        if ([...running.keys()].some((x) => x.sentConfirm && x.state === 'running')) figures.killsDuringConfirm += 1;
      }
      await proc.kill9();
      await Promise.all(running.values());
      // After a crash, some practitioners give up (only before they confirmed): that write-up must leave nothing behind.
      for (const trial of trials) if (trial.state === 'running' && trial.interruptions > 0 && trial.abandon && !trial.sentConfirm) trial.state = 'abandoned';
    }

    const store = await openTestDb(db);
    try {
      assert.deepEqual(await integrityProblems(store), []);
      const records = new SqlCaseRecords(store, () => new Date());
      const all: Summary[] = [];
      for (const ref of new Set(WHO.map((w) => w.caseRef))) all.push(...(await records.latestSummaries(ref)));
      const byTag = (tag: string) => all.filter((s) => s.contact.location === `Home visit ${tag}`);
      // Every problem is collected first, so the figures are printed even when the test fails.
      const problems: string[] = [];
      let checked = 0;
      for (const trial of trials) {
        const found = byTag(trial.tag);
        if (trial.state === 'abandoned') {
          if (found.length) problems.push(`${trial.tag}: abandoned, yet ${found.length} summary saved`);
          continue;
        }
        if (trial.state !== 'confirmed' || found.length !== 1) {
          problems.push(`${trial.tag}: ${trial.state}, ${found.length} summaries (resent ${trial.resent}, interrupted ${trial.interruptions})`);
          continue;
        }
        checked += 1;
        const s = found[0]!;
        const wrong: string[] = [];
        if (JSON.stringify([s.author, s.caseRef, s.manId, s.version, s.contact.present, s.contact.seenStatus]) !== JSON.stringify([trial.who.user.id, trial.who.caseRef, trial.who.manId, 1, PRESENT, 'seen'])) wrong.push('contact/identity');
        if (JSON.stringify(s.actions) !== JSON.stringify([`Evening visit ${trial.tag}`, `Crying leaflet ${trial.tag}`])) wrong.push('actions');
        for (const d of DOMAIN_IDS) if (s.domains[d].account !== ACCOUNTS[d]) wrong.push(`${d}.account=${JSON.stringify(s.domains[d].account.slice(0, 40))}`);
        const audit = await store.all<{ outcome: string }>("SELECT outcome FROM audit_log WHERE operation = 'summary.save' AND summary_id = ?", [s.summaryId]);
        if (!audit.some((a) => a.outcome === 'ok')) wrong.push('no audit entry');
        if (wrong.length) problems.push(`${trial.tag} (interrupted ${trial.interruptions}, resent ${trial.resent}): ${wrong.join('; ')}`);
      }
      const tagged = all.filter((s) => /^Home visit T\d\d$/.test(s.contact.location));
      if (tagged.length !== checked) problems.push(`${tagged.length - checked} summaries that no practitioner confirmed`);
      const abandoned = trials.filter((x) => x.state === 'abandoned').length;
      const interrupted = trials.filter((x) => x.interruptions > 0).length;
      process.stdout.write(`      crash: ${TRIALS} write-ups, ${figures.lives} process lives, ${figures.kills} kill -9 (${figures.killsMidTurn} mid-turn, ${figures.killsDuringConfirm} with a confirm in flight), ` +
        `${interrupted} write-ups interrupted, ${trials.reduce((n, x) => n + x.resent, 0)} answers re-sent, ${checked} confirmed summaries checked, ${abandoned} abandoned, ` +
        `${problems.length} problems, integrity ok, ${Math.round((Date.now() - started) / 1000)} s\n`);
      assert.deepEqual(problems, [], 'every confirmed summary present once and intact, every abandoned one absent');
      assert.ok(figures.kills >= 5 && interrupted >= 10, 'the kills really interrupted write-ups');
    } finally {
      await store.close();
    }
  });
});
