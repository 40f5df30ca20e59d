// Every domain's wording, keyed by the practice model's domain id and validated at start-up.
import { z } from 'zod';
import { DOMAIN_IDS, type DomainId } from '../../records/practice-model';
import { DomainWording } from './types';
import { lifeHistory } from './life-history';
import { fatherhoodIdeas } from './fatherhood-ideas';
import { frustrationCoping } from './frustration-coping';
import { substanceUse } from './substance-use';
import { parentingKnowledge } from './parenting-knowledge';
import { mentalHealth } from './mental-health';
import { relationshipSafety } from './relationship-safety';
import { pressures } from './pressures';

/** Domain wording for all eight domains; a missing domain or empty wording fails at start-up. */
export const DOMAIN_WORDING: Readonly<Record<DomainId, DomainWording>> = z
  .object(Object.fromEntries(DOMAIN_IDS.map((d) => [d, DomainWording])) as Record<DomainId, typeof DomainWording>)
  .strict()
  .parse({
    life_history: lifeHistory,
    fatherhood_ideas: fatherhoodIdeas,
    frustration_coping: frustrationCoping,
    substance_use: substanceUse,
    parenting_knowledge: parentingKnowledge,
    mental_health: mentalHealth,
    relationship_safety: relationshipSafety,
    pressures,
  });
