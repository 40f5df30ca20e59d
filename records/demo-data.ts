// Clearly fictional demo data: two teams, three users, four cases, earlier contacts on some of them.
import type { Case, Man, SummaryDraft, User } from './model';
import { emptyDomains } from './model';
import type { DomainId } from './practice-model';

/** Demo users: Team North (alex, sam) and Team South (jo). */
export const DEMO_USERS: readonly User[] = [
  { id: 'alex', name: 'Alex Morgan', role: 'practitioner', team: 'North', aadObjectId: '00000000-0000-4000-8000-000000000001', disabled: false },
  { id: 'sam', name: 'Sam Patel', role: 'supervisor', team: 'North', aadObjectId: '00000000-0000-4000-8000-000000000002', disabled: false },
  { id: 'jo', name: 'Jo Reid', role: 'practitioner', team: 'South', aadObjectId: '00000000-0000-4000-8000-000000000003', disabled: false },
  // Coverage (issue 5): a partnership lead who sees anonymised figures only, and two more practitioners with history.
  { id: 'pat', name: 'Pat Okafor', role: 'partnership_lead', team: 'Partnership', aadObjectId: '00000000-0000-4000-8000-000000000004', disabled: false },
  { id: 'lee', name: 'Lee Walsh', role: 'practitioner', team: 'North', aadObjectId: '00000000-0000-4000-8000-000000000005', disabled: false },
  { id: 'kim', name: 'Kim Shah', role: 'practitioner', team: 'South', aadObjectId: '00000000-0000-4000-8000-000000000006', disabled: false },
];

/** Demo cases, each a baby under one (dates relative to the demo's reference day). */
export const DEMO_CASES: readonly Case[] = [
  { ref: 'DEMO-1', babyName: 'Baby Ava (fictional)', babyDob: '2026-09-02', team: 'North', practitionerId: 'alex', open: true, fictional: true },
  { ref: 'DEMO-2', babyName: 'Baby Leo (fictional)', babyDob: '2026-06-15', team: 'North', practitionerId: 'alex', open: true, fictional: true },
  { ref: 'DEMO-3', babyName: 'Baby Isla (fictional)', babyDob: '2026-03-28', team: 'North', practitionerId: 'alex', open: true, fictional: true },
  { ref: 'DEMO-4', babyName: 'Baby Noah (fictional)', babyDob: '2026-08-10', team: 'South', practitionerId: 'jo', open: true, fictional: true },
  { ref: 'DEMO-5', babyName: 'Baby Mia (fictional)', babyDob: '2026-05-04', team: 'North', practitionerId: 'lee', open: true, fictional: true },
  { ref: 'DEMO-6', babyName: 'Baby Finn (fictional)', babyDob: '2026-07-21', team: 'North', practitionerId: 'lee', open: true, fictional: true },
  { ref: 'DEMO-7', babyName: 'Baby Zara (fictional)', babyDob: '2026-06-30', team: 'South', practitionerId: 'kim', open: true, fictional: true },
  { ref: 'DEMO-8', babyName: 'Baby Theo (fictional)', babyDob: '2025-12-01', team: 'North', practitionerId: 'lee', open: false, fictional: true },
];

/** The men in each demo baby's life. */
export const DEMO_MEN: readonly Man[] = [
  { id: 'demo-1-dan', caseRef: 'DEMO-1', name: 'Dan (fictional)', role: 'birth_father', identified: true, resident: true },
  { id: 'demo-2-kyle', caseRef: 'DEMO-2', name: 'Kyle (fictional)', role: 'birth_father', identified: true, resident: false },
  { id: 'demo-2-ryan', caseRef: 'DEMO-2', name: 'Ryan (fictional)', role: 'mothers_partner', identified: true, resident: true },
  { id: 'demo-3-marcus', caseRef: 'DEMO-3', name: 'Marcus (fictional)', role: 'birth_father', identified: true, resident: true },
  { id: 'demo-4-tom', caseRef: 'DEMO-4', name: 'Tom (fictional)', role: 'birth_father', identified: true, resident: true },
  { id: 'demo-5-jordan', caseRef: 'DEMO-5', name: 'Jordan (fictional)', role: 'birth_father', identified: true, resident: true },
  { id: 'demo-6-sean', caseRef: 'DEMO-6', name: 'Sean (fictional)', role: 'birth_father', identified: true, resident: true },
  { id: 'demo-7-lewis', caseRef: 'DEMO-7', name: 'Lewis (fictional)', role: 'stepfather', identified: true, resident: true },
  { id: 'demo-8-owen', caseRef: 'DEMO-8', name: 'Owen (fictional)', role: 'birth_father', identified: true, resident: false },
];

