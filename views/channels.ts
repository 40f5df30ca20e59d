// What each channel Seen talks through can do: the one place that knows channel ids (Teams, Seen's web chat, the Emulator).
import type { AuditPath } from '../records/audit';

/**
 * `teams`: the subset Teams documents for TextBlock and Fact (bold, italic, lists, links; no headings, quotes, code or HTML).
 * `commonmark`: Web Chat's renderer (markdown-it), which also draws headings, quotes, code and strikethrough.
 */
export type CardMarkdown = 'teams' | 'commonmark';

/** One channel's behaviour, answered once here so dialogs, the bot and the audit trail never test a channel id. */
export interface Channel {
  /** Adaptive Cards render; otherwise Seen sends text with suggested actions. */
  readonly cards: boolean;
  /** The bot's @mention arrives inside the message text and is stripped before routing. */
  readonly stripsMentions: boolean;
  /** How long a turn may wait for slow work before acknowledging and following up (Infinity: no deadline). */
  readonly replyDeadlineMs: number;
  /** People are known by their Entra object id (`aadObjectId`), never by the channel's own user id. */
  readonly entraIds: boolean;
  /** The largest message (the whole activity, as JSON) Seen sends on this channel, in bytes; checked once before sending (bot/size-budget.ts). */
  readonly maxMessageBytes: number;
  /** Which Markdown the channel's card TextBlocks render, so card text escapes only what would become markup there. */
  readonly cardMarkdown: CardMarkdown;
  /** How records calls from this channel appear in the audit trail. */
  readonly auditPath: AuditPath;
  /**
   * How an export reaches the person: `inline` attaches the files as data: URLs inside the (authenticated) conversation,
   * which Web Chat shows as downloads; `link` sends a signed, short-lived link (Teams bots cannot attach files in a
   * personal chat); `none` sends the copyable text only.
   */
  readonly files: 'inline' | 'link' | 'none';
}

// Why 5 s: Teams gives a bot about 15 s per turn, so slow work acknowledges well inside it and follows up.
const TEAMS_REPLY_DEADLINE_MS = 5_000;
// Why 28 KB: the largest activity Teams accepts from a bot (larger ones get 413 MessageSizeTooBig); the Agents Playground
// says msteams too and takes about 100 KB. Web chat: 100 KB, the Playground's figure; a card beyond it is unreadable anyway
// and every message is kept in Seen's Direct Line store (its inbound body limit is 1 MB).
const TEAMS_MAX_BYTES = 28_000;
const DIRECT_LINE_MAX_BYTES = 100_000;

const WEB_CHAT: Channel = { cards: true, stripsMentions: false, replyDeadlineMs: Infinity, entraIds: false, maxMessageBytes: DIRECT_LINE_MAX_BYTES, cardMarkdown: 'commonmark', auditPath: 'chat', files: 'inline' };

/** Every channel Seen knows, by Bot Framework channel id; a new channel (or quirk) is one entry here. */
export const CHANNELS: Readonly<Record<string, Channel>> = {
  msteams: { cards: true, stripsMentions: true, replyDeadlineMs: TEAMS_REPLY_DEADLINE_MS, entraIds: true, maxMessageBytes: TEAMS_MAX_BYTES, cardMarkdown: 'teams', auditPath: 'teams', files: 'link' },
  directline: { ...WEB_CHAT, auditPath: 'directline' },
  webchat: WEB_CHAT,
  emulator: WEB_CHAT,
};

/** Any other Bot Framework chat: plain text and buttons, no deadline, the channel's user id. */
export const OTHER_CHANNEL: Channel = { cards: false, stripsMentions: false, replyDeadlineMs: Infinity, entraIds: false, maxMessageBytes: DIRECT_LINE_MAX_BYTES, cardMarkdown: 'commonmark', auditPath: 'chat', files: 'none' };

/** The behaviour of the channel a message came through. */
export function channelOf(channelId: string | undefined): Channel {
  return (channelId !== undefined && Object.hasOwn(CHANNELS, channelId) ? CHANNELS[channelId] : undefined) ?? OTHER_CHANNEL;
}

/**
 * Whether the conversation is a one-to-one chat, the only place case content may appear: Teams says `personal`,
 * `groupChat` or `channel`; Seen's web chat and the Emulator say nothing and are always one person with Seen.
 */
export function isPersonalChat(conversation: { conversationType?: string; isGroup?: boolean } | undefined): boolean {
  if (!conversation) return true;
  if (conversation.isGroup === true) return false;
  return conversation.conversationType === undefined || conversation.conversationType === 'personal';
}

/** Keys channels add to a card button's data (Teams' `msteams`, Web Chat's card-action wrapper): stripped before Seen reads it. */
export const CARD_DATA_WRAPPERS: readonly string[] = ['msteams', '__isBotFrameworkCardAction', 'cardAction'];

/**
 * Whether the channel announces a personal install with installationUpdate (Teams), so the welcome waits for that and
 * ignores members joining (Teams adds only the bot; the Playground sends both at once, which would welcome twice).
 */
export function welcomesOnInstall(channelId: string | undefined): boolean {
  return channelId === 'msteams';
}
