// How far two labellers agree on the same notes, scored exactly as the analyser is: the second labeller's labels are
// read as if they were a reading of each note. Its figures are the ceiling an analyser can be expected to reach.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DOMAIN_IDS, type GapCode } from '../records/practice-model';
import { loadCorpus, NoteLabel } from './corpus';
import { expectedGaps, formatReport, scoreReadings, type EvalReport, type Scored } from './eval';

/** A label as a reading: its statuses, its gaps (the domain gaps included), how he was seen and the substance levels. */
export function labelAsReading(l: NoteLabel): Scored {
  return {
    gaps: [...expectedGaps(l)].map((k) => {
      const [code, domain] = k.split(':');
      return { code: code as GapCode, domain };
    }),
    domains: Object.fromEntries(DOMAIN_IDS.map((d) => [d, { status: l.domains[d] ?? 'absent' }])) as Scored['domains'],
    facts: { seen: { status: l.seen }, substances: Object.entries(l.substances).map(([substance, level]) => ({ substance, level })) },
  };
}

/** A second labeller's labels: a set's folder, or a labels.json of the same notes kept on its own. */
function secondLabels(second: string): NoteLabel[] {
  if (!second.endsWith('.json')) return loadCorpus(second).map((n) => n.label);
  return z.object({ notes: z.array(NoteLabel) }).parse(JSON.parse(readFileSync(second, 'utf8'))).notes;
}

/** Scores `second`'s labels against `first`'s on the notes both labelled (by id); `first` is the reference. */
export function agreement(first: string, second: string): EvalReport {
  const theirs = new Map(secondLabels(second).map((l) => [l.id, l]));
  return scoreReadings(loadCorpus(first), (n) => {
    const other = theirs.get(n.label.id);
    return other && other.name.split(/\s+/)[0] === n.label.name.split(/\s+/)[0] ? labelAsReading(other) : undefined;
  });
}

// CLI: `npm run agreement:analysis -- FIRST_DIR SECOND_DIR_OR_LABELS_JSON` prints the agreement in the eval's own table.
if (require.main === module) {
  const [first, second] = process.argv.slice(2);
  if (!first || !second) {
    process.stderr.write('usage: npx tsx analysis/agreement.ts FIRST_DIR SECOND (the folder of a set, or a second labels.json for the same notes)\n');
    process.exitCode = 2;
  } else {
    process.stdout.write(`agreement of ${second} with ${first}, on the notes both labelled about the same man\n${formatReport(agreement(first, second))}\n`);
  }
}
