// A published screen's items asked one at a time as choice prompts, as a waterfall that replaces itself per item.
import { ChoiceFactory, DialogTurnResult, FoundChoice, ListStyle, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { scoreScreen, type Instrument } from '../../records/screens';
import { t } from '../../prompts';
import { SCREEN_ITEMS } from './screen-items';

/** The state the loop carries; begin it with `{ instrument, answers: [] }`. */
export interface ScreenState {
  instrument: Instrument;
  answers: number[];
}

/** Builds the loop; it ends with the scored ScreenResult once every item is answered. */
export function screenLoopDialog(id: string, choicePrompt: string): WaterfallDialog {
  // Step: one item as a choice prompt, its options in scored order.
  const askItem = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const { instrument, answers } = step.options as ScreenState;
    const items = SCREEN_ITEMS[instrument];
    const item = items[answers.length]!;
    return step.prompt(choicePrompt, {
      prompt: t('substance.screenItem', { instrument, n: answers.length + 1, total: items.length, question: t(item.question) }),
      choices: ChoiceFactory.toChoices(item.options.map((o) => t(o))),
      style: ListStyle.suggestedAction,
    });
  };

  // Step: record the option picked; score once every item is answered, else ask the next.
  const recordItem = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const { instrument, answers } = step.options as ScreenState;
    const next = [...answers, (step.result as FoundChoice).index];
    if (next.length === SCREEN_ITEMS[instrument].length) return step.endDialog(scoreScreen(instrument, next));
    return step.replaceDialog(id, { instrument, answers: next } satisfies ScreenState);
  };

  return new WaterfallDialog(id, [askItem, recordItem]);
}
