import assert from 'node:assert/strict';
import { DialogTestClient } from 'botbuilder-testing';
import { DomainDialog, type DomainOutcome } from '../../dialogs/domains/domain-dialog';
import { DOMAIN_WORDING, t } from '../../prompts';
import { MAX_TEXT, SummaryDraft, emptyDomains } from '../../records/model';
import { layoutSummary } from '../../views/exporters/summary-view';
import { playTurns, type Turn } from '../helpers/turns';
import type { DomainId } from '../../records/practice-model';

// The six generic domains share one dialog class; each is played through the same tables with its own wording.
const GENERIC: DomainId[] = ['life_history', 'fatherhood_ideas', 'frustration_coping', 'mental_health', 'relationship_safety', 'pressures'];

function client(domain: DomainId): DialogTestClient {
  return new DialogTestClient('test', new DomainDialog(domain));
}

for (const domain of GENERIC) {
  const w = DOMAIN_WORDING[domain];
  describe(`dialogs: ${domain}`, () => {
    it('records his own account, strengths and concerns as covered', async () => {
      const c = client(domain);
      const turns: Turn[] = [
        ['start', [w.question]],
        ['He said he grew up with his gran and still sees her weekly.', [t('writeup.askSource')]],
        [t('writeup.sourceOwn'), [w.strengths]],
        ['Close to his gran', [w.concerns]],
        ['none noted', []],
      ];
      await playTurns(c, turns);
      const result = c.dialogTurnResult.result as DomainOutcome;
      assert.equal(result.domain, domain);
      assert.deepEqual(
        { status: result.entry.status, account: result.entry.account, strengths: result.entry.strengths, concerns: result.entry.concerns },
        { status: 'covered', account: 'He said he grew up with his gran and still sees her weekly.', strengths: 'Close to his gran', concerns: '' },
      );
    });

    it('marks a mother\'s account as second-hand, with who said it as its statement\'s source', async () => {
      const c = client(domain);
      await playTurns(c, [['start', [w.question]], ['Mum said he is fine.', [t('writeup.askSource')]], ['2', [t('guided.askBy')]], ['Shannon (mother)', [w.strengths]], ['none', [w.concerns]], ['none', []]]);
      const entry = (c.dialogTurnResult.result as DomainOutcome).entry;
      assert.equal(entry.status, 'secondhand');
      assert.deepEqual(entry.statements, [{ text: 'Mum said he is fine.', source: 'secondhand', by: 'Shannon (mother)' }]);
    });

    it('"not explored" at the strengths question keeps the account already typed (issue 15 item 7)', async () => {
      const c = client(domain);
      await playTurns(c, [
        ['start', [w.question]],
        ['He started to talk about it, then the baby woke.', [t('writeup.askSource')]],
        [t('writeup.sourceOwn'), [w.strengths]],
        ['not explored', [t('writeup.askNotExploredReason', { title: w.title.toLowerCase() })]],
        ['Ran out of time', [t('guided.topicNotExploredKept')]],
      ]);
      const entry = (c.dialogTurnResult.result as DomainOutcome).entry;
      assert.deepEqual([entry.status, entry.notExploredReason, entry.account], ['absent', 'Ran out of time', 'He started to talk about it, then the baby woke.']);
      const draft = SummaryDraft.parse({ caseRef: 'DEMO-1', manId: 'demo-1-dan', source: 'guided', contact: { date: '2026-11-25', location: 'Home', present: 'Dan', seenStatus: 'seen' }, domains: { ...emptyDomains(), [domain]: entry }, infoSought: {}, reflection: {} });
      const shown = layoutSummary(draft, { manName: 'Dan', manRole: 'birth_father', fictional: true }).sections.find((s) => s.heading.startsWith(w.title))!;
      assert.ok(shown.facts.some(([, v]) => v === entry.account), 'the kept account shows in the review and the export');
    });

    it('"not explored" asks why and records the domain as absent with the reason', async () => {
      const c = client(domain);
      await playTurns(c, [
        ['start', [w.question]],
        [t('writeup.notExploredChoice'), [t('writeup.askNotExploredReason', { title: w.title.toLowerCase() })]],
        ['Mum was present throughout', []],
      ]);
      const entry = (c.dialogTurnResult.result as DomainOutcome).entry;
      assert.deepEqual([entry.status, entry.notExploredReason, entry.account], ['absent', 'Mum was present throughout', '']);
    });

    it('answers help mid-question with this domain\'s help, then asks the same question again', async () => {
      const c = client(domain);
      await playTurns(c, [
        ['start', [w.question]],
        ['help', [`${t('common.helpInDialog', { where: w.title })}\n\n${w.help}`, w.question]],
        ['He talked about his own dad leaving.', [t('writeup.askSource')]],
        ['help', [/You are in the middle of/, t('writeup.askSource')]],
      ]);
    });

    it('refuses an oversized answer and an off-topic choice, then carries on', async () => {
      const c = client(domain);
      await playTurns(c, [
        ['start', [w.question]],
        ['x'.repeat(MAX_TEXT + 1), [t('common.tooLong', { length: MAX_TEXT + 1, max: MAX_TEXT }), w.question]],
        ['   ', [w.retry]],
        ['He described his week 🙂 — 他很好', [t('writeup.askSource')]],
        ['banana', [/^Is that his own account/]],
        ['1', [w.strengths]],
      ]);
    });

    it('cancel stops the dialog and says nothing was saved', async () => {
      const c = client(domain);
      await playTurns(c, [['start', [w.question]], ['cancel', [t('common.cancelled')]]]);
      assert.notEqual(c.dialogTurnResult.status, 'waiting');
      assert.equal(c.dialogTurnResult.result, undefined);
    });
  });
}
