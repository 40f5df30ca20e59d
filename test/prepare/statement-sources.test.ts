// Issue 15.6: prepare shows each statement's own source, so "Mum said he punched a door" is never shown as his account.
import assert from 'node:assert/strict';
import { buildPreparePlan } from '../../records/prepare-plan';
import { DEMO_CASES, DEMO_MEN, demoSummaries } from '../../records/demo-data';
import { DomainEntry, Summary, type SummaryDraft } from '../../records/model';
import { prepareText, prepareView } from '../../views/cards/prepare-card';
import { PREPARE_QUESTIONS } from '../../prompts/prepare';
import { t } from '../../prompts';

describe('prepare: each statement with its own source (issue 15.6)', () => {
  const c = DEMO_CASES[2];
  const marcus = DEMO_MEN.find((m) => m.id === 'demo-3-marcus')!;
  const base = demoSummaries()[1].draft;
  const stored = (domains: Partial<SummaryDraft['domains']>): Summary => Summary.parse({
    ...base, domains: { ...base.domains, ...domains }, summaryId: 's1', version: 1, corrects: null, author: 'alex', createdAt: '2026-11-26T10:00:00.000Z',
  });
  const plan = (s: Summary) => buildPreparePlan({ case: c, men: [marcus], summaries: [s], discussedOn: {}, variants: (d, k) => PREPARE_QUESTIONS[d][k].length });
  const mixed = DomainEntry.parse({
    status: 'covered', account: 'He said he walks away when he is angry.',
    statements: [{ text: 'He said he walks away when he is angry.', source: 'him' }, { text: 'Mum said he punched a door.', source: 'secondhand', by: 'Shannon' }],
  });

  const table: Array<[string, Summary, Array<[string, string, string | null | undefined]>, RegExp[]]> = [
    ['a topic with his account and the mother\'s keeps both, each with its source', stored({ frustration_coping: mixed }),
      [['He said he walks away when he is angry.', 'own', null], ['Mum said he punched a door.', 'secondhand', 'Shannon']],
      [/He said he walks away when he is angry\. \(his own account/, /Mum said he punched a door\. \(second-hand: Shannon/]],
    ['unhappy: a version saved before statements existed still shows its account under the topic\'s status', stored({ frustration_coping: DomainEntry.parse({ status: 'secondhand', account: 'Mum says he shouts.' }) }),
      [['Mum says he shouts.', 'secondhand', null]], [new RegExp(`Mum says he shouts\\. \\(${t('prepare.sourceSecondhand')}, ${t('prepare.secondhandOnly')}`)]],
  ];
  for (const [name, summary, known, lines] of table) {
    it(name, () => {
      const p = plan(summary);
      assert.deepEqual(p.men[0]!.domains.frustration_coping.known.map((k) => [k.account, k.source, k.by ?? null]), known.map(([a, s, b]) => [a, s, b ?? null]));
      const text = prepareText(prepareView(p));
      for (const rx of lines) assert.match(text, rx);
    });
  }
});
