// The wording every domain dialog needs, checked at start-up.
import { z } from 'zod';
import { Wording } from '../catalog';

/** Wording for one domain: its name, the open question about him, and the follow-ups. */
export const DomainWording = z.object({
  title: Wording,
  question: Wording,
  retry: Wording,
  strengths: Wording,
  concerns: Wording,
  /** Asked after pasted notes when this domain is missing or second-hand: open, about him. */
  followUp: Wording,
  help: Wording,
});
export type DomainWording = z.infer<typeof DomainWording>;
