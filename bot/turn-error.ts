// The one turn-error handler: log the failure (ids only), apologise, and keep what was confirmed untouched.
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { t } from '../prompts';
import { AccessDeniedError } from '../records/access';

/** Builds adapter.onTurnError. A refusal by the access policy is said plainly; dialog state is kept, so the practitioner can answer again. */
export function turnErrorHandler(logger: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    logger.error(
      { event: 'turn_error', error: error.name, cause: (error.cause as Error | undefined)?.name, conversation: context.activity.conversation?.id, channel: context.activity.channelId },
      'turn failed',
    );
    try {
      await context.sendActivity(error instanceof AccessDeniedError ? t('common.notAllowed') : t('common.turnError'));
    } catch (sendError) {
      logger.error({ event: 'turn_error_reply_failed', error: (sendError as Error).name }, 'could not apologise');
    }
  };
}
