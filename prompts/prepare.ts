// Wording for preparing a visit: the plan card, the reminders, the practitioner's own safety, and the questions to try with him.
import { z } from 'zod';
import { DOMAIN_IDS, type DomainId } from '../records/practice-model';
import { Wording } from './catalog';

/** The prepare job's own lines (namespace `prepare`). */
export const prepare = {
  where: 'preparing for a visit',
  askCase: 'Which case are you preparing a visit for? Pick one of yours or type its reference.',
  retryCase: 'I cannot find an open case of yours with that reference. Pick one of yours or type its reference.',
  noCases: 'You have no open cases allocated to you, so there is no visit to prepare for yet.',
  unknownCase: 'I cannot find an open case "{ref}" allocated to you. Please check the reference, or pick one of yours.',
  noCasesSupervisor: 'You have no open cases allocated to you. As a supervisor you can read the plan for one of your team\'s cases: type "prepare" and its reference (like "prepare DEMO-2"), or press Prepare on the coverage card.',
  unknownTeamCase: 'I cannot find an open case "{ref}" in your team. Please check the reference; "coverage" lists your team\'s cases.',
  readOnly: 'Read-only: {ref} is allocated to {practitioner}. You can read the plan as their supervisor; the visit and its write-up are theirs. This read is recorded in the audit trail.',
  pickTitle: 'Prepare for a visit',
  pickHint: 'Pick the case you are visiting.',
  pickButton: '{ref}: {baby}',
  ack: 'Getting the record for {ref} ready; the plan will follow here in a moment.',
  title: 'Before your visit: {ref}, {baby}',
  fictional: 'Fictional demo case.',
  menHeading: 'The men in the baby\'s life',
  manLine: '{name}: {role}, {residence}.',
  resident: 'lives with the baby',
  notResident: 'does not live with the baby',
  lastSeen: 'Last seen or spoken to on {date}.',
  neverSeen: 'Not seen or spoken to at any recorded contact.',
  notSeenLast: 'Not seen at the last contact ({date}).',
  noContacts: 'No contact with him recorded yet.',
  offerVisit: 'Offer a visit when he can be there (an evening or a weekend), and contact him directly rather than through the baby\'s mother.',
  aboutHeading: 'About {name}',
  knownLine: '{title}: {account} ({source}, {date})',
  knownEarlier: '{count} earlier entries on this topic are held in the record.',
  knownEarlierOne: '1 earlier entry on this topic is held in the record.',
  fallbackSummary: '{title}. The plan is on a card; open this chat in Teams or web chat to see it.',
  knownNoAccount: 'recorded without detail',
  sourceOwn: 'his own account',
  sourceSecondhand: 'second-hand',
  sourceSecondhandBy: 'second-hand: {by}',
  secondhandOnly: 'only second-hand so far',
  neverLine: 'Never explored: {titles}.',
  nothingNever: 'Every topic has been explored at least once.',
  questionsHeading: 'Questions to try with {name}',
  questionLine: '{question} ({why})',
  why_first_meeting: 'first meeting: start with him and his hopes',
  why_own_account_missing: 'only others\' account so far',
  why_level_unknown: 'level of use not established',
  why_never_explored: 'never explored',
  why_revisit: 'worth revisiting as the baby grows',
  remindersHeading: 'Reminders for {name}',
  reminderCrying: 'Crying messages not yet discussed with him: {messages}.',
  reminderGp: 'Ask for his consent to contact his GP: it has not been sought yet.',
  reminderScreen: 'He has recorded {substance} use and no {instrument} has been done: consider doing it with him.',
  reminderAction: 'Open action agreed {agreed}: {text}',
  reminderActionDue: 'Open action agreed {agreed}, due {due}: {text}',
  reminderSupervision: 'Factors combine ({factors}) and have not been discussed in supervision: raise them.',
  nothingDue: 'No reminders due.',
  askSafety: 'One question about you: do you feel anxious or unsafe about this visit, or about seeing him?',
  jointVisit:
    'Thank you for saying so; that matters. Consider making this a **joint visit** with a colleague, make sure someone knows where you are going and when, and raise it in supervision.',
  safetyNoted: 'Thanks. If that changes on the day, you can leave and rebook it as a joint visit.',
  offerWriteUp: 'After the visit, say **write up {ref}** (or use the button) to record what you learned about him.',
  writeUpButton: 'Write up {ref}',
} as const;

