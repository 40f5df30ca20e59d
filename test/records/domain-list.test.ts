import assert from 'node:assert/strict';
import { DOMAIN_IDS, DOMAIN_TIER, FACTOR_IDS } from '../../records/practice-model';
import { emptyDomains, type SummaryDraft } from '../../records/model';
import { statusOf } from '../../records/coverage';
import { COVERAGE_DOMAIN_COLUMNS, COVERAGE_FACTOR_BITS, STATUS_SCORE } from '../../adapters/sql/columns';
import { SqlCaseRecords } from '../../adapters/sql/case-records';
import { openTestDb } from '../helpers/database';
import { fixedClock } from '../helpers/records';

// Adding a domain starts in records/practice-model.ts (DOMAIN_IDS); this names every other place still to change.
describe('records: the domain list drives the rest', () => {
  const missing = (where: string, keys: readonly string[]): string[] =>
    DOMAIN_IDS.filter((d) => !keys.includes(d)).map((d) => `${where}: no entry for ${d}`);
  // Why load each place here: wording and word lists are checked when they load, so a missing domain throws at import;
  // loading them one by one lets one run name every place, not just the first.
  function keysOf(where: string, load: () => readonly string[]): string[] {
    try {
      return missing(where, load());
    } catch (err) {
      return [`${where}: does not load (${String((err as Error).message).replace(/\s+/g, ' ').slice(0, 160)})`];
    }
  }

  it('every place keyed by domain has every domain, and no other', async () => {
    const db = await openTestDb();
    try {
      const records = new SqlCaseRecords(db, fixedClock);
      await records.upsertUser({ id: 'p1', name: 'P One (fictional)', role: 'practitioner', team: 'A', aadObjectId: null, disabled: false });
      await records.insertCase({ ref: 'C1', babyName: 'b', babyDob: '2026-06-01', team: 'A', practitionerId: 'p1', open: true, fictional: true });
      await records.addMan({ id: 'm1', caseRef: 'C1', name: 'M (fictional)', role: 'birth_father', identified: true, resident: true });
      const domains = emptyDomains();
      for (const d of DOMAIN_IDS) domains[d] = { ...domains[d], status: 'covered' };
      const draft: SummaryDraft = {
        caseRef: 'C1', manId: 'm1', source: 'guided', domains, substances: [], cryingMessages: [], factors: [], gaps: [], actions: [],
        contact: { date: '2026-11-01', location: 'x', present: 'x', seenStatus: 'seen', notSeenReason: null },
        infoSought: { agencies: [], consentGiven: null, note: '' }, reflection: { anxious: null, jointVisitSuggested: false, note: '' },
      };
      await records.saveSummary(draft, 'p1');
      const row = (await db.get<Record<string, unknown>>('SELECT * FROM coverage_facts')) ?? {};
      const projected = Object.keys(row).filter((c) => c.startsWith('d_')).map((c) => c.slice(2));
      const scored = DOMAIN_IDS.filter((d) => Number(row[`d_${d}`]) === STATUS_SCORE.covered);
      const problems = [
        ...missing('records/practice-model.ts DOMAIN_TIER', Object.keys(DOMAIN_TIER)),
        ...keysOf('prompts/domains/ (DOMAIN_WORDING)', () => Object.keys((require('../../prompts/domains') as typeof import('../../prompts/domains')).DOMAIN_WORDING)),
        ...keysOf('prompts/prepare.ts (PREPARE_QUESTIONS)', () => Object.keys((require('../../prompts/prepare') as typeof import('../../prompts/prepare')).PREPARE_QUESTIONS)),
        ...keysOf('dialogs/domains/index.ts (a dialog per domain)', () => (require('../../dialogs/domains') as typeof import('../../dialogs/domains')).createDomainDialogs().map((d) => d.id)),
        ...keysOf('analysis/lexicon/domains.ts (DOMAIN_CUES)', () => Object.keys((require('../../analysis/lexicon/domains') as typeof import('../../analysis/lexicon/domains')).DOMAIN_CUES)),
        ...keysOf('analysis/lexicon/domains.ts (HEADING_DOMAINS)', () => Object.keys((require('../../analysis/lexicon/domains') as typeof import('../../analysis/lexicon/domains')).HEADING_DOMAINS)),
        ...missing('adapters/sql/columns.ts (COVERAGE_DOMAIN_COLUMNS)', COVERAGE_DOMAIN_COLUMNS.map((c) => c.slice(2))),
        ...missing('a new migration in adapters/sqlite/schema.ts and adapters/postgres/schema.ts (a coverage_facts column)', projected),
        ...missing('the coverage trigger in both schemas (the column is never filled)', scored),
      ];
      assert.deepEqual(problems, []);
      assert.deepEqual(COVERAGE_DOMAIN_COLUMNS, DOMAIN_IDS.map((d) => `d_${d}`), 'adapters/sql/columns.ts is in the practice model\'s order');
    } finally {
      await db.close();
    }
  });

  it('the coverage score is decoded as it is written: statusOf reads STATUS_SCORE back', () => {
    for (const [status, score] of Object.entries(STATUS_SCORE)) assert.equal(statusOf(score), status);
    assert.equal(statusOf(0), 'absent');
  });

  it('the factor bits are the practice model\'s factors, in order', () => assert.deepEqual([...COVERAGE_FACTOR_BITS], [...FACTOR_IDS]));
});
