import assert from 'node:assert/strict';
import { buildPreparePlan, loadPreparePlan, NO_SUPERVISION_LOG, supervisionFromCoverage, type ManPlan, type PreparePlan, type SupervisionLog } from '../../records/prepare-plan';
import { PREPARE_QUESTIONS } from '../../prompts/prepare';
import { DEMO_CASES, DEMO_MEN, demoSummaries } from '../../records/demo-data';
import { emptyDomains, Summary, type SummaryDraft } from '../../records/model';
import { demoRecords } from '../helpers/records';

// The prepare plan on demo cases with different histories, and the rules one at a time on hand-made summaries.
const VARIANTS = (d: keyof typeof PREPARE_QUESTIONS, k: 'open' | 'ownAccount' | 'deepen') => PREPARE_QUESTIONS[d][k].length;
const man = (plan: PreparePlan, id: string): ManPlan => plan.men.find((m) => m.man.id === id)!;
const brief = (m: ManPlan) => m.questions.map((q) => `${q.rule}:${q.domain}:${q.kind}`);

async function demoPlan(ref: string, supervision: SupervisionLog = NO_SUPERVISION_LOG): Promise<PreparePlan> {
  const { db, records } = await demoRecords();
  try {
    return await loadPreparePlan({ records, supervision }, (await records.getCase(ref))!, VARIANTS);
  } finally {
    await db.close();
  }
}

describe('prepare: the plan on demo cases', () => {
  const table: Array<[string, string, string, (m: ManPlan) => void]> = [
    ['DEMO-1: no history, so a first meeting', 'DEMO-1', 'demo-1-dan', (m) => {
      assert.equal(m.contacts, 0);
      assert.equal(m.lastContact, null);
      assert.equal(m.offerVisit, true);
      assert.ok(Object.values(m.domains).every((d) => d.knowledge === 'never'));
      assert.deepEqual(brief(m), ['first_meeting:fatherhood_ideas:open', 'never_explored:frustration_coping:open', 'never_explored:parenting_knowledge:open']);
      assert.deepEqual(m.reminders.map((r) => r.code), ['crying', 'gpConsent']);
    }],
    ['DEMO-2: Ryan not seen last time, relationship only second-hand', 'DEMO-2', 'demo-2-ryan', (m) => {
      assert.deepEqual(m.lastContact, { date: '2026-10-20', seenStatus: 'not_seen' });
      assert.equal(m.lastSeen, null);
      assert.equal(m.offerVisit, true);
      assert.equal(m.domains.relationship_safety.knowledge, 'secondhand_only');
      assert.deepEqual(m.domains.relationship_safety.known.map((k) => [k.date, k.source]), [['2026-10-20', 'secondhand']]);
      assert.deepEqual(brief(m), ['first_meeting:fatherhood_ideas:open', 'own_account_missing:relationship_safety:ownAccount', 'never_explored:frustration_coping:open']);
      assert.ok(m.questions.every((q) => q.variant === 1 % VARIANTS(q.domain, q.kind)), 'one earlier contact rotates the wording to the next variant');
    }],
    ['DEMO-2: Kyle, non-resident and never recorded, is listed too', 'DEMO-2', 'demo-2-kyle', (m) => {
      assert.equal(m.man.resident, false);
      assert.equal(m.offerVisit, true);
      assert.equal(m.questions[0].rule, 'first_meeting');
    }],
    ['DEMO-3: Marcus partly assessed, drinking level unknown', 'DEMO-3', 'demo-3-marcus', (m) => {
      assert.equal(m.lastSeen, '2026-11-02');
      assert.equal(m.offerVisit, false);
      assert.equal(m.domains.life_history.knowledge, 'own');
      assert.equal(m.domains.substance_use.known[0].source, 'own');
      assert.equal(m.domains.frustration_coping.knowledge, 'never');
      assert.deepEqual(brief(m), ['level_unknown:substance_use:deepen', 'never_explored:frustration_coping:open', 'never_explored:parenting_knowledge:open']);
      assert.equal(m.questions[0].substance, 'alcohol');
      assert.deepEqual(m.reminders, [
        { code: 'crying', missing: ['comforting_helps', 'ok_to_walk_away', 'never_shake'] },
        { code: 'screen', instrument: 'AUDIT-C', substance: 'alcohol' },
      ]);
    }],
  ];
  for (const [what, ref, manId, check] of table) it(what, async () => check(man(await demoPlan(ref), manId)));

  it('lists every man on the case, in record order', async () => {
    assert.deepEqual((await demoPlan('DEMO-2')).men.map((m) => m.man.id), ['demo-2-kyle', 'demo-2-ryan']);
  });

  it('reads supervision dates through the coverage reader when one is wired', async () => {
    const calls: string[] = [];
    const log = supervisionFromCoverage({ caseCoverage: async (ref, today) => (calls.push(`${ref}@${today}`), [{ manId: 'demo-3-marcus', discussedOn: '2026-11-20' }] as never) }, () => new Date('2026-11-26T10:00:00Z'));
    assert.equal(await log.lastDiscussed('DEMO-3', 'demo-3-marcus'), '2026-11-20');
    assert.equal(await log.lastDiscussed('DEMO-3', 'someone-else'), null);
    assert.deepEqual(calls, ['DEMO-3@2026-11-26', 'DEMO-3@2026-11-26']);
  });
});

