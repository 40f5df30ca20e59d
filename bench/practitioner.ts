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
  return (reply) => {
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
