// The largest input every card builder can get (MAX_TEXT in every free-text field), as a table shared by the card test
// (test/views/cards.test.ts) and the size benchmark (bench/card-sizes.ts). A new card builder joins CARDS.
import { DOMAIN_IDS } from '../records/practice-model';
import { emptyDomains, MAX_TEXT, type SummaryDraft } from '../records/model';
import { buildPreparePlan, type PreparePlan } from '../records/prepare-plan';
import { LIST_IDS, type TeamCoverage, type CoverageItem } from '../records/coverage';
import { PREPARE_QUESTIONS } from '../prompts/prepare';
import { layoutSummary } from '../views/exporters/summary-view';
import { summaryCards } from '../views/cards/summary-card';
import { pickCaseCard, prepareMessage } from '../views/cards/prepare-card';
import { notesReviewMessage, type ReviewTopics } from '../views/cards/notes-review-card';
import { contentBudget, fitToBudget } from '../views/budget';
import { contactCard } from '../views/cards/contact-card';
import { topicCard } from '../views/cards/topic-card';
import { pickCard } from '../views/cards/pick-card';
import { substanceCard } from '../views/cards/substance-card';
import { DOMAIN_WORDING, t } from '../prompts';
import { CRYING_MESSAGE_IDS, FACTOR_IDS } from '../records/practice-model';
import { FACTOR_LABEL, CRYING_LABEL } from '../prompts/labels';
import { FREQUENCY_OPTIONS, SIGN_OPTIONS } from '../dialogs/domains/substance-options';
import { SCREEN_ITEMS } from '../dialogs/domains/screen-items';
import { reviewGaps } from '../dialogs/writeup/notes-dialog';
import { analyzeNote } from '../analysis';
import { CHAT_LIST_LIMIT, coverageReply } from '../dialogs/coverage/coverage-message';
import type { CardAttachment } from '../views/message';
import { channelOf } from '../views/channels';

/** A valid draft for DEMO-1's Dan with nothing recorded yet. */
function emptyDraft(): SummaryDraft {
  return {
    caseRef: 'DEMO-1', manId: 'demo-1-dan', source: 'guided',
    contact: { date: '2026-11-25', location: 'Home visit', present: 'Dan, mother, baby', seenStatus: 'seen', notSeenReason: null },
    domains: emptyDomains(), substances: [], cryingMessages: [], infoSought: { agencies: [], consentGiven: null, note: '' },
    reflection: { anxious: false, jointVisitSuggested: false, note: '' }, factors: [], gaps: [], actions: [],
  };
}

const TEAMS = channelOf('msteams');
const WEB = channelOf('webchat');
// Free text at the limit, with the characters escaping doubles (so the card is as large as text can make it).
const MAX = (seed: string) => {
  const unit = `${seed} *bold* _it_ [link](x) (a) #1 <b> \\ `;
  return unit.repeat(Math.ceil(MAX_TEXT / unit.length)).slice(0, MAX_TEXT);
};
const NAME = 'N'.repeat(200);

/** A draft with every free-text field at MAX_TEXT: eight topics, ten actions, three substances, eight answered gaps. */
export function largestDraft(): SummaryDraft {
  const d = { ...emptyDraft(),
    contact: { date: '2026-11-25', location: MAX('location'), present: MAX('present'), seenStatus: 'seen' as const, notSeenReason: null },
    substances: ['alcohol', 'cannabis', 'cocaine'].map((substance) => ({ substance, frequency: MAX('f'), amount: MAX('a'), spend: MAX('s'), level: 'unknown' as const, screen: null })) as SummaryDraft['substances'],
    gaps: DOMAIN_IDS.map((domain) => ({ code: 'DOMAIN_ABSENT' as const, domain, answer: MAX('answer') })) as SummaryDraft['gaps'],
    actions: Array.from({ length: 10 }, (_, i) => MAX(`action ${i}`)),
  };
  for (const id of DOMAIN_IDS) d.domains[id] = { ...d.domains[id], status: 'covered', account: MAX(id), strengths: MAX('strengths'), concerns: MAX('concerns'), evidence: [MAX('e1'), MAX('e2')] };
  return d;
}

