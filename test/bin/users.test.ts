import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from '../../bin/cli';
import { openTestDb, dbArgs } from '../helpers/database';
import { SqlCaseRecords } from '../../adapters/sql/case-records';
import { seedDemo } from '../../records/demo-seed';
import { fixedClock } from '../helpers/records';
import { PLAYGROUND_USER } from '../../adapters/teams/playground';
import { usersFromCsv } from '../../bin/commands/users-input';
import type { Db } from '../../adapters/sql/database';

const GUID_A = '6f1c2e7a-3b4d-4c5e-8f60-1a2b3c4d5e6f';
const GUID_B = '7a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d';

// `seen users`: every sub-command, every refusal, the audit trail, and an import that either happens entirely or not at all.
describe('bin: seen users', () => {
  let dir: string;
  let file: string;
  let db: Db;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-users-'));
    file = join(dir, 'seen.db');
    db = await openTestDb(file);
    await seedDemo(new SqlCaseRecords(db, fixedClock));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: async () => Buffer.from(stdin) };
    const code = await main(['users', ...args, ...dbArgs(file)], io);
    return { code, out, err };
  }
  const records = () => new SqlCaseRecords(db, fixedClock);
  const userAudit = async () => db.all<{ actor: string; operation: string; detail: string }>("SELECT actor, operation, detail FROM audit_log WHERE operation LIKE 'user%' ORDER BY seq");
  const snapshot = async () => JSON.stringify(await db.all('SELECT * FROM users ORDER BY id'));

  it('adds a user, who is then found by Entra object id, and audits it', async () => {
    const r = await run(['add', 'ria', '--name', 'Ria Khan', '--role', 'practitioner', '--team', 'North', '--aad', GUID_A.toUpperCase()]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /added ria \(practitioner, North\), Entra object id 6f1c2e7a/);
    assert.equal((await records().getUserByAadObjectId(GUID_A))?.id, 'ria', 'stored lower-case, as Entra sends it');
    assert.deepEqual((await userAudit()).at(-1), { actor: (await userAudit()).at(-1)!.actor, operation: 'user.add', detail: 'user:ria' });
    assert.match((await userAudit()).at(-1)!.actor, /^cli:/);
  });

  it('changes role and team, and a disabled user is no longer found by Entra object id (sign-in and Teams refuse them)', async () => {
    assert.equal((await run(['set-role', 'ria', 'supervisor'])).code, 0);
    assert.equal((await run(['set-team', 'ria', 'South'])).code, 0);
    const disabled = await run(['disable', 'ria']);
    assert.equal(disabled.code, 0);
    assert.match(disabled.out, /ria is disabled/);
    assert.equal(await records().getUserByAadObjectId(GUID_A), undefined);
    assert.deepEqual(await records().getUser('ria'), { id: 'ria', name: 'Ria Khan', role: 'supervisor', team: 'South', aadObjectId: GUID_A, disabled: true });
    assert.equal((await run(['enable', 'ria'])).code, 0);
    assert.equal((await records().getUserByAadObjectId(GUID_A))?.id, 'ria');
    assert.deepEqual((await userAudit()).slice(-4).map((e) => [e.operation, e.detail]), [
      ['user.update', 'user:ria:role'], ['user.update', 'user:ria:team'], ['user.disable', 'user:ria:disabled'], ['user.enable', 'user:ria:enabled'],
    ]);
  });

  it('maps the Agents Playground\'s fixed user to a Seen user with set-aad playground', async () => {
    const r = await run(['set-aad', 'alex', 'playground']);
    assert.equal(r.code, 0, r.err);
    assert.equal((await records().getUserByAadObjectId(PLAYGROUND_USER.aadObjectId))?.id, 'alex');
    assert.equal((await run(['set-aad', 'alex', '00000000-0000-4000-8000-000000000001'])).code, 0, 'and back to the demo GUID');
  });

  it('lists every user, disabled ones included, as a table and as JSON (and audits the listing)', async () => {
    const table = await run(['list']);
    assert.equal(table.code, 0);
    assert.match(table.out, /^sam +supervisor +North +00000000-0000-4000-8000-000000000002 +active +Sam Patel$/m);
    const json = JSON.parse((await run(['list', '--json'])).out) as { users: Array<{ id: string }> };
    assert.deepEqual(json.users.map((u) => u.id).sort(), ['alex', 'jo', 'kim', 'lee', 'pat', 'ria', 'sam']);
    assert.equal((await userAudit()).at(-1)!.operation, 'users.list');
  });

  // [arguments, exit code, what stderr says]: each refusal changes nothing.
  const refusals: Array<[string[], number, RegExp]> = [
    [[], 2, /name a sub-command/],
    [['rename', 'x'], 2, /unknown sub-command "rename"/],
    [['add', 'new1', '--name', 'N', '--role', 'boss', '--team', 'North'], 2, /role: a role is one of practitioner, supervisor, partnership_lead, admin/],
    [['add', 'new1', '--role', 'practitioner', '--team', 'North'], 2, /name: a name is required/],
    [['add', 'bad id!', '--name', 'N', '--role', 'practitioner', '--team', 'North'], 2, /id: a user id is 1 to 64 letters/],
    [['add', 'new1', '--name', 'N', '--role', 'practitioner', '--team', 'North', '--aad', '...a1ex'], 2, /an Entra object id is a GUID/],
    [['add', 'sam', '--name', 'N', '--role', 'practitioner', '--team', 'North'], 1, /a user with id sam already exists; nothing was changed/],
    [['add', 'new1', '--name', 'N', '--role', 'practitioner', '--team', 'North', '--aad', '00000000-0000-4000-8000-000000000002'], 1, /already belongs to user sam; nothing was changed/],
    [['set-role', 'nobody', 'admin'], 1, /no user with id nobody/],
    [['set-role', 'sam'], 2, /set-role needs a user id and a value/],
    [['set-team', 'sam', 'North', 'extra'], 2, /unexpected argument extra/],
    [['disable', 'sam', '--role', 'admin'], 2, /--role belongs to add/],
    [['disable', 'sam', '--as', 'jo'], 3, /jo is not allowed to do this/],
    [['import'], 2, /import needs a user id/],
    [['import', '/no/such/file.csv'], 1, /cannot read \/no\/such\/file.csv: ENOENT/],
  ];
  for (const [args, code, says] of refusals) {
    it(`refuses ${JSON.stringify(args)} with exit ${code}`, async () => {
      const before = await snapshot();
      const r = await run(args);
      assert.equal(r.code, code, r.err);
      assert.match(r.err, says);
      assert.equal(await snapshot(), before);
    });
  }

  it('runs as an admin given with --as, and the trail names them', async () => {
    await records().upsertUser({ id: 'ada', name: 'Ada Admin', role: 'admin', team: 'Admin', aadObjectId: null, disabled: false });
    assert.equal((await run(['set-team', 'lee', 'South', '--as', 'ada'])).code, 0);
    assert.equal((await userAudit()).at(-1)!.actor, 'ada');
    await run(['disable', 'ada']);
    assert.equal((await run(['set-team', 'lee', 'North', '--as', 'ada'])).code, 3, 'a disabled admin is refused too');
  });

  it('imports a CSV in one go: adds, updates and leaves unchanged, and says which', async () => {
    const csv = join(dir, 'ok.csv');
    writeFileSync(csv, `id,name,role,team,aad_object_id\r\nnia,"Nia Bell, RN",practitioner,North,${GUID_B}\r\nsam,Sam Patel,supervisor,North,00000000-0000-4000-8000-000000000002\r\nkim,Kim Shah,supervisor,South,00000000-0000-4000-8000-000000000006\r\n`);
    const r = await run(['import', csv]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /1 added \(nia\), 1 updated \(kim\), 1 unchanged \(sam\)/);
    assert.equal((await records().getUserByAadObjectId(GUID_B))?.name, 'Nia Bell, RN');
    assert.equal((await records().getUser('kim'))?.role, 'supervisor');
    assert.deepEqual((await userAudit()).at(-1), { actor: (await userAudit()).at(-1)!.actor, operation: 'users.import', detail: 'added:1:updated:1:unchanged:1' });
  });

  it('reads the CSV from standard input with -', async () => {
    const r = await run(['import', '-'], 'id,name,role,team,disabled\nlee,Lee Walsh,practitioner,North,yes\n');
    assert.equal(r.code, 0, r.err);
    assert.equal((await records().getUser('lee'))?.disabled, true);
  });

  it('an import with bad rows names every bad line and writes nothing', async () => {
    const before = await snapshot();
    const auditBefore = (await userAudit()).length;
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, `id,name,role,team,aad_object_id\nzed,Zed,practitioner,North,\nyan,Yan,boss,North,\nzed,Zed Again,practitioner,North,\n"wen",Wen,practitioner,North,not-a-guid\n`);
    const r = await run(['import', csv]);
    assert.equal(r.code, 1);
    assert.match(r.err, /bad\.csv line 3: role: a role is one of/);
    assert.match(r.err, /bad\.csv line 4: user id zed is already on line 2/);
    assert.match(r.err, /bad\.csv line 5: aad_object_id: an Entra object id is a GUID/);
    assert.match(r.err, /nothing was imported \(3 lines to fix\)/);
    assert.equal(await snapshot(), before);
    assert.equal((await userAudit()).length, auditBefore);
  });

  it('an import whose Entra object id belongs to a user outside the file rolls back entirely', async () => {
    const before = await snapshot();
    const r = await run(['import', '-'], `id,name,role,team,aad_object_id\nnew2,New Two,practitioner,North,\nnew3,New Three,practitioner,North,00000000-0000-4000-8000-000000000002\n`);
    assert.equal(r.code, 1);
    assert.match(r.err, /already belongs to user sam; nothing was changed/);
    assert.equal(await snapshot(), before, 'new2 (a good row before it) was not kept either');
  });

  // [csv, line, what it says]: the file's shape is checked before any row.
  const shapes: Array<[string, number, RegExp]> = [
    ['', 1, /the file is empty/],
    ['id,name,role\nx,y,admin\n', 1, /missing column team/],
    ['id,name,role,team,email\n', 1, /unknown column email/],
    ['id,name,role,team\n', 1, /no users after the header line/],
    ['id,name,role,team\nx,"unclosed,admin,T\n', 2, /a quoted field is never closed/],
    ['id,name,role,team\nx,y,admin\n', 2, /3 fields, the header has 4/],
    ['id,name,role,team\nx,a"b,admin,T\n', 2, /a quote inside an unquoted field/],
  ];
  for (const [csv, line, says] of shapes) {
    it(`CSV ${JSON.stringify(csv)} is refused at line ${line}`, () => {
      const { users, errors } = usersFromCsv(csv);
      assert.deepEqual(users, []);
      assert.equal(errors[0].line, line);
      assert.match(errors[0].message, says);
    });
  }
});
