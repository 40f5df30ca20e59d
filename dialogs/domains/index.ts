// The eight domain dialogs, in the practice model's order; substance use and parenting knowledge have their own steps.
import type { Dialog } from 'botbuilder-dialogs';
import { DOMAIN_IDS, type DomainId } from '../../records/practice-model';
import { DomainDialog } from './domain-dialog';
import { SubstanceUseDialog } from './substance-use';
import { ParentingKnowledgeDialog } from './parenting-knowledge';

/** Special dialogs for domains that record more than the generic four answers. */
const SPECIAL: Partial<Record<DomainId, () => Dialog>> = {
  substance_use: () => new SubstanceUseDialog(),
  parenting_knowledge: () => new ParentingKnowledgeDialog(),
};

/** One dialog per domain, id = domain id. */
export function createDomainDialogs(): Dialog[] {
  return DOMAIN_IDS.map((d) => SPECIAL[d]?.() ?? new DomainDialog(d));
}
