// The prepare card: the plan as view data (wording from prompts/), bound to an Adaptive Card 1.5 template; the same data as text.
import { adaptiveCard, cardMessage, textMessage, type CardAttachment, type ViewMessage } from '../message';
import type { Case } from '../../records/model';
import type { ManPlan, PreparePlan, PlannedQuestion, Reminder } from '../../records/prepare-plan';
import { DOMAIN_IDS } from '../../records/practice-model';
import { DOMAIN_WORDING, t } from '../../prompts';
import { PREPARE_QUESTIONS } from '../../prompts/prepare';
import { CRYING_LABEL, FACTOR_LABEL, ROLE_LABEL } from '../../prompts/labels';
import { expandTemplate, type Json } from './card-template';
import { cardText } from './card-text';
import { escapeMarkdown } from '../exporters/markdown';
import { CHANNELS, type Channel } from '../channels';
import { clip, contentBudget, fitToBudget } from '../budget';

/** One line of text on the card. */
interface Line { text: string }
/** Everything the prepare card shows, already in words; the template decides only the layout. */
export interface PrepareView {
  title: string;
  fictional: string;
  menHeading: string;
  men: Array<{ line: string; seen: string; offerVisit: string }>;
  about: Array<{ heading: string; known: Line[]; never: string; questionsHeading: string; questions: Array<{ text: string; why: string }>; remindersHeading: string; reminders: Line[] }>;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** 2026-11-02 → 2 Nov 2026, as practitioners write dates. */
export function displayDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The wording of one planned question, with its substance filled where the wording names one. */
export function questionText(q: PlannedQuestion): string {
  const wording = PREPARE_QUESTIONS[q.domain][q.kind][q.variant];
  return wording.replace('{substance}', q.substance ?? t('prepare.knownNoAccount'));
}

// A reminder in words.
function reminderText(r: Reminder): string {
  if (r.code === 'crying') return t('prepare.reminderCrying', { messages: r.missing.map((m) => t(CRYING_LABEL[m])).join('; ') });
  if (r.code === 'gpConsent') return t('prepare.reminderGp');
  if (r.code === 'screen') return t('prepare.reminderScreen', { substance: r.substance, instrument: r.instrument });
  if (r.code === 'action') return t(r.dueOn ? 'prepare.reminderActionDue' : 'prepare.reminderAction', { text: r.text, agreed: r.agreedOn, due: r.dueOn ?? '' });
  return t('prepare.reminderSupervision', { factors: r.factors.map((f) => t(FACTOR_LABEL[f])).join('; ') });
}

// When he was last seen, in words.
function seenText(m: ManPlan): string {
  if (!m.lastContact) return t('prepare.noContacts');
  if (m.lastContact.seenStatus === 'not_seen') return `${t('prepare.notSeenLast', { date: displayDate(m.lastContact.date) })} ${m.lastSeen ? t('prepare.lastSeen', { date: displayDate(m.lastSeen) }) : t('prepare.neverSeen')}`;
  return t('prepare.lastSeen', { date: displayDate(m.lastSeen ?? m.lastContact.date) });
}

// How many earlier entries on a topic the record holds beyond the ones shown.
function earlier(count: number): string {
  return count === 0 ? '' : ` ${count === 1 ? t('prepare.knownEarlierOne') : t('prepare.knownEarlier', { count })}`;
}

// One man's "about" section: known per domain (the latest contact's statements, each with its own source, cut at
// `clipAt`, and how many earlier entries are held), never explored, questions, reminders.
function aboutMan(m: ManPlan, clipAt: number): PrepareView['about'][number] {
  const known = DOMAIN_IDS.filter((d) => m.domains[d].knowledge !== 'never').flatMap((d) => {
    const all = m.domains[d].known;
    const latestDate = all.at(-1)!.date;
    const latest = all.filter((k) => k.date === latestDate);
    return latest.map((k, i) => {
      const said = k.source === 'own' ? t('prepare.sourceOwn') : k.by ? t('prepare.sourceSecondhandBy', { by: k.by }) : t('prepare.sourceSecondhand');
      const source = m.domains[d].knowledge === 'secondhand_only' ? `${said}, ${t('prepare.secondhandOnly')}` : said;
      const account = clip(k.account.trim(), clipAt) || t('prepare.knownNoAccount');
      const more = i === latest.length - 1 ? earlier(all.length - latest.length) : '';
      return { text: t('prepare.knownLine', { title: DOMAIN_WORDING[d].title, account, source, date: displayDate(k.date) }) + more };
    });
  });
  const never = DOMAIN_IDS.filter((d) => m.domains[d].knowledge === 'never').map((d) => DOMAIN_WORDING[d].title);
  return {
    heading: t('prepare.aboutHeading', { name: m.man.name }),
    known,
    never: never.length ? t('prepare.neverLine', { titles: never.join('; ') }) : t('prepare.nothingNever'),
    questionsHeading: t('prepare.questionsHeading', { name: m.man.name }),
    questions: m.questions.map((q) => ({ text: questionText(q), why: t(`prepare.why_${q.rule}`) })),
    remindersHeading: t('prepare.remindersHeading', { name: m.man.name }),
    reminders: m.reminders.length ? m.reminders.map((r) => ({ text: clip(reminderText(r), clipAt) })) : [{ text: t('prepare.nothingDue') }],
  };
}

/** Turns a plan into the words the card and the text show; record text is cut at `clipAt` characters (the full text stays in the record). */
export function prepareView(plan: PreparePlan, clipAt = Infinity): PrepareView {
  return {
    title: t('prepare.title', { ref: plan.case.ref, baby: plan.case.babyName }),
    fictional: plan.case.fictional ? t('prepare.fictional') : '',
    menHeading: t('prepare.menHeading'),
    men: plan.men.map((m) => ({
      line: t('prepare.manLine', { name: m.man.name, role: t(ROLE_LABEL[m.man.role]), residence: t(m.man.resident ? 'prepare.resident' : 'prepare.notResident') }),
      seen: seenText(m),
      offerVisit: m.offerVisit ? t('prepare.offerVisit') : '',
    })),
    about: plan.men.map((m) => aboutMan(m, clipAt)),
  };
}

/** The card's layout: Adaptive Card 1.5 with template bindings; no wording and no data in here. */
export const PREPARE_TEMPLATE: Json = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${title}', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', $when: '${fictional}', text: '${fictional}', isSubtle: true, wrap: true, spacing: 'None' },
    { type: 'TextBlock', text: '${menHeading}', weight: 'Bolder', wrap: true, separator: true },
    {
      type: 'Container', $data: '${men}', items: [
        { type: 'TextBlock', text: '${line}', wrap: true },
        { type: 'TextBlock', text: '${seen}', isSubtle: true, wrap: true, spacing: 'None' },
        { type: 'TextBlock', $when: '${offerVisit}', text: '${offerVisit}', color: 'Attention', wrap: true, spacing: 'Small' },
      ],
    },
    {
      type: 'Container', $data: '${about}', separator: true, spacing: 'Medium', items: [
        { type: 'TextBlock', text: '${heading}', weight: 'Bolder', wrap: true },
        { type: 'TextBlock', $data: '${known}', text: '• ${text}', wrap: true, spacing: 'Small' },
        { type: 'TextBlock', text: '${never}', wrap: true, isSubtle: true, spacing: 'Small' },
        { type: 'TextBlock', text: '${questionsHeading}', weight: 'Bolder', wrap: true, spacing: 'Medium' },
        {
          type: 'Container', $data: '${questions}', spacing: 'Small', items: [
            { type: 'TextBlock', text: '${text}', wrap: true },
            { type: 'TextBlock', text: '${why}', isSubtle: true, size: 'Small', wrap: true, spacing: 'None' },
          ],
        },
        { type: 'TextBlock', text: '${remindersHeading}', weight: 'Bolder', wrap: true, spacing: 'Medium' },
        { type: 'TextBlock', $data: '${reminders}', text: '• ${text}', wrap: true, spacing: 'Small' },
      ],
    },
  ],
};

