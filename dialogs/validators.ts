// Prompt validators shared by dialogs: they decide what counts as an answer, never what to say.
import type { PromptValidatorContext } from 'botbuilder-dialogs';

/** A text answer must have at least one non-space character. */
export async function nonEmptyText(prompt: PromptValidatorContext<string>): Promise<boolean> {
  return prompt.recognized.succeeded && (prompt.recognized.value ?? '').trim().length > 0;
}