/** The three wording sets per domain: an open question, asking for his own account, and a follow-up where detail is missing. */
const QuestionSet = z.object({
  open: z.array(Wording).min(2),
  ownAccount: z.array(Wording).min(1),
  deepen: z.array(Wording).min(1),
});
export type QuestionSet = z.infer<typeof QuestionSet>;

/** Open, authentic questions to ask him, several per domain so the plan's rules can pick and rotate. `{substance}` is filled. */
export const PREPARE_QUESTIONS: Readonly<Record<DomainId, QuestionSet>> = z.record(z.enum(DOMAIN_IDS), QuestionSet).parse({
  life_history: {
    open: [
      'Who brought you up, and what was that like for you?',
      'Tell me about your own dad, or whoever was a dad to you when you were growing up.',
      'What from your own childhood do you want to pass on to your baby, and what do you want to do differently?',
    ],
    ownAccount: ['I have heard a little about your family from others, but I would rather hear it from you: what was growing up like?'],
    deepen: ['Last time you told me a bit about growing up. Is there anything from back then that comes back to you now you are a dad?'],
  },
  fatherhood_ideas: {
    open: [
      'What does being a dad mean to you?',
      'What kind of dad do you want to be for your baby, and what might get in the way?',
      'What have you enjoyed most about being a dad so far, and what has surprised you?',
    ],
    ownAccount: ['Others have told me how you are with the baby; how do you see your part in looking after them?'],
    deepen: ['How is being a dad turning out compared with what you expected?'],
  },
  frustration_coping: {
    open: [
      'Everyone has times when things get on top of them. What winds you up, and what do you do when it does?',
      'When you are tired and the baby will not settle, what goes through your head, and what helps you stay calm?',
      'How can you tell when you are getting stressed or angry, and what do you do then?',
    ],
    ownAccount: ['I have heard a little about how things can get heated; how would you describe what happens when you get frustrated?'],
    deepen: ['Last time we talked about what winds you up. How have the last few weeks been, especially the tired nights?'],
  },
  substance_use: {
    open: [
      'How do drink or drugs fit into your life at the moment? Talk me through a normal week.',
      'Some dads tell me they drink or smoke more since the baby came, some less. How has it been for you?',
    ],
    ownAccount: ['Others have mentioned drinking or drugs; I would rather hear it from you. What does a usual week look like?'],
    deepen: [
      'You mentioned {substance}. Can you talk me through a typical week: how often, how much, and what it costs?',
      'Thinking about {substance}: on a usual day when you have some, how much is it, and how are you with the baby the next day?',
    ],
  },
  parenting_knowledge: {
    open: [
      'What is it like for you when the baby cries and will not stop? What do you try?',
      'What do you think babies this age need most from their dad?',
      'If you had tried everything and the crying still would not stop, what would you do?',
    ],
    ownAccount: ['Mum has told me a bit about how you help with the baby; what is your side of it: feeds, nights, settling?'],
    deepen: ['What has changed in how you look after the baby since we last spoke?'],
  },
  mental_health: {
    open: [
      'How have you been in yourself since the baby arrived: sleep, mood, stress?',
      'Becoming a dad can stir things up. Is there anything you have struggled with, now or in the past, that you would want us to know about?',
    ],
    ownAccount: ['Others have mentioned you have had a hard time; how would you describe how you are doing?'],
    deepen: ['How are you sleeping and feeling these days, compared with when we last talked?'],
  },
  relationship_safety: {
    open: [
      'How are things between you and the baby\'s mum at the moment? What happens when you disagree?',
      'Having a baby puts a lot on a couple. How do the two of you sort things out when you do not see eye to eye?',
    ],
    ownAccount: ['I have heard mum\'s view of how things are between you; I would like to hear yours. How do you get on when things are tough?'],
    deepen: ['How have things been between the two of you since we last talked?'],
  },
  pressures: {
    open: [
      'What is on your plate at the moment: work, money, housing, anything else?',
      'Is anything making life harder right now, like money, work, or people treating you unfairly?',
    ],
    ownAccount: ['I have heard a bit about money and work from others. How are things for you?'],
    deepen: ['Last time you mentioned what was on your plate. How are work and money now?'],
  },
});