/** A plan for a case with four men, each with three saved versions of every topic at MAX_TEXT and ten agreed actions. */
export function largestPlan(): PreparePlan {
  const c = { ref: 'DEMO-1', babyName: NAME, babyDob: '2026-06-01', team: 'north', practitionerId: 'alex', open: true, fictional: true };
  const men = Array.from({ length: 4 }, (_, i) => ({ id: `m${i}`, caseRef: 'DEMO-1', name: NAME, role: 'birth_father' as const, resident: i % 2 === 0, identified: true }));
  const summaries = men.flatMap((m) => [1, 2, 3].map((v) => ({
    ...largestDraft(), caseRef: 'DEMO-1', manId: m.id, contact: { ...largestDraft().contact, date: `2026-11-0${v}` },
    summaryId: `${m.id}-${v}`, version: 1, corrects: null, author: 'alex', createdAt: `2026-11-0${v}T10:00:00.000Z`,
  })));
  return buildPreparePlan({ case: c, men: men as never, summaries: summaries as never, discussedOn: {}, variants: (domain, kind) => PREPARE_QUESTIONS[domain][kind].length });
}

/** A team report whose lists are full (five shown each) with the longest names, and five overdue actions at MAX_TEXT. */
export function largestCoverage(): TeamCoverage {
  const f = { count: 3, total: 7 };
  const item = (i: number): CoverageItem => ({ caseRef: `DEMO-${i}`, manId: `m${i}`, manName: NAME, manRole: 'birth_father', practitionerId: 'alex', lastSeen: '2026-09-01', daysSinceSeen: 86, neverExplored: [...DOMAIN_IDS], factorCount: 6, discussedOn: null });
  const list = { total: 40, items: Array.from({ length: CHAT_LIST_LIMIT }, (_, i) => item(i)) };
  return {
    team: 'T'.repeat(100), today: '2026-11-26', since: null, practitionerId: null, openCases: 40, men: 60,
    fatherSeen: f, domains: Object.fromEntries(DOMAIN_IDS.map((d) => [d, f])) as TeamCoverage['domains'], crying: f, infoSought: f,
    byMan: { fatherSeen: f, domains: Object.fromEntries(DOMAIN_IDS.map((d) => [d, f])) as TeamCoverage['domains'], crying: f, infoSought: f, detailed: f },
    lists: Object.fromEntries(LIST_IDS.map((l) => [l, list])) as TeamCoverage['lists'],
    overdueActions: { total: 40, items: Array.from({ length: 40 }, (_, i) => ({ ownerId: 'alex', caseRef: `DEMO-${i}`, manId: `m${i}`, manName: NAME, text: MAX('overdue'), dueOn: '2026-11-01', daysOverdue: 25 })) },
    trend: [],
  };
}

/** The paste path's review of a note at MAX_TEXT: its sentences spread over every topic, each with a named teller, fitted as the dialog fits it. */
function largestNotesReview(channel: typeof TEAMS): Sent[number] {
  const note = MAX('note');
  const per = Math.floor(note.length / (DOMAIN_IDS.length * 3));
  const topics = Object.fromEntries(DOMAIN_IDS.map((d, n) => [d, [0, 1, 2].map((i) => ({
    text: note.slice((n * 3 + i) * per, (n * 3 + i + 1) * per), source: i === 0 ? 'him' as const : 'secondhand' as const, by: i === 0 ? null : NAME,
  }))])) as ReviewTopics;
  const gaps = reviewGaps(analyzeNote({ text: 'Dan drinks beer and smokes cannabis. He uses cocaine.', name: 'Dan' }), true);
  return fitToBudget((clipAt) => notesReviewMessage(NAME, topics, [NAME, NAME.slice(1)], true, gaps, clipAt), contentBudget(channel)) as Sent[number];
}

