import assert from 'node:assert/strict';
import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import pino from 'pino';
import { SeenBot } from '../../bot/seen-bot';
import { SqlAuditLog } from '../../adapters/sql/audit-log';
import { AuditedCaseRecords, AuditScope } from '../../adapters/sql/audited-case-records';
import { DownloadLinks } from '../../adapters/export/download-links';
import { exportCase } from '../../records/case-export';
import { copyableParts } from '../../views/exporters/case-files';
import { CHANNELS } from '../../views/channels';
import { t } from '../../prompts';
import type { Db } from '../../adapters/sql/database';
import type { AuditEntry } from '../../records/audit';
import { demoRecords, fixedClock } from '../helpers/records';
import { unzip } from '../helpers/zip';

// `export <case>` through the real SeenBot: the same access check and audit entry as `seen export`, files by channel.
describe('dialogs: export <case>', () => {
  let db: Db;
  let audit: SqlAuditLog;
  let bot: (links?: DownloadLinks) => SeenBot;
  const scope = new AuditScope();
  const SECRET = 'x'.repeat(40);
  beforeEach(async () => {
    const demo = await demoRecords();
    db = demo.db;
    await demo.records.upsertUser({ id: 'ada', name: 'Ada Admin', role: 'admin', team: 'North', aadObjectId: null, disabled: false });
    audit = new SqlAuditLog(db);
    const records = new AuditedCaseRecords(demo.records, audit, fixedClock, () => scope.current());
    bot = (links) => new SeenBot({
      conversationState: new ConversationState(new MemoryStorage()), records, logger: pino({ level: 'silent' }), today: fixedClock,
      exportCase: (who, ref, format) => exportCase({ records, audit, now: fixedClock, context: () => scope.current() }, who, ref, format), downloadLinks: links,
    });
  });
  afterEach(() => db.close());

  const TEAMS_IDS: Record<string, string> = { alex: '00000000-0000-4000-8000-000000000001', jo: '00000000-0000-4000-8000-000000000003' };
  function adapter(userId: string, channelId: 'emulator' | 'msteams' = 'emulator', links?: DownloadLinks): TestAdapter {
    const b = bot(links);
    return new TestAdapter((ctx) => scope.run({ actor: userId, path: channelId === 'msteams' ? 'teams' : 'chat' }, () => b.run(ctx)), {
      channelId, from: { id: userId, name: userId, ...(channelId === 'msteams' ? { aadObjectId: TEAMS_IDS[userId] } : {}) },
      recipient: { id: 'seen', name: 'Seen' }, conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' }, serviceUrl: 'http://localhost',
    });
  }
  const exports = async (ref: string): Promise<AuditEntry[]> => (await audit.listForCase(ref)).filter((e) => e.operation === 'summaries.export');
  const matches = (re: RegExp) => (a: Partial<Activity>) => assert.match(a.text ?? '', re);
  const dataOf = (url: string | undefined) => Buffer.from((url ?? '').replace(/^data:[^,]*;base64,/, ''), 'base64');

  // [what, user, message, reply, audit outcome on the case (undefined: no entry expected)]
  const refusals: Array<[string, string, string, string, string, 'denied' | 'not_found']> = [
    ['a practitioner in another team is refused, and the refusal is audited', 'jo', 'export DEMO-3', t('common.notAllowed'), 'DEMO-3', 'denied'],
    ['a partnership lead is refused, and the refusal is audited', 'pat', 'export DEMO-3', t('common.notAllowed'), 'DEMO-3', 'denied'],
    ['an administrator (no case content) is refused, and audited', 'ada', 'export demo-3', t('common.notAllowed'), 'DEMO-3', 'denied'],
    ['an unknown case says so, and the attempt is audited', 'alex', 'export NOPE-1', t('export.unknownCase', { ref: 'NOPE-1' }), 'NOPE-1', 'not_found'],
    ['a case with no summary yet says so, and is audited', 'alex', 'export DEMO-1', t('export.noSummaries', { ref: 'DEMO-1' }), 'DEMO-1', 'not_found'],
  ];
  for (const [what, user, text, reply, ref, outcome] of refusals) {
    it(what, async () => {
      await adapter(user).send(text).assertReply(reply);
      const entries = await exports(ref);
      assert.deepEqual(entries.map((e) => [e.actor, e.outcome]), [[user, outcome]]);
    });
  }

  it('in web chat: the Markdown and Word files attached (data: URLs), then the Markdown to copy; one ok entry', async () => {
    const replies: Partial<Activity>[] = [];
    await adapter('alex').send('export DEMO-3').assertReply((a) => void replies.push(a)).assertReply((a) => void replies.push(a));
    const [files, copy] = replies;
    assert.equal(files.text, t('export.readyFiles', { ref: 'DEMO-3', count: 1 }));
    const [md, docx] = files.attachments ?? [];
    assert.deepEqual([md?.name, docx?.name], ['seen-DEMO-3-summaries.md', 'seen-DEMO-3-summaries.docx']);
    assert.match(md?.contentUrl ?? '', /^data:text\/markdown;charset=utf-8;base64,/);
    const markdown = dataOf(md?.contentUrl).toString('utf8');
    assert.match(markdown, /^## Father-inclusive summary: Marcus \(fictional\)/);
    assert.match(markdown, /written by Alex Morgan on/, 'the author by name, never the id (item 12)');
    const xml = unzip(dataOf(docx?.contentUrl)).get('word/document.xml')?.toString('utf8') ?? '';
    assert.ok(xml.includes('Marcus (fictional)'), 'the Word file holds the summary');
    assert.deepEqual((files.channelData as { attachmentSizes: number[] }).attachmentSizes, [Buffer.byteLength(markdown), dataOf(docx?.contentUrl).length]);
    assert.equal(copy.text, `\`\`\`markdown\n${markdown.replace(/\n+$/, '')}\n\`\`\``, 'the same Markdown, fenced to copy as typed');
    assert.deepEqual((await exports('DEMO-3')).map((e) => [e.actor, e.path, e.outcome, e.detail]), [['alex', 'chat', 'ok', 'md-docx:1']]);
  });

  it('a supervisor of the team may export a practitioner\'s case', async () => {
    await adapter('sam').send('export DEMO-3').assertReply((a) => assert.equal(a.attachments?.length, 2)).assertReply(matches(/^```markdown\n## Father-inclusive summary/));
  });

  it('in Teams with SEEN_PUBLIC_URL: signed links for this user, no files, then the Markdown to copy', async () => {
    const links = new DownloadLinks(SECRET, fixedClock, 'https://seen.example.org');
    let text = '';
    await adapter('alex', 'msteams', links).send('export DEMO-3').assertReply((a) => {
      text = a.text ?? '';
      assert.equal(a.attachments?.length ?? 0, 0);
    }).assertReply(matches(/^```markdown\n/));
    const urls = [...text.matchAll(/\((https:\/\/seen\.example\.org\/export\/download\?token=[^)]+)\)/g)].map((m) => m[1]);
    assert.equal(urls.length, 2, text);
    const grants = await Promise.all(urls.map((u) => links.verify(decodeURIComponent(new URL(u).searchParams.get('token')!))));
    assert.deepEqual(grants, [{ userId: 'alex', caseRef: 'DEMO-3', format: 'md' }, { userId: 'alex', caseRef: 'DEMO-3', format: 'docx' }]);
    assert.deepEqual((await exports('DEMO-3')).map((e) => [e.path, e.detail]), [['teams', 'md:1']]);
  });

  it('in Teams without SEEN_PUBLIC_URL: says plainly that downloads are not configured, and still gives the text', async () => {
    await adapter('alex', 'msteams').send('export DEMO-3').assertReply(t('export.readyNoLinks', { ref: 'DEMO-3', count: 1 })).assertReply(matches(/^```markdown\n/));
  });

  it('in Teams, a refusal is the same answer and the same audit entry', async () => {
    await adapter('jo', 'msteams').send('export DEMO-3').assertReply(t('common.notAllowed'));
    assert.deepEqual((await exports('DEMO-3')).map((e) => [e.actor, e.path, e.outcome]), [['jo', 'teams', 'denied']]);
  });

  it('"export" alone offers the practitioner\'s own open cases as buttons; someone with none is told how to name one', async () => {
    await adapter('alex').send('export').assertReply((a) => {
      assert.equal(a.text, t('export.askCase'));
      assert.deepEqual(a.suggestedActions?.actions.map((x) => x.value), ['export DEMO-1', 'export DEMO-2', 'export DEMO-3']);
    });
    await adapter('pat').send('export').assertReply(t('export.noCases'));
  });

  describe('copyable text fits the channel', () => {
    const line = (i: number) => `- **Account:** line ${i} ${'word '.repeat(40)}`;
    const big = Array.from({ length: 400 }, (_, i) => line(i)).join('\n');
    const rows: Array<[string, string, number]> = [
      ['a short summary is one part', '## Title\n- one', CHANNELS.msteams.maxMessageBytes],
      ['a long export is split between lines within Teams\' limit', big, CHANNELS.msteams.maxMessageBytes - 4_000],
      ['a single line longer than the limit is cut, not lost', 'y'.repeat(30_000), CHANNELS.msteams.maxMessageBytes - 4_000],
      ['a run of backticks in the text gets a longer fence', 'a ```` b', 1_000],
    ];
    for (const [what, markdown, max] of rows) {
      it(what, () => {
        const parts = copyableParts(markdown, max);
        for (const p of parts) assert.ok(Buffer.byteLength(JSON.stringify(p)) <= max, `${Buffer.byteLength(JSON.stringify(p))} > ${max}`);
        const bodies = parts.map((p) => {
          const m = /^(`{3,})markdown\n([\s\S]*)\n\1$/.exec(p);
          assert.ok(m, p.slice(0, 40));
          assert.ok(!m[2].includes(m[1]), 'the fence never occurs inside');
          return m[2];
        });
        assert.equal(bodies.join(markdown.includes('\n') ? '\n' : ''), markdown);
        if (markdown === big) assert.ok(parts.length > 1);
      });
    }
  });
});
