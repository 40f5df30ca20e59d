// Data at rest and integrity (issue 13, items 6-8): file modes, typed text stored the same on both backends, summaries rows fixed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import pino from 'pino';
import { SqliteDb } from '../../adapters/sqlite/db';
import type { Db } from '../../adapters/sql/database';
import type { SqlCaseRecords } from '../../adapters/sql/case-records';
import { normaliseInput, normaliseText, codePointSlice } from '../../bot/input-text';
import { SeenBot } from '../../bot/seen-bot';
import { turnErrorHandler } from '../../bot/turn-error';
import { WriteUpDialog } from '../../dialogs/writeup/writeup-dialog';
import { t } from '../../prompts';
import { onPostgres } from '../helpers/database';
import { scriptedPractitioner } from '../../bench/practitioner';
import { demoDraft, demoRecords, fixedClock } from '../helpers/records';
import { playTurns } from '../helpers/turns';

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('safety: data at rest', function () {
  describe('item 6: file permissions', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'seen-modes-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('the SQLite file and its -wal and -shm are 0600, a data directory Seen creates is 0700', async function () {
      const file = join(dir, 'data', 'nested', 'seen.db');
      const db = await SqliteDb.open(file);
      try {
        await db.run('INSERT INTO settings (key, value) VALUES (?, ?)', ['probe', 'x']);
        for (const f of [file, `${file}-wal`, `${file}-shm`]) assert.equal(mode(f).toString(8), '600', f);
        assert.equal(mode(join(dir, 'data')).toString(8), '700');
        assert.equal(mode(join(dir, 'data', 'nested')).toString(8), '700');
      } finally {
        await db.close();
      }
    });

    it('an existing database left at 0644 is tightened to 0600 when Seen opens it', async () => {
      const file = join(dir, 'seen.db');
      await (await SqliteDb.open(file)).close();
      require('node:fs').chmodSync(file, 0o644);
      const db = await SqliteDb.open(file);
      try {
        assert.equal(mode(file).toString(8), '600');
      } finally {
        await db.close();
      }
    });
  });

  describe('item 7: typed text normalised once, at the boundary', () => {
    // [what, typed, stored]
    const rows: Array<[string, string, string]> = [
      ['a lone high surrogate becomes U+FFFD', 'a\ud800b', 'a\ufffdb'],
      ['a lone low surrogate becomes U+FFFD', '\udc00x', '\ufffdx'],
      ['a surrogate pair is kept', 'dad 👍', 'dad 👍'],
      ['decomposed accents are composed (NFC)', 'Jose\u0301', 'José'],
      ['U+0000 is removed', 'Da\u0000n', 'Dan'],
      ['direction marks stay as typed', '\u202eok', '\u202eok'],
    ];
    for (const [what, typed, stored] of rows) it(what, () => assert.equal(normaliseText(typed), stored));

    it('limits count code points: a cut never splits an emoji', () => {
      const name = `${'a'.repeat(199)}👶🏽`;
      assert.equal(codePointSlice(name, 200), `${'a'.repeat(199)}👶`);
      assert.equal(codePointSlice('ab', 200), 'ab');
    });

    it('SeenBot cleans the activity before any dialog reads it (text and card values)', async () => {
      const { db, records } = await demoRecords();
      try {
        const bot = new SeenBot({ conversationState: new ConversationState(new MemoryStorage()), records, logger: pino({ level: 'silent' }), today: fixedClock });
        const adapter = new TestAdapter(async () => undefined);
        const activity = { type: ActivityTypes.Message, text: 'Jose\u0301 \ud800', value: { note: ['x\udfff'] }, channelId: 'test', from: { id: 'alex', name: 'alex' }, recipient: { id: 'seen', name: 'Seen' }, conversation: { id: 'c', isGroup: false, conversationType: 'personal', name: '' } } as Activity;
        const context = new TurnContext(adapter, activity);
        await bot.run(context);
        assert.equal(context.activity.text, 'José \ufffd');
        assert.deepEqual(context.activity.value, { note: ['x\ufffd'] });
      } finally {
        await db.close();
      }
    });

    describe(`a write-up with lone surrogates and decomposed accents (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
      let db: Db;
      let records: SqlCaseRecords;
      beforeEach(async () => ({ db, records } = await demoRecords()));
      afterEach(() => db.close());
      // The boundary middleware is the same function SeenBot.run calls.
      const client = (records: SqlCaseRecords) => new DialogTestClient('test', new WriteUpDialog({ records, today: fixedClock }), { userId: 'alex', caseRef: 'DEMO-1' }, [{ onTurn: async (ctx, next) => { normaliseInput(ctx.activity); await next(); } }]);

      it('is saved, and stored as well-formed NFC text', async () => {
        const c = client(records);
        const answer = scriptedPractitioner({ 'writeup.askActions': 'Offer a visit to Jose\u0301 \ud800 soon' });
        let input: string | Partial<Activity> | undefined = 'start';
        const transcript: string[] = [];
        for (let turn = 0; input !== undefined && turn < 150; turn++) {
          const replies: Partial<Activity>[] = [];
          for (let r: Partial<Activity> | undefined = await c.sendActivity(input); r; r = c.getNextReply()) replies.push(r);
          transcript.push(...replies.map((r) => r.text ?? ''));
          if (c.dialogTurnResult.status !== 'waiting') break;
          input = answer(replies[replies.length - 1]);
        }
        assert.ok(transcript.includes(t('writeup.saved', { version: 1, man: 'Dan (fictional)', ref: 'DEMO-1' })), transcript.slice(-2).join(' | '));
        const [saved] = await records.latestSummaries('DEMO-1');
        assert.deepEqual(saved!.actions, ['Offer a visit to José \ufffd soon']);
      });

      it('a new man\'s name is cut at 200 code points, never inside an emoji', async () => {
        const name = `${'a'.repeat(199)}👶🏽`;
        await playTurns(client(records), [
          ['start', [t('writeup.askMan', { baby: 'Baby Ava (fictional)' })]],
          [t('writeup.addMan'), [t('writeup.askManName')]],
          [name, [t('writeup.askManRole')]],
          [t('writeup.roleMothersPartner'), [/^Does he live with the baby\?/]],
          ['yes', [/./, /./, /^When was the contact\?/]],
        ]);
        const added = (await records.listMen('DEMO-1')).at(-1)!;
        assert.equal(added.name, `${'a'.repeat(199)}👶`);
      });
    });

    it('a confirm whose save fails says the write-up was not saved (and nothing else changed), not "saved safely"', async () => {
      const { db, records } = await demoRecords();
      try {
        // The database refuses the save, as PostgreSQL refused lone surrogates before the boundary cleaned them.
        let fail = true;
        const failing = Object.assign(Object.create(records) as SqlCaseRecords, {
          saveSummary: async (...args: Parameters<SqlCaseRecords['saveSummary']>) => { if (fail) throw new Error('invalid byte sequence'); return records.saveSummary(...args); },
        });
        const bot = new SeenBot({ conversationState: new ConversationState(new MemoryStorage()), records: failing, logger: pino({ level: 'silent' }), today: fixedClock });
        const adapter = new TestAdapter((ctx) => bot.run(ctx), { channelId: 'test', from: { id: 'alex', name: 'alex' }, recipient: { id: 'seen', name: 'Seen' }, conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' }, serviceUrl: 'http://localhost' });
        adapter.onTurnError = turnErrorHandler(pino({ level: 'silent' }));
        const answer = scriptedPractitioner();
        const replies: Partial<Activity>[] = [];
        let input: string | Partial<Activity> | undefined = 'write up DEMO-1';
        for (let turn = 0; input !== undefined && turn < 150; turn++) {
          const before = replies.length;
          await adapter.receiveActivity(input);
          for (let r = adapter.activeQueue.shift(); r; r = adapter.activeQueue.shift()) replies.push(r);
          const latest = replies[replies.length - 1];
          if (replies.length === before || latest?.text === t('common.saveFailed')) break;
          input = answer(latest!);
        }
        const last = replies.at(-1)?.text ?? '';
        assert.equal(JSON.stringify(last), JSON.stringify(t('common.saveFailed')));
        assert.doesNotMatch(last, /saved safely/);
        assert.ok(!replies.some((r) => r.text === t('common.turnError')), 'the generic "saved safely" apology is not used');
        assert.equal((await records.latestSummaries('DEMO-1')).length, 0, 'and indeed nothing was saved');
        // "Your answers are kept, so please confirm again": they are, and confirming again saves.
        fail = false;
        await adapter.receiveActivity(t('writeup.confirm'));
        assert.equal(adapter.activeQueue.shift()?.text, t('writeup.saved', { version: 1, man: 'Dan (fictional)', ref: 'DEMO-1' }));
        assert.equal((await records.latestSummaries('DEMO-1')).length, 1);
      } finally {
        await db.close();
      }
    });
  });

  describe(`item 8: a summaries row changes only by advancing latest_version by one (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
    let db: Db;
    let records: SqlCaseRecords;
    let id: string;
    beforeEach(async () => {
      ({ db, records } = await demoRecords());
      id = (await records.saveSummary(demoDraft(), 'alex')).summaryId;
    });
    afterEach(() => db.close());

    // [what, statement] each refused by the database itself.
    const refused: Array<[string, string]> = [
      ['case_ref moved to another case', "UPDATE summaries SET case_ref = 'DEMO-2' WHERE id = ?"],
      ['man_id changed', "UPDATE summaries SET man_id = 'demo-2-leo-father' WHERE id = ?"],
      ['latest_version set back', 'UPDATE summaries SET latest_version = latest_version - 1 WHERE id = ?'],
      ['latest_version skipped ahead by two', 'UPDATE summaries SET latest_version = latest_version + 2 WHERE id = ?'],
      ['latest_version left as it is while the date changes', "UPDATE summaries SET contact_date = '2020-01-01' WHERE id = ?"],
      ['created_at rewritten', "UPDATE summaries SET created_at = '2020-01-01T00:00:00Z', latest_version = latest_version + 1 WHERE id = ?"],
      ['the row deleted outside a retention run', 'DELETE FROM summaries WHERE id = ?'],
    ];
    for (const [what, sql] of refused) {
      it(`refuses: ${what}`, async () => {
        await assert.rejects(db.run(sql, [id]));
        const row = await db.get<{ case_ref: string; latest_version: number }>('SELECT case_ref, latest_version FROM summaries WHERE id = ?', [id]);
        assert.deepEqual({ ...row }, { case_ref: 'DEMO-1', latest_version: 1 });
      });
    }

    it('allows the one legitimate change: a correction advances latest_version by one', async () => {
      const corrected = await records.correctSummary(id, demoDraft({ contact: { ...demoDraft().contact, date: '2026-11-24' } }), 'alex');
      assert.equal(corrected.version, 2);
      const row = await db.get<{ latest_version: number; contact_date: string }>('SELECT latest_version, contact_date FROM summaries WHERE id = ?', [id]);
      assert.deepEqual({ ...row }, { latest_version: 2, contact_date: '2026-11-24' });
    });
  });
});
