// Seen in the Microsoft 365 Agents Playground (issue 16): the real Playground, started against Seen as Teams, driven in
// Chromium offline: a write-up pressing card buttons (Action.Submit, Action.Execute), prepare, coverage as a supervisor,
// and a user Seen does not know. If the Playground cannot start, these tests fail and say why; they never skip.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { DOMAIN_WORDING, t } from '../../prompts';
import { DOMAIN_IDS } from '../../records/practice-model';
import { DEMO_USERS } from '../../records/demo-data';
import { PLAYGROUND_USER } from '../../adapters/teams/playground';
import { ACCOUNTS, cardAnswer, scriptedPractitioner } from '../../bench/practitioner';
import { AgentsPlayground, type PlaygroundMessage } from '../helpers/agents-playground';
import { testDbEnv } from '../helpers/database';

const TEAMS_LIMIT = 28_000;
const ALEX_AAD = DEMO_USERS.find((u) => u.id === 'alex')!.aadObjectId!;
const SAM_AAD = DEMO_USERS.find((u) => u.id === 'sam')!.aadObjectId!;

/** His account in one topic, at exactly `length` characters: the scripted account, then more of the conversation. */
const longAccount = (d: (typeof DOMAIN_IDS)[number], length: number) => {
  const more = ' He went on about this at some length, with examples from the last few weeks at home.';
  return (ACCOUNTS[d] + more.repeat(Math.ceil(length / more.length))).slice(0, length);
};
/** The template of a wording as a pattern matching any filled value. */
const like = (template: string) => new RegExp(`^${template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '[\\s\\S]*?')}$`);
const bytes = (m: PlaygroundMessage) => Buffer.byteLength(JSON.stringify(m));
const cardJson = (m: PlaygroundMessage) => JSON.stringify(m.attachments?.[0]?.content ?? '');

