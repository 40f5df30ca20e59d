// Heading words in "Heading: text" and bullet notes: who the block is about, where it came from, plans, presence.
import type { Who } from '../types';

/** Heading words that name a person; the lines under them are about that person. */
export const HEADING_PEOPLE: ReadonlyArray<readonly [Who, RegExp]> = [
  ['him', /^(?:dad|father|birth father|fob|partner|mum's partner|stepdad|stepfather|father's views?|dad's views?|dad's account|about dad|him)$/i],
  ['mother', /^(?:mum|mother|mum's views?|mother's views?|mam|maternal)$/i],
  ['baby', /^(?:baby|infant|child|weight|feeding|baby's weight|growth|development|sleep)$/i],
];

/** Headings whose lines come from someone else (records, agencies, the mother). */
export const HEADING_SOURCES = /\b(?:police|pnc|gp|records?|checks?|probation|referral|information from|info from|agency|agencies|mash|history from|mum's views?|mother's views?|mum reports|reported by|per mum|cgl|cmht|previous la|social care)\b/i;

/** Headings whose lines are plans, not coverage. */
export const HEADING_PLANS = /^(?:plan|plans|actions?|next steps?|next visit|to do|todo|follow[- ]?up|outstanding|for next visit|agreed actions|recommendations?)$/i;

/** Headings listing who was there. */
export const HEADING_PRESENT = /^(?:present|people present|in attendance|attendees|seen|who was present|present at visit|persons present)$/i;
