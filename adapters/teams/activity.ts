// Teams-shaped activities made ordinary: @mentions of the bot stripped, Action.Execute invokes read and answered.
import { ActivityTypes, TurnContext, type Activity, type AdaptiveCardInvokeResponse, type Attachment, type InvokeResponse } from 'botbuilder';
import { z } from 'zod';

/** The invoke name Teams uses for Adaptive Card Universal Actions (Action.Execute). */
export const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

/** Removes `<at>Seen</at>` (the bot's own mention) from a message's text, so commands read the same in a chat or a channel. */
export function stripBotMention(activity: Activity): void {
  if (activity.type !== 'message' || typeof activity.text !== 'string') return;
  if (activity.entities?.some((e) => e.type === 'mention')) TurnContext.removeRecipientMention(activity);
  // Why: some clients send the <at> tag without a mention entity; the bot's own name is the only tag we remove.
  const name = activity.recipient?.name;
  if (name) activity.text = activity.text.split(`<at>${name}</at>`).join(' ');
  activity.text = activity.text.replace(/\s+/g, ' ').trim();
}

/** The value Teams sends with an `adaptiveCard/action` invoke; only Action.Execute is accepted. */
export const AdaptiveCardActionValue = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    id: z.string().max(200).optional(),
    data: z.record(z.string(), z.unknown()).default({}),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
}).loose();
export type AdaptiveCardActionValue = z.infer<typeof AdaptiveCardActionValue>;

/** The card submission an Action.Execute carries: its data, with the verb as the action when the data has none. */
export function executeToSubmit(value: AdaptiveCardActionValue): Record<string, unknown> {
  const { action, ...rest } = value.action.data;
  // Why: Teams adds its own keys to data on some clients; only ours travel on.
  delete (rest as Record<string, unknown>)['msteams'];
  return { action: action ?? value.action.verb, ...rest };
}

/** An invoke answer that shows a short message to the user who pressed the button. */
export function invokeMessage(text: string): InvokeResponse<AdaptiveCardInvokeResponse> {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as unknown as AdaptiveCardInvokeResponse['value'] } };
}

/** An invoke answer that replaces the card the button was on. */
export function invokeCard(card: Attachment): InvokeResponse<AdaptiveCardInvokeResponse> {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptiveCard', value: card.content } };
}

/** The invokeResponse activity for a turn that failed: HTTP 200 with the Universal Actions error shape, statusCode 500. */
export function invokeError(message: string): Partial<Activity> {
  const body = { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'ServiceError', message } };
  return { type: ActivityTypes.InvokeResponse, value: { status: 200, body } satisfies InvokeResponse };
}

/**
 * An invoke answer for a value Seen cannot read: the Universal Actions error shape (statusCode 400 in the body) on an
 * HTTP 200, so Teams shows the message on the card (and Seen's HTTP guard, which blanks 4xx bodies, passes it on).
 */
export function invokeBadRequest(message: string): InvokeResponse<AdaptiveCardInvokeResponse> {
  return { status: 200, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } as unknown as AdaptiveCardInvokeResponse['value'] } };
}

/**
 * A turn context that shows an invoke to the bot as the message it stands for, sharing the invoke's state and
 * connector, so a button press runs the same routing and dialogs as typing; the adapter still answers the invoke.
 */
export class MessageFromInvokeContext extends TurnContext {
  private readonly message: Activity;

  constructor(invoke: TurnContext, value: unknown) {
    super(invoke);
    // Why: TurnContext.copyTo (botbuilder 4.23) copies `_services` but the state lives in `_turnState`; share the same map, so
    // the connector client, the invoke response and the cached conversation state are the invoke's own.
    (this as unknown as { _turnState: unknown })._turnState = invoke.turnState;
    this.message = { ...invoke.activity, type: 'message', name: undefined, text: '', value } as Activity;
  }

  override get activity(): Activity {
    return this.message;
  }
}
