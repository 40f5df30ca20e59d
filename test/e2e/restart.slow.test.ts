// End to end across a crash: Seen as a child process is killed (-9) mid write-up, restarted, and the write-up carries on.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botframework-directlinejs';
import { DOMAIN_WORDING, t } from '../../prompts';
import { DOMAIN_IDS, type DomainId } from '../../records/practice-model';
import { ACCOUNTS, scriptedPractitioner } from '../../bench/practitioner';
import { DlConversation, converse, startConversation, textOf } from '../helpers/directline-client';
import { domainsAnswered, exportCase, freePort, startSeenProcess, type Exported, type SeenProcess } from '../helpers/seen-process';

const ALEX = { id: 'alex', name: 'Alex Morgan' };
/** Stop before answering the fifth domain: the middle of the eight. */
const STOP_AT = 5;

/** The domain whose main question this reply is, if any. */
const domainAsked = (a: Activity): DomainId | undefined => DOMAIN_IDS.find((d) => textOf(a) === DOMAIN_WORDING[d].question);

describe('end to end: a write-up survives kill -9 of the Seen process', function () {
  this.timeout(150_000);
  let dir: string;
  let port: number;
  const procs: SeenProcess[] = [];
  const convs: DlConversation[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-restart-'));
    port = await freePort();
  });

  after(async () => {
    for (const c of convs.splice(0)) c.end();
    for (const p of procs.splice(0)) await p.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reconnects with the same conversation and token after a restart, still at the same question, and saves every answer', async () => {
    const db = join(dir, 'seen.db');
    const first = await startSeenProcess({ port, db });
    procs.push(first);
    const { conversationId, token } = await startConversation(first.base, ALEX);
    const before = new DlConversation(first.base, ALEX, { token, conversationId });
    convs.push(before);
    await before.waitForText(t('common.greeting', { name: 'Alex' }));

    // Half a write-up: case, man, contact and four domains, stopping when the fifth domain's question arrives.
    const domainsSeen = new Set<DomainId>();
    const half = await converse(before, scriptedPractitioner(), 'write up DEMO-1', {
      until: (a) => {
        const d = domainAsked(a);
        if (d) domainsSeen.add(d);
        return domainsSeen.size === STOP_AT;
      },
    });
    const answeredBefore = domainsAnswered(half.map((e) => e.asked));
    assert.equal(answeredBefore.length, STOP_AT - 1, `answered before the kill: ${answeredBefore.join(', ')}`);
    const pending = [...domainsSeen].find((d) => !answeredBefore.includes(d))!;
    const question = DOMAIN_WORDING[pending].question;
    assert.equal(textOf(before.botReplies().at(-1)!), question, 'the last thing said before the kill is the pending question');

    before.end();
    await first.kill9();
    assert.equal(first.child.signalCode, 'SIGKILL');

    const second = await startSeenProcess({ port, db });
    procs.push(second);
    const after = new DlConversation(second.base, ALEX, { token, conversationId });
    convs.push(after);
    await after.waitForText(question, 15_000);
    assert.equal(textOf(after.botReplies().at(-1)!), question, 'history replayed up to the pending question');

    // Contextual help names the topic, then the same question is asked again.
    const count = after.botReplies().length;
    await after.send('help');
    const helped = (await after.settle(count)).map(textOf);
    assert.ok(helped[0]?.startsWith(t('common.helpInDialog', { where: DOMAIN_WORDING[pending].title })), `help was ${JSON.stringify(helped)}`);
    assert.equal(helped.at(-1), question, 'the pending question is asked again after help');

    const saved = t('writeup.saved', { version: 1, man: 'Dan (fictional)', ref: 'DEMO-1' });
    // The pending question is answered as the practitioner would: on its card where cards show, else by typing the account.
    const pendingAnswer = scriptedPractitioner()(after.botReplies().at(-1)! as never) ?? ACCOUNTS[pending];
    const rest = await converse(after, scriptedPractitioner(), pendingAnswer as Parameters<typeof converse>[2], { until: (a) => textOf(a) === saved });
    assert.ok(rest.length > 0);
    const answeredAfter = domainsAnswered(rest.map((e) => e.asked));
    assert.ok(!answeredAfter.some((d) => answeredBefore.includes(d)), 'no domain answered before the kill was asked again');

    const exported = JSON.parse(await exportCase('DEMO-1', 'json', db)) as Exported;
    assert.equal(exported.summaries.length, 1);
    const s = exported.summaries[0]!;
    assert.equal(s.author, 'alex');
    assert.equal(s.version, 1);
    assert.equal(s.contact.seenStatus, 'seen');
    for (const d of [...answeredBefore, pending, ...answeredAfter]) assert.equal(s.domains[d].account, ACCOUNTS[d], `account for ${d}`);
  });
});