/** A fictional contact where he was seen and these domains were his own account (coverage history). */
function seenContact(caseRef: string, manId: string, date: string, own: readonly DomainId[], extra: Partial<SummaryDraft> = {}): { draft: SummaryDraft; author: string } {
  const domains = emptyDomains();
  for (const d of own) domains[d] = { status: 'covered', account: 'He described this himself (fictional).', strengths: '', concerns: '', notExploredReason: null, evidence: [], statements: [] };
  return {
    author: 'lee',
    draft: {
      caseRef, manId, source: 'guided', domains, substances: [], cryingMessages: [], factors: [], gaps: [], actions: [],
      contact: { date, location: 'Home visit (fictional)', present: 'Mother, father and baby', seenStatus: 'seen', notSeenReason: null },
      infoSought: { agencies: [], consentGiven: null, note: '' }, reflection: { anxious: false, jointVisitSuggested: false, note: '' },
      ...extra,
    },
  };
}

/** More history for the coverage page: Jordan seen long ago with factors combining, Sean and Lewis well assessed, Owen on a closed case. */
export function demoCoverageSummaries(): Array<{ draft: SummaryDraft; author: string }> {
  const all = ['crying_normal', 'comforting_helps', 'ok_to_walk_away', 'never_shake'] as const;
  const gp = { agencies: ['gp' as const], consentGiven: true, note: '' };
  return [
    { ...seenContact('DEMO-5', 'demo-5-jordan', '2026-09-10', ['life_history', 'frustration_coping', 'substance_use'], { source: 'notes', factors: ['childhood_adversity', 'anger_frustration', 'substance_misuse'] }), author: 'lee' },
    { ...seenContact('DEMO-6', 'demo-6-sean', '2026-11-20', ['life_history', 'fatherhood_ideas', 'frustration_coping', 'substance_use', 'parenting_knowledge', 'mental_health'], { cryingMessages: [...all], infoSought: gp }), author: 'lee' },
    { ...seenContact('DEMO-7', 'demo-7-lewis', '2026-11-12', ['life_history', 'fatherhood_ideas', 'frustration_coping', 'parenting_knowledge', 'relationship_safety', 'pressures'], { cryingMessages: ['crying_normal', 'never_shake'], infoSought: gp }), author: 'kim' },
    { ...seenContact('DEMO-8', 'demo-8-owen', '2026-02-01', ['life_history']), author: 'lee' },
  ];
}

/** Earlier contacts, so prepare and coverage have history: DEMO-2 (Ryan not seen) and DEMO-3 (Marcus partly assessed). */
export function demoSummaries(): Array<{ draft: SummaryDraft; author: string }> {
  const notSeen = emptyDomains();
  notSeen.relationship_safety = { status: 'secondhand', account: 'Mother said they argue about money but it is "fine now".', strengths: '', concerns: 'Only the mother\'s view so far.', notExploredReason: null, evidence: [], statements: [] };
  const partly = emptyDomains();
  partly.life_history = { status: 'covered', account: 'He said he grew up with his nan after his dad left; "she kept me on track".', strengths: 'Warm relationship with his nan; wants to be there for his daughter.', concerns: '', notExploredReason: null, evidence: [], statements: [] };
  partly.fatherhood_ideas = { status: 'covered', account: 'He wants to be "the dad I never had", doing bath time every night.', strengths: 'Involved in daily care.', concerns: '', notExploredReason: null, evidence: [], statements: [] };
  partly.substance_use = { status: 'covered', account: 'He said he drinks at weekends.', strengths: '', concerns: 'Amount not established.', notExploredReason: null, evidence: [], statements: [] };
  const base = { source: 'guided' as const, cryingMessages: [], factors: [], actions: [] };
  return [
    {
      author: 'alex',
      draft: {
        ...base, caseRef: 'DEMO-2', manId: 'demo-2-ryan', domains: notSeen, substances: [], gaps: [],
        contact: { date: '2026-10-20', location: 'Home visit (fictional)', present: 'Mother and baby', seenStatus: 'not_seen', notSeenReason: 'At work' },
        infoSought: { agencies: [], consentGiven: null, note: '' }, reflection: { anxious: false, jointVisitSuggested: false, note: '' },
        actions: ['Offer an evening visit so Ryan can attend'],
      },
    },
    {
      author: 'alex',
      draft: {
        ...base, caseRef: 'DEMO-3', manId: 'demo-3-marcus', domains: partly, gaps: [],
        substances: [{ substance: 'alcohol', frequency: 'weekends', amount: '', spend: '', level: 'unknown', screen: null }],
        contact: { date: '2026-11-02', location: 'Home visit (fictional)', present: 'Mother, father and baby', seenStatus: 'seen', notSeenReason: null },
        infoSought: { agencies: ['gp'], consentGiven: true, note: '' }, reflection: { anxious: false, jointVisitSuggested: false, note: '' },
        cryingMessages: ['crying_normal'],
      },
    },
    ...demoCoverageSummaries(),
  ];
}
