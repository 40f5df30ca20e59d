// The one turn-error handler: log the failure (ids only), apologise, and keep what was confirmed untouched.
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { invokeError } from '../adapters/teams/activity';
import { DialogContextError } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import { t } from '../prompts';
import { AccessDeniedError } from '../records/access';
import { RecordSaveError } from '../records/repository';

/** The error a dialog threw, out of the DialogContextError(s) botbuilder-dialogs wraps it in. */
function rootCause(error: unknown): unknown {
  let e = error;
  for (let i = 0; i < 5 && e instanceof DialogContextError; i++) e = e.error;
  return e;
}

/** Builds adapter.onTurnError. A refusal by the access policy is said plainly; dialog state is kept, so the practitioner can answer again. */
export function turnErrorHandler(logger: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    logger.error(
      { event: 'turn_error', error: error.name, cause: (error.cause as Error | undefined)?.name, conversation: context.activity.conversation?.id, channel: context.activity.channelId },
      'turn failed',
    );
    // Why three answers: each says truthfully what happened to the practitioner's words.
    const root = rootCause(error);
    const message = root instanceof AccessDeniedError ? t('common.notAllowed') : root instanceof RecordSaveError ? t('common.saveFailed') : t('common.turnError');
    try {
      // Why first: an invoke left unanswered goes back as HTTP 501 (the bot "does not implement invoke"); a failed
      // Universal Action is a 200 carrying the error, as Teams expects. Setting it sends nothing over the network.
      if (context.activity.type === ActivityTypes.Invoke) await context.sendActivity(invokeError(message));
      await context.sendActivity(message);
    } catch (sendError) {
      logger.error({ event: 'turn_error_reply_failed', error: (sendError as Error).name }, 'could not apologise');
    }
  };
}
