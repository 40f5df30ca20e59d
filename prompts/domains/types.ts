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
  help: Wording,
});
export type DomainWording = z.infer<typeof DomainWording>;
