// Shared helper for steps: who a cue at a position in a clause is about.
import type { Clause, Mention, Who } from '../types';

/** Who a cue at `pos` is about: the nearest person mentioned before it, else the clause's subject. */
export function whoAt(c: Clause, pos: number): Who {
  let best: Who | null = null;
  let prev: Mention | null = null;
  for (const m of c.mentions) {
    if (m.who === 'unknown') continue;
    if (m.end <= pos || (m.start <= pos && m.end > pos)) {
      // "he and Fiona share a bottle": both of them, so him too.
      const joined = prev && /^\s+(?:and|&|\+)\s+$/.test(c.text.slice(prev.end, m.start)) && (isHim(prev.who) || isHim(m.who));
      best = joined ? 'couple' : m.who;
      prev = m;
    }
  }
  const who = best ?? c.subject;
  return who === 'female' ? 'mother' : who;
}

/** The agent of the clause's content: the first person after any reporting verb, else the subject. */
export function agentOf(c: Clause, reportEnd: number): Who {
  const m = c.mentions.find((x) => x.start >= reportEnd && x.who !== 'unknown') ?? c.mentions.find((x) => x.who !== 'unknown');
  const who = m?.who ?? c.subject;
  return who === 'female' ? 'mother' : who;
}

/** True for a cue about him (or "they" including him). */
export function isHim(who: Who): boolean {
  return who === 'him' || who === 'couple';
}
