// Two instances take a turn of the same conversation at the same moment (PostgreSQL): the later one is refused whole
// (its replies and its state roll back), never interleaved with or written over the other's.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import { SqlStorage } from '../../adapters/sql/bot-storage';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { createLogger } from '../../bot/logger';
import { t } from '../../prompts';
import { onPostgres, openTestDb, testDbEnv } from '../helpers/database';
import { startConversation, textOf } from '../helpers/directline-client';
import { TEST_NOW } from '../helpers/records';
import type { Stored } from '../helpers/two-instances';

/** A meeting point: once armed, each arrival waits until `parties` have arrived. */
class Meeting {
  armed = false;
  private arrived = 0;
  private release: () => void = () => undefined;
  private readonly met = new Promise<void>((resolve) => (this.release = resolve));
  constructor(private readonly parties: number) {}
  async arrive(): Promise<void> {
    if (!this.armed) return;
    if (++this.arrived === this.parties) this.release();
    await this.met;
  }
}

/** State storage whose reads meet: both instances' turns then start from the same stored state. */
class MeetingStorage implements Storage {
  constructor(private readonly inner: Storage, private readonly meeting: Meeting) {}
  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    await this.meeting.arrive();
    return items;
  }
  write(changes: StoreItems): Promise<void> {
    return this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

describe('end to end: two instances answer one conversation at the same moment (PostgreSQL)', function () {
  this.timeout(60_000);
  let dir: string;
  const seens: Seen[] = [];

  before(function () {
    if (!onPostgres) this.skip(); // SQLite is one process per file: two instances need the shared database
    dir = mkdtempSync(join(tmpdir(), 'seen-race-'));
  });
  after(async () => {
    for (const s of seens.splice(0)) await s.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers one of two simultaneous replies to the same question and refuses the other whole', async () => {
    const file = join(dir, 'seen.db');
    const config = loadConfig({ PORT: '0', ...testDbEnv(file), SEEN_LOG_LEVEL: 'silent' });
    const meeting = new Meeting(2);
    const bases: string[] = [];
    for (let i = 0; i < 2; i++) {
      const storage = new MeetingStorage(new SqlStorage(await openTestDb(file), () => TEST_NOW), meeting);
      const seen = await composeSeen(config, createLogger('silent'), { now: () => TEST_NOW, storage });
      seens.push(seen);
      bases.push((await seen.listen()).url);
    }
    const [a, b] = bases as [string, string];
    const { conversationId, token } = await startConversation(a, { id: 'alex', name: 'Alex Morgan' });
    const post = (base: string, text: string) => fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ type: 'message', from: { id: 'alex' }, text }),
    });
    const transcript = async (): Promise<Stored[]> => {
      const res = await fetch(`${b}/v3/directline/conversations/${conversationId}/activities`, { headers: { authorization: `Bearer ${token}` } });
      return ((await res.json()) as { activities: Stored[] }).activities;
    };
    assert.equal((await post(a, 'write up DEMO-1')).status, 200);
    assert.equal(textOf((await transcript()).at(-1)!), t('writeup.askMan', { baby: 'Baby Ava (fictional)' }));
    const before = (await transcript()).length;

    meeting.armed = true;
    const [toA, toB] = await Promise.all([post(a, 'Dan (fictional)'), post(b, t('writeup.addMan'))]);
    meeting.armed = false;

    const statuses = [toA.status, toB.status];
    assert.deepEqual([...statuses].sort(), [200, 502], `one answered, one refused: ${statuses.join(', ')}`);
    const winner = toA.status === 200 ? 'dan' : 'someone else';
    const after = (await transcript()).slice(before);
    const said = after.filter((x) => x.from.role !== 'user').map(textOf);
    assert.equal(after.filter((x) => x.from.role === 'user').length, 2, 'both messages are in the transcript, as sent');
    // Only the winner's next question was stored; the refused turn left no reply.
    assert.equal(said.includes(t('guided.contactTitle')), winner === 'dan', `said: ${JSON.stringify(said)}`);
    assert.equal(said.includes(t('writeup.askManName')), winner === 'someone else', `said: ${JSON.stringify(said)}`);

    // The conversation carries on from the winner's question, on either instance.
    // Dan's contact is asked on a card, which says so to typed words.
    const next = winner === 'dan' ? ['yesterday', t('guided.answerCard')] : ['Lee', t('writeup.askManRole')];
    assert.equal((await post(toA.status === 200 ? b : a, next[0]!)).status, 200);
    assert.equal(textOf((await transcript()).filter((x) => x.from.role !== 'user').at(-1)!), next[1]);
  });
});
