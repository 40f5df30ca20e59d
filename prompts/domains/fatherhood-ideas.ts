// Wording for the fatherhood ideas domain (tier 1): what being a father means to him.
import type { DomainWording } from './types';

/** Fatherhood ideas: his hopes, fears and the model he grew up with. */
export const fatherhoodIdeas: DomainWording = {
  title: 'His ideas of fatherhood',
  question:
    'What does being a dad mean to him? What did he say about his hopes and worries for the baby, the kind of father he wants to be, and what his family, culture or faith expect of him?',
  retry: 'Tell me briefly what he said about being a father, or say **not explored**.',
  strengths: 'What did you hear that he can build on as a father? Say **none noted** if nothing.',
  concerns: 'Anything about his ideas of fathering that worries you (for example rigid expectations of a baby, or seeing care as the mother\'s job)? Say **none noted** if nothing.',
  followUp:
    'His ideas of being a father are missing. What did he say about the kind of dad he wants to be, or what he learned from his own father?',
  help: 'Fatherhood ideas: what being a father means to him, hopes and fears, the model his own father gave him, expectations from his culture, ethnicity, faith or community, and how he sees his part in the baby\'s care.',
};
