import assert from 'node:assert/strict';
import { matchRoute, mayRun, ROUTES } from '../../bot/routes';
import { discussedCommandText, prepareCommandText, writeUpCommandText } from '../../views/command-text';
import { channelOf, isPersonalChat } from '../../views/channels';
import type { User, UserRole } from '../../records/model';

const user = (role: UserRole): User => ({ id: 'u1', name: 'U One', role, team: 'North', aadObjectId: null, disabled: false });

// The route table as a table: what a person types, which route it is, and the argument the dialog gets.
describe('bot: the route table', () => {
  const rows: Array<[string, string | undefined, string | undefined]> = [
    ['prepare', 'prepare', undefined],
    ['Prepare for demo-3!', 'prepare', 'demo-3'],
    ['write up', 'writeUp', undefined],
    ['Write-up DEMO-1', 'writeUp', 'DEMO-1'],
    ['writeup for DEMO-2', 'writeUp', 'DEMO-2'],
    ['write up for', 'writeUp', undefined],
    ['correct DEMO-1', 'correct', 'DEMO-1'],
    ['correct a summary', 'correct', undefined],
    ['  coverage  ', 'coverage', undefined],
    ['coverage for team South', 'coverage', 'South'],
    ['discussed demo-5', 'discussed', 'demo-5'],
    ['discussed', undefined, undefined],
    ['write up DEMO-1 please', undefined, undefined],
    ['prepare; drop table cases', undefined, undefined],
    ['what is coverage', undefined, undefined],
    ['help', undefined, undefined],
    ['', undefined, undefined],
  ];
  for (const [text, name, argument] of rows) {
    it(`${JSON.stringify(text)} -> ${name ?? 'no command'}${argument ? ` (${argument})` : ''}`, () => {
      const m = matchRoute(text);
      assert.equal(m?.route.name, name);
      assert.equal(m?.argument, argument);
    });
  }

  it('every button command text is read back as its own route and case', () => {
    for (const [text, name] of [[prepareCommandText('DEMO-3'), 'prepare'], [writeUpCommandText('DEMO-3'), 'writeUp'], [discussedCommandText('DEMO-3'), 'discussed']]) {
      const m = matchRoute(text);
      assert.equal(m?.route.name, name, text);
      assert.equal(m?.argument, 'DEMO-3', text);
    }
  });

  it('case work is for practitioners and supervisors only; coverage answers everyone (its dialog explains a refusal)', () => {
    const byName = new Map(ROUTES.map((r) => [r.name, r]));
    for (const name of ['prepare', 'writeUp', 'correct']) {
      assert.deepEqual((['practitioner', 'supervisor', 'partnership_lead', 'admin'] as const).filter((r) => mayRun(byName.get(name)!, user(r))), ['practitioner', 'supervisor'], name);
    }
    assert.ok(mayRun(byName.get('coverage')!, user('partnership_lead')));
  });

  it('route names are unique and every route upper-cases a case reference for its dialog', () => {
    assert.equal(new Set(ROUTES.map((r) => r.name)).size, ROUTES.length);
    const m = matchRoute('write up demo-1')!;
    assert.deepEqual(m.route.options(m.argument, user('practitioner')), { userId: 'u1', caseRef: 'DEMO-1' });
  });
});

describe('views: the channel module', () => {
  const rows: Array<[string | undefined, boolean, boolean, boolean, boolean]> = [
    // channel, cards, strips mentions, has a reply deadline, Entra ids
    ['msteams', true, true, true, true],
    ['directline', true, false, false, false],
    ['webchat', true, false, false, false],
    ['emulator', true, false, false, false],
    ['sms', false, false, false, false],
    [undefined, false, false, false, false],
    ['__proto__', false, false, false, false],
  ];
  for (const [id, cards, mentions, deadline, entra] of rows) {
    it(`${id}: cards ${cards}, strips mentions ${mentions}, reply deadline ${deadline}, Entra ids ${entra}`, () => {
      const c = channelOf(id);
      assert.deepEqual([c.cards, c.stripsMentions, Number.isFinite(c.replyDeadlineMs), c.entraIds], [cards, mentions, deadline, entra]);
      assert.ok(c.maxMessageBytes > 0);
    });
  }
  it('Teams takes the smallest messages', () => assert.ok(channelOf('msteams').maxMessageBytes < channelOf('directline').maxMessageBytes));

  const chats: Array<[{ conversationType?: string; isGroup?: boolean } | undefined, boolean]> = [
    [{ conversationType: 'personal' }, true], [{ conversationType: 'groupChat', isGroup: true }, false], [{ conversationType: 'channel' }, false],
    [{ isGroup: true }, false], [{}, true], [undefined, true],
  ];
  for (const [conversation, personal] of chats) it(`${JSON.stringify(conversation)} is ${personal ? '' : 'not '}a personal chat`, () => assert.equal(isPersonalChat(conversation), personal));
});
