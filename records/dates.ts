// Reading a contact date the way practitioners type it, against an injected "today" (never the real clock).

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** yyyy-mm-dd for a UTC date. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

// Builds a UTC date, rejecting overflow such as 31 February.
function utcDate(y: number, m: number, d: number): Date | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : undefined;
}

/** Parses "today", "yesterday", "3 days ago", "last monday", "2026-11-20", "20/11/2026", "20 Nov"; undefined if unreadable or in the future. */
export function parseContactDate(text: string, today: Date): string | undefined {
  const s = text.trim().toLowerCase();
  const base = utcDate(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate())!;
  const daysBack = (n: number) => new Date(base.getTime() - n * 86_400_000);
  let date: Date | undefined;
  let m: RegExpExecArray | null;
  if (s === 'today') date = base;
  else if (s === 'yesterday') date = daysBack(1);
  else if ((m = /^(\d{1,2}) days? ago$/.exec(s))) date = daysBack(Number(m[1]));
  else if ((m = /^(?:last |on )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/.exec(s))) {
    const diff = (base.getUTCDay() - WEEKDAYS.indexOf(m[1]) + 7) % 7 || 7;
    date = daysBack(diff);
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) date = utcDate(+m[1], +m[2], +m[3]);
  else if ((m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s))) date = utcDate(+m[3], +m[2], +m[1]);
  else if ((m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]{3})[a-z]*(?: (\d{4}))?$/.exec(s)) && MONTHS.includes(m[2])) {
    const month = MONTHS.indexOf(m[2]) + 1;
    date = utcDate(m[3] ? +m[3] : base.getUTCFullYear(), month, +m[1]);
    if (date && !m[3] && date > base) date = utcDate(base.getUTCFullYear() - 1, month, +m[1]);
  }
  if (!date || date > base) return undefined;
  return isoDay(date);
}

const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Wednesday 25 November 2026" for a yyyy-mm-dd day, so a parsed date can be shown back in words. */
export function longDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = WEEKDAYS[date.getUTCDay()]!;
  return `${weekday[0]!.toUpperCase()}${weekday.slice(1)} ${d} ${LONG_MONTHS[m - 1]} ${y}`;
}
