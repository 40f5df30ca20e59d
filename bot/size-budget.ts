// The one check on every outgoing message: its size against the channel's budget (views/channels.ts), before and as it is sent.
import type { Activity, Middleware, ResourceResponse, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { t } from '../prompts';
import { channelOf } from '../views/channels';
import { jsonBytes } from '../views/budget';

/** Whether a send failed because the channel found the message too large (Teams: 413 MessageSizeTooBig). */
export function isTooBig(error: unknown): boolean {
  const e = error as { statusCode?: unknown; status?: unknown; code?: unknown; body?: { error?: { code?: unknown } } } | null;
  return e?.statusCode === 413 || e?.status === 413 || e?.code === 'MessageSizeTooBig' || e?.body?.error?.code === 'MessageSizeTooBig';
}

// The short text sent instead of a message the channel cannot take (what happened and where the content is), in the same
// conversation and reply thread, keeping any suggested actions the message offered.
function notice(original: Partial<Activity>, bytes: number, maxBytes: number): Partial<Activity> {
  const kb = (n: number) => Math.ceil(n / 1000);
  const { attachments: _a, attachmentLayout: _l, speak: _s, entities: _e, ...envelope } = original;
  return { ...envelope, type: 'message', text: t('common.messageTooBig', { size: kb(bytes), max: kb(maxBytes) }) };
}

/**
 * Middleware on each adapter (turns and proactive follow-ups alike): a message over the channel's budget is replaced by a
 * short notice; one the channel still refuses as too large is answered by the notice too. Neither throws, so the turn
 * ends normally and the dialog state is saved where it was (the write-up is kept, Confirm works).
 */
export class SizeBudget implements Middleware {
  constructor(private readonly logger: Logger) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (ctx, activities, send) => {
      const max = channelOf(ctx.activity.channelId).maxMessageBytes;
      const sizes = activities.map((a) => jsonBytes(a));
      for (const [i, a] of activities.entries()) {
        if (a.type !== 'message' || sizes[i] <= max) continue;
        this.logger.warn({ event: 'message_over_budget', bytes: sizes[i], max, channel: ctx.activity.channelId }, 'message over the channel size budget; sent a notice instead');
        activities[i] = notice(a, sizes[i], max);
      }
      try {
        return await send();
      } catch (error) {
        if (!isTooBig(error)) throw error;
        this.logger.warn({ event: 'message_refused_too_big', bytes: Math.max(...sizes), max, channel: ctx.activity.channelId }, 'channel refused a message as too large; sent a notice instead');
        // Why the adapter directly: the notice must not pass this handler again; if it fails too, the turn error handler answers.
        const messages = activities.filter((a) => a.type === 'message');
        const replies: ResourceResponse[] = await ctx.adapter.sendActivities(ctx, [notice(messages[0] ?? activities[0], Math.max(...sizes), max)]);
        return activities.map(() => replies[0] ?? { id: '' });
      }
    });
    await next();
  }
}
