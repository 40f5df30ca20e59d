// Typed access to a waterfall's step values, which botbuilder types as a bare object.
import type { WaterfallStepContext } from 'botbuilder-dialogs';

/** The step values as a partial of the record this dialog is building. */
export function bag<T extends object>(step: WaterfallStepContext): Partial<T> {
  return step.values as Partial<T>;
}
