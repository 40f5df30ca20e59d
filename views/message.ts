// Messages and card attachments as plain data, shaped as Bot Framework activities are, so views need no SDK.

/** The content type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** A card attachment (structurally a Bot Framework Attachment). */
export interface CardAttachment { contentType: string; content: unknown }

/** A message (structurally a Partial<Activity>), as the SDK's MessageFactory builds them. */
export interface ViewMessage {
  type: 'message';
  text?: string;
  attachments?: CardAttachment[];
  attachmentLayout?: 'list';
  inputHint: 'acceptingInput';
}

/** An Adaptive Card attachment. */
export function adaptiveCard(content: object): CardAttachment {
  return { contentType: ADAPTIVE_CARD, content };
}

/** A text message. */
export function textMessage(text: string): ViewMessage {
  return { type: 'message', text, inputHint: 'acceptingInput' };
}

/** A message carrying one card, with optional text above it. */
export function cardMessage(card: CardAttachment, text?: string): ViewMessage {
  return { type: 'message', attachmentLayout: 'list', attachments: [card], inputHint: 'acceptingInput', ...(text ? { text } : {}) };
}
