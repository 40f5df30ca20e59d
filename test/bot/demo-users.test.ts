import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { createLogger } from '../../bot/logger';
import { t } from '../../prompts';
import { testDbEnv } from '../helpers/database';

// Issue 15 item 12: the demo picker names each role in words from prompts/, never the stored id `partnership_lead`.
describe('bot: the demo picker names roles in words', function () {
  this.timeout(30_000);
  let dir: string;
  let seen: Seen;
  let users: Array<{ id: string; role: string; roleLabel: string }>;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-picker-'));
    seen = await composeSeen(loadConfig({ PORT: '0', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'silent', SEEN_DEMO: '1' }), createLogger('silent'));
    const { url } = await seen.listen();
    users = ((await (await fetch(`${url}/api/demo-users`)).json()) as { users: typeof users }).users;
  });
  after(async () => {
    await seen.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rows: Array<[string, string]> = [
    ['pat', t('common.userRolePartnershipLead')],
    ['sam', t('common.userRoleSupervisor')],
    ['alex', t('common.userRolePractitioner')],
  ];
  for (const [id, label] of rows) it(`${id} → "${label}"`, () => assert.equal(users.find((u) => u.id === id)?.roleLabel, label));

  it('no label is a raw role id', () => {
    assert.ok(users.length >= 3);
    for (const u of users) assert.doesNotMatch(u.roleLabel, /_|^(practitioner|supervisor|admin)$/, u.id);
  });

  it('the page shows the label, not the stored role', () => {
    const page = readFileSync(join(__dirname, '..', '..', 'web', 'chat.js'), 'utf8');
    assert.match(page, /u\.roleLabel/);
    assert.doesNotMatch(page, /textContent = u\.role \+/);
  });
});
