// Who speaks each line of a call transcript: from a speaker heading ("Dad:", "HV:"), or, with no labels, from dash lines.
import { escapeRx } from '../lexicon/util';
import type { Ctx, People, Who } from '../types';

const PROFESSIONAL_HEADING = /^(?:hv|sw|fsw|gp|me|worker|midwife|cpn|nurse|officer|duty sw|practitioner|interviewer|pc \w+)$/i;

/** Who speaks on a transcript line, from its heading: him, another named person, or a professional. */
export function transcriptSpeaker(h: string | null, p: People, body: string): Who | 'professional' | null {
  const t = h?.trim();
  if (!t || t.split(/\s+/).length > 2) return null;
  if (PROFESSIONAL_HEADING.test(t)) return 'professional';
  // "Scott: Carly said Scott 'never hit me'": a heading the body speaks of by name, with "me" only inside quotes, is a topic.
  const unquoted = body.replace(/"[^"]*"?/g, ' ');
  if (new RegExp(`\\b${escapeRx(t)}\\b`).test(body) && !/\b(?:i|i'm|i've|my|me)\b/i.test(unquoted)) return null;
  if (!/\b(?:i|i'm|i've|my|me|we|you|hiya|hello|hi|yeah|yes|no)\b/i.test(unquoted) && body.split(/\s+/).length > 6) return null;
  if (t === p.name || p.aliases?.includes(t) || /^(?:dad|father)$/i.test(t)) return 'him';
  const w = p.names.get(t);
  return w && w !== 'baby' ? (w === 'female' ? 'mother' : w) : null;
}

/**
 * An unlabelled call transcript ("- Thanks for ringing back, Jake." / "- Yeah, no bother."): a call note with at least four
 * dash lines, two of them questions. Returns, per line start, who speaks: a line asking a question is the practitioner's,
 * any other dash line his.
 */
export function dashDialogue(ctx: Ctx): Map<number, 'him' | 'professional'> | null {
  const opening = ctx.sentences.slice(0, 2).map((x) => x.text).join(' ');
  if (!/\b(?:phone|telephone|call|rang|ringing)\b/i.test(opening)) return null;
  const lines = [...ctx.text.matchAll(/^[ \t]*[-–•][ \t]+(.*)$/gm)];
  if (lines.length < 4 || lines.filter((m) => /\?\s*$/.test(m[1]!) && /\byou\b/i.test(m[1]!)).length < 2) return null;
  return new Map(lines.map((m) => [m.index!, /\?/.test(m[1]!) ? 'professional' : 'him'] as const));
}

/** Who speaks on the dash line holding this sentence, in an unlabelled call transcript. */
export function dashSpeaker(dialogue: Map<number, 'him' | 'professional'> | null, text: string, start: number): 'him' | 'professional' | null {
  if (!dialogue || start < 0) return null;
  return dialogue.get(text.lastIndexOf('\n', start) + 1) ?? null;
}
