// Prints the size of every card Seen can send, built from the largest allowed answers, as a whole Teams activity (issue 16).
// Run: npx tsx bench/card-sizes.ts
import { asTeamsActivity, CARDS } from './largest-cards';
import { channelOf } from '../views/channels';
import { jsonBytes } from '../views/budget';

let largest = { bytes: 0, name: '' };
for (const [name, channel, build] of CARDS) {
  const sizes = build().map((m) => jsonBytes(asTeamsActivity(m)));
  const max = Math.max(...sizes);
  if (max > largest.bytes) largest = { bytes: max, name: `${name} (${channel})` };
  console.log(`${`${name} (${channel})`.padEnd(28)} activities ${String(sizes.length).padStart(2)}  largest ${String(max).padStart(6)} bytes  limit ${channelOf(channel).maxMessageBytes}`);
}
console.log(`largest activity: ${largest.bytes} bytes (${largest.name})`);