describe('prepare: the rules, one at a time', () => {
  const c = DEMO_CASES[2];
  const marcus = DEMO_MEN.find((m) => m.id === 'demo-3-marcus')!;
  const base = demoSummaries()[1].draft;
  let n = 0;
  const stored = (draft: Partial<SummaryDraft>): Summary => Summary.parse({ ...base, ...draft, summaryId: `s${++n}`, version: 1, corrects: null, author: 'alex', createdAt: '2026-11-26T10:00:00.000Z' });
  const plan = (summaries: Summary[], discussedOn: string | null = null) =>
    buildPreparePlan({ case: c, men: [marcus], summaries, discussedOn: { [marcus.id]: discussedOn }, variants: VARIANTS }).men[0];
  const allCovered = () => Object.fromEntries(Object.entries(emptyDomains()).map(([d, e]) => [d, { ...e, status: 'covered', account: `about ${d}` }])) as SummaryDraft['domains'];
  const factors = ['childhood_adversity', 'anger_frustration', 'external_pressures'] as SummaryDraft['factors'];

  const table: Array<[string, () => void]> = [
    ['factors combining and never discussed: a supervision reminder', () =>
      assert.deepEqual(plan([stored({ factors })]).reminders.find((r) => r.code === 'supervision'), { code: 'supervision', factors })],
    ['factors discussed after they were recorded: no reminder', () =>
      assert.equal(plan([stored({ factors })], '2026-11-10').reminders.some((r) => r.code === 'supervision'), false)],
    ['factors discussed before the latest summary that records them: reminder again', () =>
      assert.equal(plan([stored({ factors })], '2026-10-01').reminders.some((r) => r.code === 'supervision'), true)],
    ['two factors only: no reminder (the threshold is three)', () =>
      assert.equal(plan([stored({ factors: factors.slice(0, 2) })]).reminders.some((r) => r.code === 'supervision'), false)],
    ['cannabis used and no CUDIT-R: reminder; after a CUDIT-R: none', () => {
      const cannabis = { substance: 'cannabis', frequency: 'daily', amount: '2 joints', spend: '£10', level: 'use' as const, screen: null };
      assert.ok(plan([stored({ substances: [cannabis] })]).reminders.some((r) => r.code === 'screen' && r.instrument === 'CUDIT-R'));
      const screened = { ...cannabis, screen: { instrument: 'CUDIT-R' as const, answers: [1, 1, 0, 0, 0, 0, 0, 0], score: 2, band: 'lower risk' } };
      assert.equal(plan([stored({ substances: [screened] })]).reminders.some((r) => r.code === 'screen'), false);
    }],
    ['says he uses none: no screen reminder', () =>
      assert.equal(plan([stored({ substances: [{ substance: 'alcohol', frequency: 'never', amount: '', spend: '', level: 'none', screen: null }] })]).reminders.some((r) => r.code === 'screen'), false)],
    ['GP consent declined counts as sought: no GP reminder', () =>
      assert.equal(plan([stored({ infoSought: { agencies: [], consentGiven: false, note: '' } })]).reminders.some((r) => r.code === 'gpConsent'), false)],
    ['all four crying messages discussed: no crying reminder', () =>
      assert.equal(plan([stored({ cryingMessages: ['crying_normal', 'comforting_helps', 'ok_to_walk_away', 'never_shake'] })]).reminders.some((r) => r.code === 'crying'), false)],
    ['seen before but not at the last contact: offer a visit he can attend', () => {
      const later = stored({ contact: { ...base.contact, date: '2026-11-20', seenStatus: 'not_seen', notSeenReason: 'At work' } });
      const m = plan([stored({}), later]);
      assert.equal(m.lastSeen, '2026-11-02');
      assert.equal(m.offerVisit, true);
    }],
    ['everything explored in his own words: still two questions, to revisit', () => {
      const m = plan([stored({ domains: allCovered(), substances: [] })]);
      assert.deepEqual(m.questions.map((q) => `${q.rule}:${q.domain}`), ['revisit:frustration_coping', 'revisit:parenting_knowledge']);
    }],
    ['never more than three questions, and never two on one domain', () => {
      const m = plan([stored({ domains: emptyDomains() })]);
      assert.equal(m.questions.length, 3);
      assert.equal(new Set(m.questions.map((q) => q.domain)).size, 3);
    }],
    ['a later own account outranks an earlier second-hand one', () => {
      const second = emptyDomains();
      second.mental_health = { ...second.mental_health, status: 'secondhand', account: 'GP letter' };
      const own = emptyDomains();
      own.mental_health = { ...own.mental_health, status: 'covered', account: 'He said he sleeps badly' };
      const m = plan([stored({ domains: second }), stored({ domains: own, contact: { ...base.contact, date: '2026-11-20' } })]);
      assert.equal(m.domains.mental_health.knowledge, 'own');
      assert.deepEqual(m.domains.mental_health.known.map((k) => k.source), ['secondhand', 'own']);
    }],
  ];
  for (const [what, check] of table) it(what, check);

  it('a case with no men has an empty plan, not an error', () => {
    assert.deepEqual(buildPreparePlan({ case: c, men: [], summaries: [], discussedOn: {}, variants: VARIANTS }).men, []);
  });
});
