// Issue 15, the paste path: each statement keeps its own source, "not asked" is never "none", follow-ups ask whose account it is.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { NotesDialog, type NotesOutcome } from '../../dialogs/writeup/notes-dialog';
import { DOMAIN_WORDING, t } from '../../prompts';
import { emptyDomains, SummaryDraft } from '../../records/model';
import { DOMAIN_IDS, type DomainId } from '../../records/practice-model';
import { summaryToMarkdown } from '../../views/exporters/markdown';
import { NOTES_REVIEW_ACTION } from '../../views/cards/notes-review-card';
import { DEMO2_NOTE, DEMO2_OPTIONS } from '../fixtures/demo2-paste';

type Answer = (reply: Partial<Activity>) => string | Partial<Activity>;
/** Answers by the question asked; a follow-up not in `topics` is marked not explored. */
function practitioner(topics: Partial<Record<DomainId, string[]>>, extra: Array<[string, string]> = []): Answer {
  const queued = Object.fromEntries(Object.entries(topics).map(([d, a]) => [d, [...(a ?? [])]])) as Partial<Record<DomainId, string[]>>;
  return (r) => {
    const text = r.text ?? '';
    const d = DOMAIN_IDS.find((id) => DOMAIN_WORDING[id].followUp === text);
    if (d) return queued[d]?.shift() ?? t('writeup.notExploredChoice');
    if (/^Why was .* not explored/.test(text)) return 'Ran out of time';
    for (const [start, answer] of extra) if (text.startsWith(start)) return answer;
    if (text === t('parenting.askCrying')) return t('parenting.none');
    if (text.startsWith(t('substance.askFrequency', { substance: 'alcohol' }).slice(0, 20))) return t('substance.freqWeekly');
    if (text.startsWith('How much') || text.startsWith('Roughly')) return t('substance.notKnown');
    if (text.startsWith(t('substance.askSigns', { substance: 'alcohol' }).slice(0, 20))) return t('substance.signsNone');
    if (text === t('substance.offerAuditC')) return t('common.no');
    throw new Error(`no scripted answer for: ${text}`);
  };
}

/** Plays the notes path to the end; returns every reply's text and the outcome. */
async function run(answer: Answer, channel = 'test', note = DEMO2_NOTE): Promise<{ said: string[]; out: NotesOutcome; turns: number }> {
  const c = new DialogTestClient(channel, new NotesDialog(), DEMO2_OPTIONS);
  const said: string[] = [];
  let input: string | Partial<Activity> = 'start';
  for (let turn = 0; turn < 60; turn++) {
    const replies: Partial<Activity>[] = [];
    for (let r: Partial<Activity> | undefined = await c.sendActivity(input); r; r = c.getNextReply()) replies.push(r);
    said.push(...replies.map((r) => r.text ?? ''));
    if (c.dialogTurnResult.status !== 'waiting') return { said, out: c.dialogTurnResult.result as NotesOutcome, turns: turn };
    input = turn === 0 ? note : answer(replies[replies.length - 1]!);
  }
  throw new Error('the notes path did not finish');
}

const secondhandByShannon = (text: string) => ({ text, source: 'secondhand', by: 'Shannon' });

