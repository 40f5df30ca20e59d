// A scripted practitioner: answers whatever Seen asks during a write-up, by matching the prompt's wording from prompts/.
import type { Activity } from 'botbuilder';
import { CATALOG, DOMAIN_WORDING, t, type PromptKey } from '../prompts';
import { DOMAIN_IDS, type DomainId } from '../records/practice-model';

/** His account per domain, in a practitioner's words (fictional). */
export const ACCOUNTS: Readonly<Record<DomainId, string>> = {
  life_history: 'Dan said he grew up with his mum and two brothers; his dad left when he was six and he "never really knew him".',
  fatherhood_ideas: 'He wants to be "there every day" for the baby and is proud he does the night feeds at weekends.',
  frustration_coping: 'He said when he gets wound up he goes for a walk; he admitted shouting at the TV when tired.',
  substance_use: 'He said he drinks four pints on a Saturday and does not use drugs.',
  parenting_knowledge: 'He showed me how he winds the baby and knows to put her down on her back.',
  mental_health: 'He said his mood has been low since losing his job but he has not seen his GP.',
  relationship_safety: 'He described the relationship as good, with arguments about money; no violence, he said.',
  pressures: 'He lost his warehouse job in October and they are behind on rent by two months.',
};

/** What the practitioner answers to a given reply; undefined means "this reply asks nothing, wait for the next". */
export type Answerer = (reply: Partial<Activity>) => string | Partial<Activity> | undefined;

/** Exact prompt wording → answer. Placeholders are matched loosely. */
const FIXED: Array<[PromptKey, string]> = [
  ['writeup.askMan', 'Dan (fictional)'],
  ['writeup.askDate', 'yesterday'],
  ['writeup.askLocation', 'Home visit'],
  ['writeup.askPresent', 'Dan, the baby\'s mother and the baby'],
  ['writeup.askSeen', t('writeup.seenInPerson')],
  ['notes.askPath', t('notes.pathGuided')],
  ['writeup.askSource', t('writeup.sourceOwn')],
  ['writeup.askFactors', t('writeup.factorsNone')],
  ['writeup.factorsMore', t('writeup.factorsDone')],
  ['writeup.askInfoSought', t('writeup.agencyGp')],
  ['writeup.agencyPicked', t('writeup.agencyDone')],
  ['writeup.askConsent', t('common.yes')],
  ['writeup.askAnxious', t('common.no')],
  ['writeup.askActionsDone', 'none'],
  ['writeup.askActions', 'Offer an evening visit next time\nShare the ICON crying leaflet with Dan'],
  ['writeup.askConfirm', t('writeup.confirm')],
  ['substance.askAmount', '4 pints'],
  ['substance.askAmountAlcohol', '4 pints'],
  ['substance.askSpend', '£20'],
];

// Turns a template into a pattern that matches any filled value.
function pattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '[\\s\\S]*?');
  return new RegExp(`^${escaped}$`);
}

const FIXED_PATTERNS = FIXED.map(([key, answer]) => [pattern(CATALOG[key]), answer] as const);

/** Builds an answerer for a write-up of `caseRef`, with optional overrides by prompt key. */
export function scriptedPractitioner(overrides: Partial<Record<PromptKey, string>> = {}): Answerer {
  const patterns = [...Object.entries(overrides).map(([k, a]) => [pattern(CATALOG[k as PromptKey]), a!] as const), ...FIXED_PATTERNS];
  // The contact card takes the same overrides as the questions it replaces.
  const fields = { location: overrides['writeup.askLocation'], present: overrides['writeup.askPresent'] };
  return (reply) => {
    const card = reply.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
    const submitted = card ? cardAnswer(card.content, fields) : undefined;
    if (submitted) return { type: 'message', value: submitted };
    const text = reply.text ?? '';
    for (const [re, answer] of patterns) if (re.test(text)) return answer;
    for (const d of DOMAIN_IDS) {
      const w = DOMAIN_WORDING[d];
      if (text === w.question) return ACCOUNTS[d];
      if (text === w.strengths) return 'He is open and keen to learn';
      if (text === w.concerns) return 'none noted';
    }
    const actions = (reply.suggestedActions?.actions ?? []).map((a) => String(a.value ?? a.title));
    if (actions.length === 0) return undefined;
    // Unknown choice prompts (substance details, screens, crying messages): a plausible answer, never a loop.
    const prefer = [t('substance.alcohol'), t('substance.done'), t('substance.freqWeekly'), t('substance.signsNone'), t('common.no')];
    for (const p of prefer) if (actions.includes(p) && !(p === t('substance.alcohol') && !/substances/i.test(text))) return p;
    return actions[actions.length - 1];
  };
}

/** The answers the scripted practitioner gives on the write-up's cards, by field (the browser run types the same). */
export const CARD_ANSWERS = {
  location: 'Home visit',
  present: 'Dan, Shannon (mum) and the baby',
  strengths: 'He is open and keen to learn',
  crying: ['crying_normal', 'never_shake'],
  frequency: 'weekly',
  amount: '4 pints',
  spend: '£20',
  /** AUDIT-C items 2 and 3 (option index): 5 or 6 units; less than monthly. */
  screen: { item2: '2', item3: '1' },
  agencies: ['gp'],
  consent: 'yes',
} as const;

interface CardElement { type?: string; id?: string; text?: string; value?: string; max?: string }
interface CardContent { body?: CardElement[]; actions?: { data?: Record<string, unknown> }[] }

/** The day before a yyyy-mm-dd day. */
export function dayBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** What the scripted practitioner submits on a write-up card (the contact was yesterday), or undefined for a card that asks nothing. */
export function cardAnswer(content: unknown, fields: { location?: string; present?: string } = {}): Record<string, unknown> | undefined {
  const card = content as CardContent;
  const body = card.body ?? [];
  const input = (id: string) => body.find((b) => b.id === id);
  const data = (choice?: string) => ({ ...(card.actions ?? []).find((a) => choice === undefined || a.data?.choice === choice)?.data });
  if (!data().action || data().action !== 'answer') return undefined;
  if (input('date')) return { ...data(), date: dayBefore(input('date')!.max!), location: fields.location ?? CARD_ANSWERS.location, present: fields.present ?? CARD_ANSWERS.present, ...(fields.present ? { seen: 'seen' } : {}) };
  if (input('account')) {
    const domain = DOMAIN_IDS.find((d) => body.some((b) => b.text === DOMAIN_WORDING[d].question))!;
    return { ...data('save'), account: ACCOUNTS[domain], source: 'him', strengths: CARD_ANSWERS.strengths, ...(input('crying') ? { crying: CARD_ANSWERS.crying.join(',') } : {}) };
  }
  if (input('frequency')) return { ...data(), frequency: CARD_ANSWERS.frequency, amount: CARD_ANSWERS.amount, spend: CARD_ANSWERS.spend, ...(input('item2') ? CARD_ANSWERS.screen : {}) };
  if (input('consent')) return { ...data('save'), picked: CARD_ANSWERS.agencies.join(','), consent: CARD_ANSWERS.consent };
  // Substances and factors: keep what Seen ticked from what was typed.
  if (input('picked')) return { ...data('save'), picked: input('picked')!.value ?? '' };
  return undefined;
}
