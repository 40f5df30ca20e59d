// Walks the eight domains tier by tier, one domain dialog at a time, keeping each outcome.
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { DOMAIN_IDS, DOMAIN_TIER, type DomainId } from '../../records/practice-model';
import { DOMAIN_WORDING, t } from '../../prompts';
import type { DomainOutcome } from './domain-dialog';
import { createDomainDialogs } from './index';

/** Dialog id of the domains walk. */
export const DOMAINS_DIALOG = 'domains';
/** Where the walk is: the next domain's index and the outcomes so far. */
export interface DomainsProgress { index: number; outcomes: Partial<Record<DomainId, DomainOutcome>> }
const LOOP = 'loop';

/** Runs each domain dialog in turn (replaceDialog keeps the stack shallow) and ends with all outcomes. */
export class DomainsDialog extends ComponentDialog<DomainsProgress> {
  constructor() {
    super(DOMAINS_DIALOG);
    for (const d of createDomainDialogs()) this.addDialog(d);
    this.addDialog(new WaterfallDialog(LOOP, [this.runDomain.bind(this), this.record.bind(this)]));
    this.initialDialogId = LOOP;
  }

  // Step: name the tier and topic, then start that domain's dialog.
  private async runDomain(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { index } = progress(step);
    const domain = DOMAIN_IDS[index];
    await step.context.sendActivity(t('writeup.domainIntro', { tier: DOMAIN_TIER[domain], title: DOMAIN_WORDING[domain].title }));
    return step.beginDialog(domain);
  }

  // Step: keep the outcome and move to the next domain, or hand back all eight.
  private async record(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { index, outcomes } = progress(step);
    const outcome = step.result as DomainOutcome;
    const next: DomainsProgress = { index: index + 1, outcomes: { ...outcomes, [outcome.domain]: outcome } };
    if (next.index >= DOMAIN_IDS.length) return step.endDialog(next.outcomes);
    return step.replaceDialog(LOOP, next);
  }
}

// The walk's position, starting at the first domain.
function progress(step: WaterfallStepContext): DomainsProgress {
  const o = step.options as Partial<DomainsProgress> | undefined;
  return { index: o?.index ?? 0, outcomes: o?.outcomes ?? {} };
}