describe('dialogs: the paste path keeps whose account each statement is (issue 15)', () => {
  it('15.1/15.6: the mother named by her first name (or as Mum) is second-hand by Shannon, never his own account', async () => {
    const { out } = await run(practitioner({}));
    const rows: Array<[DomainId, string, object[]]> = [
      ['substance_use', 'secondhand', [secondhandByShannon('Shannon said Kyle drinks a few cans at weekends.')]],
      ['frustration_coping', 'secondhand', [secondhandByShannon('Shannon reported that Kyle gets wound up.'), secondhandByShannon('Mum said he punched a door last month.')]],
      ['relationship_safety', 'secondhand', [secondhandByShannon('Shannon said they argue about money.')]],
      ['life_history', 'covered', [{ text: 'Kyle told me he grew up with his nan after his dad left and that he wants to be a better dad than his own.', source: 'him', by: null }]],
    ];
    for (const [d, status, statements] of rows) {
      assert.equal(out.outcomes[d].entry.status, status, d);
      assert.deepEqual(out.outcomes[d].entry.statements, statements, d);
      if (status === 'secondhand') assert.equal(out.outcomes[d].entry.account, '', `${d}: "account" holds only his own words`);
    }
  });

  it('15.2: topics never asked and not in the notes are "not asked" in the summary, never "Strengths: none / Concerns: none"', async () => {
    const inNotes = t('notes.alreadyCovered');
    const { out } = await run(practitioner({ mental_health: [inNotes, inNotes] }));
    const domains = emptyDomains();
    for (const d of DOMAIN_IDS) domains[d] = out.outcomes[d].entry;
    const draft = SummaryDraft.parse({
      caseRef: 'DEMO-2', manId: 'demo-2-kyle', source: 'notes', domains, gaps: out.gaps, infoSought: {}, reflection: {},
      contact: { date: '2026-11-25', location: 'Home', present: 'Kyle, Mum (Shannon), Leo', seenStatus: 'seen' },
    });
    const md = summaryToMarkdown(draft, { manName: 'Kyle (fictional)', manRole: 'birth_father', fictional: true });
    assert.doesNotMatch(md, /\*\*Strengths:\*\* none|\*\*Concerns:\*\* none/, md);
    assert.match(md, /### His mental health — not asked/);
    assert.match(md, /\*\*Strengths:\*\* not asked/);
    assert.match(md, /"Shannon said they argue about money\." \(second-hand: Shannon\)/);
    assert.match(md, /"Kyle told me he grew up .*" \(his own account\)/);
  });

  it('15.3: a follow-up answer keeps its own source: inferred from its wording, or asked; never his account and a gap at once', async () => {
    const stressed = 'Did not ask him directly. Shannon said he has been stressed';
    const { said, out } = await run(practitioner({ mental_health: [stressed], pressures: ['Worried about the rent'], fatherhood_ideas: [] }, [[t('notes.askSource'), t('notes.sourceHim')]]));
    assert.deepEqual(out.outcomes.mental_health.entry.statements, [secondhandByShannon(stressed)]);
    assert.equal(out.outcomes.mental_health.entry.status, 'secondhand');
    assert.deepEqual(out.gaps.filter((g) => g.domain === 'mental_health').map((g) => g.code), ['OWN_ACCOUNT_MISSING'], 'second-hand, not "not explored with him yet"');
    assert.ok(said.includes(t('notes.sourceNoted', { title: DOMAIN_WORDING.mental_health.title, source: t('notes.sourceBy', { by: 'Shannon' }) })));
    // "Worried about the rent" does not say whose it is: Seen asks, and "his own account" makes the topic covered with no gap left.
    assert.equal(said.filter((s) => s === t('notes.askSource')).length, 1);
    assert.equal(out.outcomes.pressures.entry.status, 'covered');
    assert.ok(!out.gaps.some((g) => g.domain === 'pressures'));
    for (const d of DOMAIN_IDS) {
      const covered = out.outcomes[d].entry.status === 'covered';
      assert.ok(!(covered && out.gaps.some((g) => g.domain === d && (g.code === 'DOMAIN_ABSENT' || g.code === 'OWN_ACCOUNT_MISSING'))), d);
    }
  });

  it('15.4: "It is in my notes" points to the sentences relied on, or asks again and then records not asked; never the label as content', async () => {
    const inNotes = t('notes.alreadyCovered');
    const { said, out } = await run(practitioner({ frustration_coping: [inNotes], parenting_knowledge: [inNotes, inNotes] }));
    const lines = ['Shannon reported that Kyle gets wound up.', 'Mum said he punched a door last month.']
      .map((sentence) => t('notes.reliedOnLine', { sentence, source: t('notes.sourceBy', { by: 'Shannon' }) })).join('\n');
    assert.ok(said.includes(t('notes.reliedOn', { title: DOMAIN_WORDING.frustration_coping.title, lines })), said.join(' | '));
    assert.ok(said.includes(t('notes.nothingInNotes', { title: DOMAIN_WORDING.parenting_knowledge.title })));
    assert.ok(said.includes(t('notes.recordedNotAsked', { title: DOMAIN_WORDING.parenting_knowledge.title })));
    assert.equal(out.outcomes.frustration_coping.entry.status, 'secondhand');
    const parenting = out.outcomes.parenting_knowledge.entry;
    assert.deepEqual([parenting.status, parenting.account, parenting.statements], ['absent', '', []]);
    assert.ok(!JSON.stringify(out).includes(inNotes), 'the button label is never saved');
  });

  it('15.5: asks the crying messages ("Leo won\'t settle" is not one discussed) and the alcohol level, with AUDIT-C offered', async () => {
    const { said, out } = await run(practitioner({}, [[t('parenting.askCrying'), t('parenting.neverShake')], [t('parenting.cryingMore', { picked: t('parenting.neverShake') }), t('parenting.done')]]));
    assert.ok(said.includes(t('parenting.askCrying')));
    assert.ok(said.includes(t('substance.askAmountAlcohol')), 'the alcohol amount, with alcohol examples (15.12)');
    assert.ok(said.includes(t('substance.offerAuditC')));
    assert.deepEqual(out.outcomes.parenting_knowledge.cryingMessages, ['never_shake']);
    assert.ok(!out.gaps.some((g) => g.code === 'CRYING_NOT_DISCUSSED'));
    assert.equal(out.outcomes.substance_use.substances?.[0]?.frequency, t('substance.freqWeekly'));
  });

  it('15.5 unhappy: notes that name a crying message and a drinking level are not asked again', async () => {
    const note = `${DEMO2_NOTE}\nI talked Kyle through never shaking a baby and he said crying is normal.\nKyle told me he drinks 4 pints twice a week and spends about £30 a week.`;
    const { said } = await run(practitioner({}), 'test', note);
    assert.ok(!said.includes(t('parenting.askCrying')), said.join(' | '));
    assert.ok(!said.includes(t('substance.offerAuditC')));
  });
});

describe('dialogs: the paste path review card (issue 15, "one review card first")', () => {
  const value = (fields: Record<string, string>) => ({ type: 'message', text: '', value: { action: NOTES_REVIEW_ACTION, ...fields } }) as Partial<Activity>;

  it('shows each statement with its source on one card; edits there change the statements and only the gaps left are asked', async () => {
    const c = new DialogTestClient('emulator', new NotesDialog(), DEMO2_OPTIONS);
    await c.sendActivity('start');
    const card = await c.sendActivity(DEMO2_NOTE);
    const content = JSON.stringify(card.attachments?.[0]?.content);
    assert.match(content, /"id":"text\.substance_use\.0","value":"Shannon said Kyle drinks a few cans at weekends\."/);
    assert.match(content, /"id":"source\.substance_use\.0","style":"compact","value":"secondhand:Shannon"/);
    assert.equal(c.getNextReply(), undefined, 'the card waits for its submission');
    // A field Seen did not put on the card is refused, and nothing is lost.
    assert.equal((await c.sendActivity(value({ 'text.nonsense.0': 'x' }))).text, t('common.empty'));
    assert.match(content, /"id":"crying","isMultiSelect":true/, 'the crying messages are asked on the card');
    assert.match(content, /"id":"screen\.alcohol\.2"/, 'AUDIT-C is on the card where the level is unknown');
    assert.match(content, new RegExp(`"label":"${DOMAIN_WORDING.mental_health.followUp.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`), 'a gap topic asks its follow-up on the card');
    const replies = [await c.sendActivity(value({
      'source.substance_use.0': 'him', 'text.relationship_safety.0': '', 'text.mental_health.new': 'He said he sleeps badly', 'source.mental_health.new': 'him',
      'text.pressures.new': 'Money is tight', 'source.pressures.new': 'secondhand:Shannon', crying: 'crying_normal,never_shake',
      'freq.alcohol': 'weekly', 'amount.alcohol': '4 cans', 'spend.alcohol': '', 'screen.alcohol.0': '2', 'screen.alcohol.1': '1', 'screen.alcohol.2': '1',
    }))];
    for (let r = c.getNextReply(); r; r = c.getNextReply()) replies.push(r);
    assert.deepEqual(replies.map((r) => r.text), [t('notes.reviewSaved')], 'the card asked every gap: nothing is asked again');
    const out = c.dialogTurnResult.result as NotesOutcome;
    assert.equal(out.outcomes.substance_use.entry.status, 'covered');
    assert.deepEqual(out.outcomes.relationship_safety.entry.statements, []);
    assert.deepEqual(out.outcomes.mental_health.entry.statements, [{ text: 'He said he sleeps badly', source: 'him', by: null }]);
    assert.deepEqual(out.outcomes.pressures.entry.statements.at(-1), { text: 'Money is tight', source: 'secondhand', by: 'Shannon' });
    assert.deepEqual(out.outcomes.parenting_knowledge.cryingMessages, ['crying_normal', 'never_shake']);
    const alcohol = out.outcomes.substance_use.substances?.[0];
    assert.deepEqual([alcohol?.amount, alcohol?.screen?.instrument, alcohol?.screen?.score], ['4 cans', 'AUDIT-C', 4]);
    assert.equal(out.outcomes.frustration_coping.entry.status, 'secondhand', 'left as the notes had it');
    assert.ok(out.gaps.some((g) => g.code === 'OWN_ACCOUNT_MISSING' && g.domain === 'frustration_coping' && g.answer === null));
    assert.ok(!out.gaps.some((g) => g.code === 'CRYING_NOT_DISCUSSED'));
  });

  it('a channel without cards gets the same review as text and goes straight to the gaps', async () => {
    const c = new DialogTestClient('test', new NotesDialog(), DEMO2_OPTIONS);
    await c.sendActivity('start');
    const review = await c.sendActivity(DEMO2_NOTE);
    assert.equal(review.attachments, undefined);
    assert.match(review.text ?? '', /"Mum said he punched a door last month\." \(second-hand \(Shannon\)\)/);
    assert.match(review.text ?? '', /\*\*His mental health\*\*: not asked/);
  });
});
