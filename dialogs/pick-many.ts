// A "pick each, then Done" loop over a fixed set of options, as a waterfall that replaces itself per pick.
import { ChoiceFactory, DialogTurnResult, FoundChoice, ListStyle, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { t, type PromptKey } from '../prompts';

/** One option of the loop: the id recorded and the key of its button label. */
export interface PickOption<I extends string> {
  id: I;
  label: PromptKey;
}

/** What the loop asks and offers; `vars` fill placeholders in `first` and `more`. */
export interface PickManyConfig<I extends string> {
  /** This loop's dialog id. */
  id: string;
  /** The id of a ChoicePrompt registered beside this loop. */
  choicePrompt: string;
  options: readonly PickOption<I>[];
  /** The first question. */
  first: PromptKey;
  /** The question after a pick; gets `{picked}`. */
  more: PromptKey;
  done: PromptKey;
  none: PromptKey;
  /** When set, each option already picked is offered as a button to take it off again (gets `{factor}`). */
  remove?: PromptKey;
}

/** The state the loop carries between picks; pass `{ picked: [] }` (plus any `vars`) to begin it. */
export interface PickState<I extends string> {
  picked: I[];
  vars?: Record<string, string>;
}

/** Builds the loop; it ends with the ids picked, in the order picked (empty for "none"). */
export function pickManyDialog<I extends string>(config: PickManyConfig<I>): WaterfallDialog {
  const state = (step: WaterfallStepContext): PickState<I> => (step.options as PickState<I> | undefined) ?? { picked: [] };
  const label = (id: I): string => t(config.options.find((o) => o.id === id)!.label);

  // Step: offer the options not yet picked, with None first time and Done after that.
  const ask = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const { picked, vars = {} } = state(step);
    const left = config.options.filter((o) => !picked.includes(o.id));
    if (left.length === 0) return step.endDialog(picked);
    const finish = t(picked.length === 0 ? config.none : config.done);
    const prompt = picked.length === 0 ? t(config.first, vars) : t(config.more, { ...vars, picked: picked.map(label).join(', ') });
    const removes = config.remove ? picked.map((id) => t(config.remove!, { factor: label(id) })) : [];
    return step.prompt(config.choicePrompt, {
      prompt,
      choices: ChoiceFactory.toChoices([...left.map((o) => t(o.label)), finish, ...removes]),
      style: ListStyle.suggestedAction,
    });
  };

  // Step: Done or None ends the loop; any other pick is added and the loop asks again.
  const record = async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
    const current = state(step);
    const value = (step.result as FoundChoice).value;
    if (value === t(config.done)) return step.endDialog(current.picked);
    if (value === t(config.none)) return step.endDialog([]);
    const removed = config.remove ? current.picked.find((id) => t(config.remove!, { factor: label(id) }) === value) : undefined;
    const option = config.options.find((o) => t(o.label) === value);
    const picked = removed ? current.picked.filter((id) => id !== removed) : option ? [...current.picked, option.id] : current.picked;
    return step.replaceDialog(config.id, { ...current, picked } satisfies PickState<I>);
  };

  return new WaterfallDialog(config.id, [ask, record]);
}