/** A message as a Teams activity on the wire: the envelope CloudAdapter adds, with Teams-length ids. */
export function asTeamsActivity(message: object): object {
  return {
    ...message, type: 'message', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/00000000-0000-0000-0000-000000000000/',
    from: { id: `28:${'b'.repeat(36)}`, name: 'Seen' }, recipient: { id: `29:${'u'.repeat(120)}`, name: NAME.slice(0, 64), aadObjectId: '00000000-0000-0000-0000-000000000000' },
    conversation: { id: `a:${'c'.repeat(160)}`, conversationType: 'personal', tenantId: '00000000-0000-0000-0000-000000000000' },
    replyToId: `1:${'r'.repeat(60)}`, locale: 'en-GB', channelData: { tenant: { id: '00000000-0000-0000-0000-000000000000' } },
  };
}

export type Sent = Array<{ text?: string; attachments?: CardAttachment[] } & object>;
/** Every card builder in views/cards (and the coverage report's card), each as the messages Seen sends with the largest input. */
export const CARDS: Array<[builder: string, channel: string, build: () => Sent]> = [
  ['summaryCards', 'msteams', () => summaryCards(layoutSummary(largestDraft(), { manName: NAME, manRole: 'birth_father', fictional: true }), TEAMS).map((c) => ({ attachments: [c] }))],
  ['summaryCards', 'webchat', () => summaryCards(layoutSummary(largestDraft(), { manName: NAME, manRole: 'birth_father', fictional: true }), WEB).map((c) => ({ attachments: [c] }))],
  ['prepareMessage', 'msteams', () => [prepareMessage(largestPlan(), true, TEAMS)]],
  ['prepareMessage', 'webchat', () => [prepareMessage(largestPlan(), true, WEB)]],
  ['pickCaseCard', 'msteams', () => [{ attachments: [pickCaseCard(Array.from({ length: 40 }, (_, i) => ({ ref: `DEMO-${i}`.padEnd(50, 'X'), babyName: NAME, babyDob: '2026-06-01', team: 't', practitionerId: 'alex', open: true, fictional: true })))] }]],
  ['notesReviewMessage', 'msteams', () => [largestNotesReview(TEAMS)]],
  ['notesReviewMessage', 'webchat', () => [largestNotesReview(WEB)]],
  // The guided path's cards hold Seen's own wording and choices, not free text: the longest wording, every choice ticked.
  ['contactCard', 'msteams', () => [contactCard('q'.repeat(64), '2026-11-25')]],
  ...DOMAIN_IDS.map((d) => ['topicCard', 'msteams', () => [topicCard({
    q: 'q'.repeat(64), title: DOMAIN_WORDING[d].title, question: DOMAIN_WORDING[d].question, crying: CRYING_MESSAGE_IDS.map((id) => [id, t(CRYING_LABEL[id])] as const),
  })]] as [string, string, () => Sent]),
  ['pickCard', 'msteams', () => [pickCard({
    q: 'q'.repeat(64), title: t('guided.factorsTitle'), lines: [t('guided.factorsIntro'), t('guided.factorsPreTicked', { names: FACTOR_IDS.map((f) => t(FACTOR_LABEL[f])).join(', ') })],
    label: t('guided.factorsLabel'), options: FACTOR_IDS.map((id) => [id, t(FACTOR_LABEL[id])] as const), ticked: [...FACTOR_IDS], buttons: [[t('guided.next'), 'save']],
  })]],
  ['substanceCard', 'msteams', () => [substanceCard({
    q: 'q'.repeat(64), substance: NAME.slice(0, 100), frequencies: FREQUENCY_OPTIONS.map((o) => [o.id, t(o.label)] as const), amountHint: t('substance.amountHintAlcohol'),
    signs: SIGN_OPTIONS.map((o) => [o.id, t(o.label)] as const),
    screen: { hint: t('guided.substanceAuditHint'), items: SCREEN_ITEMS['AUDIT-C'].slice(1).map((item, i) => ({ id: `item${i + 2}`, question: t(item.question), options: item.options.map((o, k) => [String(k), t(o)] as const) })) },
  })]],
  ['coverageReply', 'msteams', () => coverageReply(largestCoverage(), true, () => NAME) as Sent],
];

