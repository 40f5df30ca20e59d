// Adaptive Card TextBlocks render a Markdown subset: user text is escaped so markup shows as typed, and only what the channel would turn into markup.
import type { CardMarkdown } from '../channels';

// Teams draws only bold, italic, lists and links in a TextBlock or Fact (no headings, quotes, code or HTML), so brackets,
// parentheses, #, >, ` and ~ stay as typed; a backslash before them would show.
function teamsText(s: string): string {
  return s
    .replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\')
    .replace(/([*_])/g, '\\$1')
    .replace(/\](?=\()/g, '\\]')
    .replace(/^(\s*)([-+])(?=\s)/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s)/gm, '$1\\$2');
}

/** Escapes Markdown (and, for Web Chat, HTML-ish characters) in user text for an Adaptive Card TextBlock or FactSet value. */
export function cardText(s: string, markdown: CardMarkdown = 'commonmark'): string {
  if (markdown === 'teams') return teamsText(s);
  return s.replace(/([\\*_[\]()#`>~])/g, '\\$1').replace(/</g, '&lt;');
}
