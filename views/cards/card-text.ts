// Adaptive Card TextBlocks render a Markdown subset: user text is escaped so markup shows as typed.

/** Escapes Markdown and HTML-ish characters for an Adaptive Card TextBlock or FactSet value. */
export function cardText(s: string): string {
  return s.replace(/([\\*_[\]()#`>~])/g, '\\$1').replace(/</g, '&lt;');
}