// Cards and chat render Markdown, so every string of the view (which carries record text) is escaped before use.
function escaped<T>(v: T, f: (s: string) => string): T {
  if (typeof v === 'string') return f(v) as T;
  if (Array.isArray(v)) return v.map((x) => escaped(x, f)) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, escaped(x, f)])) as T;
  return v;
}

/** The same view as plain Markdown text: the fallback for channels without cards, and the card's fallbackText. */
export function prepareText(raw: PrepareView): string {
  const view = escaped(raw, escapeMarkdown);
  const out = [`**${view.title}**`];
  if (view.fictional) out.push(`_${view.fictional}_`);
  out.push('', `**${view.menHeading}**`);
  for (const m of view.men) out.push(`- ${m.line} ${m.seen}${m.offerVisit ? ` **${m.offerVisit}**` : ''}`);
  for (const a of view.about) {
    out.push('', `**${a.heading}**`, ...a.known.map((k) => `- ${k.text}`), `- ${a.never}`);
    out.push('', `**${a.questionsHeading}**`, ...a.questions.map((q, i) => `${i + 1}. ${t('prepare.questionLine', { question: q.text, why: q.why })}`));
    out.push('', `**${a.remindersHeading}**`, ...a.reminders.map((r) => `- ${r.text}`));
  }
  return out.join('\n');
}

