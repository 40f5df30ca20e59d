import assert from 'node:assert/strict';
import { caseDocx } from '../../views/exporters/case-files';
import { t } from '../../prompts';
import { Summary, emptyDomains, type Case, type Man } from '../../records/model';
import type { ExportedSummary } from '../../records/case-export';
import { demoDraft } from '../helpers/records';
import { unzip } from '../helpers/zip';

// The Word export opens as a .docx (a zip) whose word/document.xml holds the summary's content and each section's source.
const c: Case = { ref: 'DEMO-1', babyName: 'Leo', team: 'North', practitionerId: 'alex', open: true, fictional: true } as Case;
const man: Man = { id: 'demo-1-dan', caseRef: 'DEMO-1', name: 'Dan (fictional)', role: 'birth_father', identified: true, resident: true };
const domains = emptyDomains();
domains.relationship_safety = { ...domains.relationship_safety, status: 'secondhand', account: 'Shannon said they argue about money.\nSometimes loudly.', evidence: ['Shannon said they argue about money.'] };
domains.life_history = { ...domains.life_history, status: 'covered', account: 'He grew up in care <script>alert(1)</script> & moved often.\u0007' };
const summary = Summary.parse({ ...demoDraft({ domains, actions: ['Offer a visit when Dan is home'] }), summaryId: 's-1', version: 2, corrects: 1, author: 'alex', createdAt: '2026-11-25T10:00:00.000Z' });
const exported: ExportedSummary[] = [{ summary, man, authorName: 'Alex Morgan' }];

/** The document's visible text: every <w:t> run joined, as Word shows it. */
const visible = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('views: the Word export', () => {
  let files: Map<string, Buffer>;
  let xml: string;
  before(async () => {
    files = unzip(await caseDocx(c, exported, 'Sam Patel', '2026-11-26'));
    xml = files.get('word/document.xml')?.toString('utf8') ?? '';
  });

  it('is a Word package: content types, the document and its properties', () => {
    for (const name of ['[Content_Types].xml', 'word/document.xml', 'docProps/core.xml']) assert.ok(files.has(name), name);
  });

  const rows: Array<[string, string]> = [
    ['the document title and the fictional marker', `${t('export.docTitle', { ref: 'DEMO-1' })} — ${t('summary.fictional')}`],
    ['who exported it, when', t('export.docSubtitle', { name: 'Sam Patel', date: '2026-11-26', count: 1 })],
    ['the man and his role', `Dan (fictional) (${t('writeup.roleBirthFather')})`],
    ['the version line, with the author by name and the space before "(corrects"', 'Version 2 (corrects version 1), written by Alex Morgan on 2026-11-25'],
    ['a second-hand section says so (its source)', `${t('summary.status_secondhand')}`],
    ['his own account is marked as his (its source)', `${t('summary.status_covered')}`],
    ['the sentence relied on', `${t('summary.evidence')}: Shannon said they argue about money.`],
    ['the account text', 'Shannon said they argue about money.Sometimes loudly.'],
    ['the actions', 'Offer a visit when Dan is home'],
  ];
  for (const [what, text] of rows) it(`holds ${what}`, () => assert.ok(visible(xml).replace(/&amp;/g, '&').includes(text), `${text} not in the document`));

  it('keeps a note\'s markup as text and drops characters XML cannot hold', () => {
    assert.match(xml, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; moved often\./);
    assert.doesNotMatch(xml, /<script>|\u0007/);
  });

  it('keeps a note\'s line break as a break', () => assert.match(xml, /argue about money\.<\/w:t>.*?<w:br\/>.*?Sometimes loudly\./s));

  it('with no summaries, says so rather than making an empty document', async () => {
    const empty = visible(unzip(await caseDocx(c, [], 'Sam Patel', '2026-11-26')).get('word/document.xml')!.toString('utf8'));
    assert.ok(empty.includes(t('export.noSummaries', { ref: 'DEMO-1' })), empty);
  });
});
