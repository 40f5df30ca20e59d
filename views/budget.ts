// The size budget of an outgoing message: views fit cards to the channel's limit (views/channels.ts); bot/size-budget.ts checks every send.
import { t } from '../prompts';
import type { Channel } from './channels';
import type { SummaryLayout } from './exporters/summary-view';

/** Room left for what the channel adds around a card (ids, addresses, conversation, channel data, text above it). */
export const ENVELOPE_BYTES = 3_000;

/** Lengths free text is cut to on a card, longest first; a view takes the first whose card fits. */
export const CLIP_STEPS: readonly number[] = [1_000, 600, 300, 150, 80];

/** The size of a value as JSON, in UTF-8 bytes (what the channel counts). */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/** The bytes a card (or other content) may take on this channel, leaving room for the activity around it. */
export function contentBudget(channel: Pick<Channel, 'maxMessageBytes'>): number {
  return channel.maxMessageBytes - ENVELOPE_BYTES;
}

/** Free text up to `max` characters, then "… (full text in the record)"; shorter text unchanged. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  // Why: never cut a surrogate pair in two (an emoji would turn into a replacement character).
  const end = /[\uD800-\uDBFF]/.test(s[max - 1] ?? '') ? max - 1 : max;
  return `${s.slice(0, end).trimEnd()} ${t('common.clipped')}`;
}

/** Builds with each clip length in turn and returns the first result that fits the budget (else the shortest). */
export function fitToBudget<T>(build: (clipAt: number) => T, budget: number, size: (v: T) => number = jsonBytes): T {
  let last: T | undefined;
  for (const clipAt of CLIP_STEPS) {
    last = build(clipAt);
    if (size(last) <= budget) return last;
  }
  return last!;
}

/** A summary layout with every value and line cut at `clipAt` characters, for chat text (the export keeps them whole). */
export function clipLayout(layout: SummaryLayout, clipAt: number): SummaryLayout {
  return { ...layout, sections: layout.sections.map((s) => ({ ...s, facts: s.facts.map(([k, v]) => [k, clip(v, clipAt)] as [string, string]), lines: s.lines.map((l) => clip(l, clipAt)) })) };
}
