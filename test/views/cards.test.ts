// Every card Seen can send, built from the largest allowed answers: a valid Adaptive Card 1.5 (the adaptivecards library,
// no warnings) and under Teams' 28 KB as a whole activity (issue 16). A new card builder must join CARDS in bench/largest-cards.ts.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as AC from 'adaptivecards';
import { ADAPTIVE_CARD } from '../../views/message';
import { channelOf } from '../../views/channels';
import { jsonBytes } from '../../views/budget';
import { asTeamsActivity, CARDS } from '../../bench/largest-cards';

/** The names of the card builders views/cards exports, so a new one cannot be missed here. */
function exportedBuilders(): string[] {
  // Why the files: a builder a helper adds to views/cards fails this test until it is in CARDS.
  const dir = join(__dirname, '..', '..', 'views', 'cards');
  // inputs.ts holds the parts the cards are built from (formCard among them), not a card of its own.
  return readdirSync(dir).filter((f) => f !== 'inputs.ts').flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/^export function (\w+(?:Card|Cards|Message))\(/gm)].map((m) => m[1]!));
}

/** Parse events and validation events from the adaptivecards library, targeting 1.5. */
function cardIssues(content: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(new AC.Version(1, 5));
  card.parse(content, context);
  const issues = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  return [...issues, ...card.validateProperties().validationEvents.map((e) => e.message)];
}

describe('views: every card Seen can send (issue 16)', () => {
  it('lists every card builder views/cards exports', () => {
    const listed = new Set(CARDS.map(([name]) => name));
    for (const name of exportedBuilders()) assert.ok(listed.has(name), `${name} is not in the CARDS table`);
  });

  for (const [name, channel, build] of CARDS) {
    it(`${name} (${channel}), from the largest answers: Adaptive Card 1.5 with no warnings, each activity under ${channelOf(channel).maxMessageBytes} bytes`, () => {
      const sent = build();
      const cards = sent.flatMap((m) => m.attachments ?? []).filter((a) => a.contentType === ADAPTIVE_CARD);
      assert.ok(cards.length > 0, 'sends a card');
      for (const c of cards) {
        assert.equal((c.content as { version: string }).version, '1.5');
        assert.deepEqual(cardIssues(c.content), []);
      }
      for (const m of sent) {
        const bytes = jsonBytes(asTeamsActivity(m));
        assert.ok(bytes <= channelOf(channel).maxMessageBytes, `${bytes} bytes`);
      }
    });
  }

  const broken: Array<[string, object]> = [
    ['an unknown element', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Nope', text: 'x' }] }],
    ['a colour the schema does not have', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x', color: 'Purple' }] }],
    ['two elements with one id', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x', id: 'a' }, { type: 'TextBlock', text: 'y', id: 'a' }] }],
  ];
  for (const [what, card] of broken) it(`the check finds ${what}`, () => assert.notDeepEqual(cardIssues(card), []));
});
