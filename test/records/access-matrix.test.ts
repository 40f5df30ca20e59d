import assert from 'node:assert/strict';
import { allowed, AccessDeniedError, OPERATIONS, type Operation, type Target } from '../../records/access';
import type { User, UserRole } from '../../records/model';
import { ScopedRecords } from '../../records/scoped-records';
import { demoRecords } from '../helpers/records';
import { emptyDomains, type SummaryDraft } from '../../records/model';

// The expected matrix, written out by hand from the rules (not derived from the policy table).
// Columns: own case (allocated to the user, their team) | team case (their team, someone else's) | other team's case.
type Row = [allowOwn: boolean, allowTeam: boolean, allowOther: boolean];
const EXPECTED: Record<UserRole, Record<Operation, Row>> = {
  practitioner: {
    'case.list': [true, false, false], 'case.read': [true, false, false], 'case.write': [true, false, false], 'supervision.record': [false, false, false],
    'coverage.team': [false, false, false], 'coverage.partnership': [false, false, false], 'subject.export': [false, false, false], 'audit.read': [false, false, false], 'users.manage': [false, false, false],
  },
  supervisor: {
    'case.list': [true, true, false], 'case.read': [true, true, false], 'case.write': [true, false, false], 'supervision.record': [true, true, false],
    'coverage.team': [true, true, false], 'coverage.partnership': [true, true, true], 'subject.export': [true, true, false], 'audit.read': [true, true, false], 'users.manage': [false, false, false],
  },
  partnership_lead: {
    'case.list': [false, false, false], 'case.read': [false, false, false], 'case.write': [false, false, false], 'supervision.record': [false, false, false],
    'coverage.team': [false, false, false], 'coverage.partnership': [true, true, true], 'subject.export': [false, false, false], 'audit.read': [false, false, false], 'users.manage': [false, false, false],
  },
  admin: {
    'case.list': [false, false, false], 'case.read': [false, false, false], 'case.write': [false, false, false], 'supervision.record': [false, false, false],
    'coverage.team': [false, false, false], 'coverage.partnership': [false, false, false], 'subject.export': [false, false, false], 'audit.read': [true, true, true], 'users.manage': [true, true, true],
  },
};

const user = (role: UserRole): User => ({ id: `u-${role}`, name: role, role, team: 'North', aadObjectId: null, disabled: false });
const targets = (u: User): [string, Target][] => [
  ['own case', { team: 'North', practitionerId: u.id }],
  ['team case', { team: 'North', practitionerId: 'someone-else' }],
  ['other team case', { team: 'South', practitionerId: 'someone-else' }],
];

describe('records: a disabled user', () => {
  for (const role of Object.keys(EXPECTED) as UserRole[]) {
    it(`a disabled ${role} may do nothing at all (every operation, every target)`, () => {
      const u = { ...user(role), disabled: true };
      const granted = OPERATIONS.flatMap((op) => targets(u).filter(([, t]) => allowed(u, op, t)).map(([w]) => `${op} on ${w}`));
      assert.deepEqual(granted, []);
    });
  }
});

describe('records: access policy, role × operation × team', () => {
  let cells = 0;
  for (const role of Object.keys(EXPECTED) as UserRole[]) {
    for (const op of OPERATIONS) {
      const u = user(role);
      targets(u).forEach(([label, target], i) => {
        cells++;
        const expected = EXPECTED[role][op][i];
        it(`${role} ${expected ? 'may' : 'may not'} ${op} on ${label}`, () => assert.equal(allowed(u, op, target), expected));
      });
    }
  }
  it('covers every role, operation and team position', () => assert.equal(cells, 4 * OPERATIONS.length * 3));
});

describe('records: ScopedRecords enforces the policy on real records', () => {
  const draft = (caseRef: string, manId: string): SummaryDraft => ({
    caseRef, manId, source: 'guided', domains: emptyDomains(), substances: [], cryingMessages: [], factors: [], gaps: [], actions: [],
    contact: { date: '2026-11-25', location: 'Home', present: 'Him', seenStatus: 'seen', notSeenReason: null },
    infoSought: { agencies: [], consentGiven: null, note: '' }, reflection: { anxious: null, jointVisitSuggested: false, note: '' },
  });

  const table: Array<[string, string, (s: ScopedRecords) => Promise<unknown>, 'allow' | 'deny' | 'notFound']> = [
    ['alex reads her own case', 'alex', (s) => s.getCase('DEMO-1'), 'allow'],
    ['alex cannot read jo\'s case', 'alex', (s) => s.getCase('DEMO-4'), 'deny'],
    ['alex saves on her own case', 'alex', (s) => s.saveSummary(draft('DEMO-1', 'demo-1-dan')), 'allow'],
    ['alex cannot save on jo\'s case', 'alex', (s) => s.saveSummary(draft('DEMO-4', 'demo-4-tom')), 'deny'],
    ['alex cannot list men on jo\'s case', 'alex', (s) => s.listMen('DEMO-4'), 'deny'],
    ['sam (supervisor, North) reads alex\'s summaries', 'sam', (s) => s.latestSummaries('DEMO-3'), 'allow'],
    ['sam cannot read South\'s case', 'sam', (s) => s.latestSummaries('DEMO-4'), 'deny'],
    ['sam cannot write on alex\'s case', 'sam', (s) => s.saveSummary(draft('DEMO-1', 'demo-1-dan')), 'deny'],
    ['an unknown case is not found, not allowed', 'alex', (s) => s.listMen('NOPE-1'), 'notFound'],
  ];
  for (const [what, userId, act, outcome] of table) {
    it(what, async () => {
      const { db, records } = await demoRecords();
      try {
        const scoped = new ScopedRecords(records, (await records.getUser(userId))!);
        const before = (await records.latestSummaries('DEMO-1')).length + (await records.latestSummaries('DEMO-4')).length;
        if (outcome === 'allow') await act(scoped);
        else await assert.rejects(act(scoped), outcome === 'deny' ? AccessDeniedError : /not found/);
        const after = (await records.latestSummaries('DEMO-1')).length + (await records.latestSummaries('DEMO-4')).length;
        if (outcome !== 'allow') assert.equal(after, before, 'a refused write changes nothing');
      } finally {
        await db.close();
      }
    });
  }
});