/** The prepare card (template bound to the escaped view), with a one-line summary as its fallback (not a second copy). */
function prepareCard(view: PrepareView, markdown: Channel['cardMarkdown'] = 'commonmark'): CardAttachment {
  const content = expandTemplate(PREPARE_TEMPLATE, escaped(view, (s) => cardText(s, markdown)) as unknown as Json) as Record<string, Json>;
  return adaptiveCard({ ...content, fallbackText: t('prepare.fallbackSummary', { title: view.title }) });
}

/**
 * The plan as one message that fits the channel (Teams by default, the smallest): the card where the channel shows cards,
 * otherwise the text; each record entry is cut as short as needed, the latest shown first.
 */
export function prepareMessage(plan: PreparePlan, withCard: boolean, channel: Pick<Channel, 'maxMessageBytes' | 'cardMarkdown'> = CHANNELS.msteams): ViewMessage {
  const budget = contentBudget(channel);
  return fitToBudget((clipAt) => {
    const view = prepareView(plan, clipAt);
    return withCard ? cardMessage(prepareCard(view, channel.cardMarkdown), view.title) : textMessage(prepareText(view));
  }, budget);
}

/**
 * A card to pick which of their cases to prepare: one Action.Submit per case ({ action: 'prepare', caseRef }), each in its
 * own ActionSet in the body, because a card's own actions stop at five (Teams' and the renderer's host config).
 */
export function pickCaseCard(cases: readonly Case[]): CardAttachment {
  const template: Json = {
    type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5',
    body: [
      { type: 'TextBlock', text: '${title}', weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: '${hint}', wrap: true, spacing: 'None' },
      { type: 'ActionSet', $data: '${cases}', spacing: 'Small', actions: [{ type: 'Action.Submit', title: '${label}', data: { action: 'prepare', caseRef: '${ref}' } }] },
    ],
  };
  const data = { title: t('prepare.pickTitle'), hint: t('prepare.pickHint'), cases: cases.map((c) => ({ ref: c.ref, label: t('prepare.pickButton', { ref: c.ref, baby: c.babyName }) })) };
  return adaptiveCard({ ...(expandTemplate(template, data) as Record<string, Json>), fallbackText: t('prepare.askCase') });
}
