// Cue phrases for each of the eight domains (domains.txt); a cue counts only in a clause attributed to him.
import { DOMAIN_IDS, type DomainId } from '../../records/practice-model';
import { list } from './load';

/** One list per domain, named `<prefix>.<domain>`. */
function perDomain(prefix: string): Record<DomainId, readonly string[]> {
  const out = {} as Record<DomainId, readonly string[]>;
  for (const d of DOMAIN_IDS) out[d] = list('domains', `${prefix}.${d}`);
  return out;
}

/** Regex alternatives (whole words, case-insensitive) that signal each domain. */
export const DOMAIN_CUES = perDomain('DOMAIN_CUES');
/** Heading words that name a domain ("Drugs: denies."). */
export const HEADING_DOMAINS = perDomain('HEADING_DOMAINS');