describe('Teams: Seen in the Microsoft 365 Agents Playground (headless, offline)', function () {
  // Why so long: a write-up is some 60 turns through a real browser; on a loaded 2-core machine one took over 6 minutes.
  this.timeout(900_000);
  let dir: string;
  let seen: Seen;
  let pg: AgentsPlayground;
  let largest = 0;

  /** Maps the Playground's fixed user to a Seen user (or to nobody), as `seen users set-aad <id> playground` does. */
  async function playgroundIs(userId: string | null): Promise<void> {
    for (const [id, aad] of [['alex', ALEX_AAD], ['sam', SAM_AAD]] as const) await seen.records.upsertUser({ ...(await seen.records.getUser(id))!, aadObjectId: aad });
    if (userId) await seen.records.upsertUser({ ...(await seen.records.getUser(userId))!, aadObjectId: PLAYGROUND_USER.aadObjectId });
  }

  /** Sends `text` and returns the bot's answer once it settles (and, with `until`, once the answer satisfies it). */
  async function say(text: string, until?: (batch: PlaygroundMessage[]) => boolean): Promise<PlaygroundMessage[]> {
    const from = pg.messages.length;
    await pg.type(text);
    return pg.settle(from, JSON.stringify(text.slice(0, 40)), { until });
  }
  const hasCard = (needle: string) => (batch: PlaygroundMessage[]) => batch.some((m) => cardJson(m).includes(needle));

  /** A write-up question card (Seen's `action: 'answer'`), not the review (whose buttons confirm). */
  const isQuestionCard = (m: PlaygroundMessage) => /"action":"answer"/.test(cardJson(m)) && !/"choice":"(confirm|discard|change)"/.test(cardJson(m));

  /**
   * Fills the latest card in the Playground's UI as the scripted practitioner answers it (each input found by its label,
   * as a person finds it), his account on a topic card being `account`, then presses the button its answer names.
   */
  async function fillCard(m: PlaygroundMessage, account: (d: (typeof DOMAIN_IDS)[number]) => string, present: string): Promise<void> {
    type Input = { type: string; id?: string; label?: string; placeholder?: string; title?: string; isMultiSelect?: boolean; style?: string; choices?: Array<{ title: string; value: string }> };
    const content = m.attachments![0]!.content as { body?: unknown[]; actions?: Array<{ title: string; data?: { choice?: string } }> };
    const values = cardAnswer(content, { present });
    assert.ok(values, `the scripted practitioner cannot answer the card ${cardJson(m).slice(0, 200)}`);
    const domain = DOMAIN_IDS.find((d) => cardJson(m).includes(JSON.stringify(DOMAIN_WORDING[d].question)));
    if (domain && 'account' in values) values['account'] = account(domain);
    const inputs: Input[] = [];
    const walk = (items: unknown[]) => { for (const i of items as Array<Input & { items?: unknown[]; columns?: Array<{ items?: unknown[] }> }>) {
      if (i.type?.startsWith('Input.')) inputs.push(i);
      walk(i.items ?? []); for (const c of i.columns ?? []) walk(c.items ?? []);
    } };
    walk(content.body ?? []);
    const card = pg.page.locator('.ac-adaptiveCard').last();
    for (const input of inputs) {
      if (!input.id || !(input.id in values)) continue;
      const v = String(values[input.id]);
      const name = input.label ?? input.placeholder ?? input.title ?? input.id;
      if (input.type === 'Input.ChoiceSet' && input.style !== 'compact') {
        const wanted = v.split(',');
        for (const c of input.choices ?? []) {
          // The Playground's renderer names a tick box by the set's label too (aria-labelledby); its own title is its aria-label.
          const box = input.isMultiSelect ? card.locator(`input[aria-label=${JSON.stringify(c.title)}]`).first() : card.getByRole('radio', { name: c.title, exact: true }).first();
          if (input.isMultiSelect) await box.setChecked(wanted.includes(c.value));
          else if (wanted.includes(c.value)) await box.check();
        }
      } else if (input.type === 'Input.ChoiceSet') {
        // A compact choice is the Playground's combo box: open it, then pick the option by its title.
        const title = (input.choices ?? []).find((c) => c.value === v)?.title ?? v;
        await card.getByLabel(name, { exact: true }).first().click();
        await pg.page.getByRole('option', { name: title, exact: true }).first().click();
      }
      else if (input.type === 'Input.Toggle') await card.getByLabel(name, { exact: true }).first().setChecked(v === 'true');
      else await card.getByLabel(name, { exact: true }).first().fill(v);
    }
    const button = (content.actions ?? []).find((a) => a.data?.choice === values['choice']) ?? content.actions?.[0];
    assert.ok(button, 'the card has a button');
    await pg.pressCard(button.title);
  }

  /**
   * Drives a write-up from `first` to saved like a practitioner in Teams: answers typed, choices pressed (suggested
   * actions), and "Confirm and save" pressed on the review card as Action.Submit or as Action.Execute.
   */
  async function writeUp(first: string, man: string, ref: string, answers: (d: (typeof DOMAIN_IDS)[number]) => string, confirm: 'submit' | 'execute'): Promise<PlaygroundMessage[]> {
    const scripted = scriptedPractitioner({ 'writeup.askMan': man });
    const saved = like(t('writeup.saved', { version: '{version}', man: '{man}', ref: '{ref}' }));
    let from = pg.messages.length;
    await pg.type(first);
    const all: PlaygroundMessage[] = [];
    let waits = 0;
    for (let turn = 0; turn < 200; turn++) {
      const batch = await pg.settle(from, `turn ${turn} of the write-up`);
      all.push(...batch);
      const done = batch.find((m) => saved.test(m.text ?? ''));
      if (done) {
        assert.match(done.text!, new RegExp(`${man.replace(/[()]/g, '\\$&')} on ${ref}`));
        return all;
      }
      // Why stop here: the turn failed (e.g. the channel refused an activity as too large); waiting would only time out.
      const failed = all.findIndex((m) => m.text === t('common.turnError'));
      if (failed >= 0) throw new Error(`Seen answered "${t('common.turnError')}" at turn ${turn}, after ${JSON.stringify(all[failed - 1]?.text?.slice(0, 120))}`);
      const question = batch.at(-1)!;
      if (isQuestionCard(question)) {
        from = pg.messages.length;
        // His first name among those present, so the contact card records him as seen.
        await fillCard(question, answers, `${man.replace(/ \(fictional\)$/, '')}, mum and the baby`);
        continue;
      }
      const last = [...batch].reverse().find((m) => m.text || m.suggestedActions) ?? batch.at(-1)!;
      const domain = DOMAIN_IDS.find((d) => last.text === DOMAIN_WORDING[d].question);
      const answer = domain ? answers(domain) : scripted(last as never);
      from = pg.messages.length;
      // Why wait: on a loaded machine a topic's introduction and its question can arrive more than a second apart.
      if (answer === undefined && ++waits <= 3) continue;
      if (typeof answer !== 'string') throw new Error(`the scripted practitioner cannot answer ${JSON.stringify(last.text)}`);
      waits = 0;
      const choice = last.suggestedActions?.actions.find((a) => a.title === answer || a.value === answer);
      if (answer === t('writeup.confirm')) await pressConfirm(all, confirm);
      else if (choice?.title) await pg.pressSuggested(choice.title);
      else await pg.type(answer);
    }
    throw new Error('the write-up did not reach "saved" in 200 turns');
  }

  // "Confirm and save" on the review card: pressed as sent (Action.Submit), or on the same card with its buttons as
  // Teams' Universal Actions (Action.Execute, Seen's own data), posted into the chat as the bot would send it.
  async function pressConfirm(messages: PlaygroundMessage[], how: 'submit' | 'execute'): Promise<void> {
    const review = [...messages].reverse().find((m) => /"action":"confirm"|"choice":"confirm"/.test(cardJson(m)));
    assert.ok(review, 'the review card arrived in the Playground');
    if (how === 'submit') return pg.pressCard(t('writeup.confirm'));
    const card = JSON.parse(JSON.stringify(review.attachments![0]!.content)) as { actions?: Array<{ type: string; data?: { action?: string } }> };
    for (const a of card.actions ?? []) if (a.type === 'Action.Submit' && a.data?.action) Object.assign(a, { type: 'Action.Execute', verb: a.data.action });
    // A review that can be changed carries its question id; the reposted copy answers the same question.
    assert.match(JSON.stringify(card), /"type":"Action.Execute"/);
    const before = pg.messages.length;
    await pg.postAsBot({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
    await pg.settle(before, 'the Action.Execute card', { quietMs: 300 });
    await pg.pressCard(t('writeup.confirm'));
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-playground-'));
    const config = loadConfig({ PORT: '0', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'silent' });
    seen = await composeSeen(config, createLogger('silent'));
    const url = (await seen.listen()).url;
    await playgroundIs('alex');
    pg = await AgentsPlayground.start(`${url}/api/messages`);
  });

  afterEach(() => {
    for (const m of pg?.messages ?? []) largest = Math.max(largest, bytes(m));
  });

  after(async () => {
    process.stdout.write(`      largest activity the Playground received from Seen: ${largest} bytes\n`);
    await pg?.close();
    await seen?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts offline and welcomes the mapped user once on install', async () => {
    const greeting = t('common.greeting', { name: 'Alex' });
    await pg.settle(0, 'the install', { quietMs: 3_000 });
    assert.deepEqual(pg.messages.map((m) => m.text), [greeting]);
    // Offline: the UI's only requests off this machine are fonts and an animation from Microsoft's CDN, refused here.
    assert.ok(pg.refused.every((u) => u.startsWith('https://res-1.cdn.office.net/')), `requests off this machine: ${pg.refused.join(', ')}`);
  });

  it('a write-up typed and pressed through to saved, confirmed with the card\'s Action.Submit button', async () => {
    await writeUp('write up DEMO-1', 'Dan (fictional)', 'DEMO-1', (d) => ACCOUNTS[d], 'submit');
    const [latest] = (await seen.records.latestSummaries('DEMO-1')).filter((s) => s.manId === 'demo-1-dan');
    assert.equal(latest?.domains.life_history.account, ACCOUNTS.life_history);
  });

  it('a write-up of 8 topics × 2,000 characters saved with Action.Execute, then prepare shows its plan', async () => {
    await writeUp('write up DEMO-2', 'Kyle (fictional)', 'DEMO-2', (d) => longAccount(d, 2_000), 'execute');
    const kyle = (await seen.records.latestSummaries('DEMO-2')).find((s) => s.manId === 'demo-2-kyle');
    assert.equal(kyle?.domains.pressures.account?.length, 2_000, 'the full answer is in the record');
    const plan = await say('prepare DEMO-2', hasCard('Before your visit: DEMO-2'));
    process.stdout.write(`      8 × 2,000: largest plan message ${Math.max(...plan.map(bytes))} bytes\n`);
  });

  it('a supervisor runs coverage and presses "Prepare DEMO-2": the plan, read-only', async () => {
    await playgroundIs('sam');
    // The coverage card's Prepare buttons carry Seen's own data (issue 16.2).
    await say('coverage', hasCard('{"action":"prepare","caseRef":"DEMO-2"}'));
    const from = pg.messages.length;
    await pg.pressCard(t('coverage.prepareButton', { ref: 'DEMO-2' }));
    const plan = await pg.settle(from, 'Prepare DEMO-2', { until: hasCard('Before your visit: DEMO-2') });
    assert.equal(plan[0]?.text, t('prepare.readOnly', { ref: 'DEMO-2', practitioner: 'Alex Morgan' }));
    assert.ok(!plan.some((m) => m.text === t('prepare.askSafety') || /write up/i.test(JSON.stringify(m.suggestedActions ?? ''))), 'no safety question, no write-up offer');
  });

  it('a user Seen does not know is told who to ask, and sees no case', async () => {
    await playgroundIs(null);
    for (const text of ['help', 'prepare DEMO-2', 'coverage']) assert.deepEqual((await say(text)).map((m) => m.text), [t('common.unknownUser')], text);
  });

  it('a write-up of 8 topics × 20,000 characters saves, and prepare for that case is under 28 KB (issue 16, done-when)', async () => {
    await playgroundIs('alex');
    await writeUp('write up DEMO-3', 'Marcus (fictional)', 'DEMO-3', (d) => longAccount(d, 20_000), 'execute');
    // DEMO-3 already holds an earlier write-up about Marcus (demo data): the one just saved is the newest.
    const marcus = (await seen.records.latestSummaries('DEMO-3')).filter((s) => s.manId === 'demo-3-marcus').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    assert.equal(marcus?.domains.life_history.account?.length, 20_000, 'the full answer is in the record');
    const plan = await say('prepare DEMO-3', hasCard('Before your visit: DEMO-3'));
    const size = Math.max(...plan.map(bytes));
    assert.ok(size < TEAMS_LIMIT, `the plan is ${size} bytes; Teams takes ${TEAMS_LIMIT}`);
  });
});
