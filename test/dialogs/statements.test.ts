// Issue 15.1/15.3: who said a sentence, as a table of [sentence, expected teller] and [answer, expected source] rows.
import assert from 'node:assert/strict';
import { answerSource, motherNamedIn, tellerOf } from '../../dialogs/writeup/statements';
import type { KnownPerson } from '../../analysis';

const PEOPLE: KnownPerson[] = [{ name: 'Shannon', role: 'mother' }, { name: 'Ryan', role: 'other_man' }, { name: 'Leo', role: 'baby' }];

describe('dialogs: whose statement it is (issue 15)', () => {
  const tellers: Array<[string, string | null]> = [
    ['Shannon said Kyle drinks a few cans at weekends.', 'Shannon'],
    ['Shannon reported that Kyle gets wound up.', 'Shannon'],
    ['Mum said he punched a door.', 'Shannon'],
    ['According to Ryan, Kyle is out most nights.', 'Ryan'],
    ['The GP reported low mood in 2024.', 'GP'],
    ['Jade said he shouts at the TV.', 'Jade'],
    ['Kyle said he grew up with his nan.', null],
    ['He told me he drinks at weekends.', null],
    ['Leo will not settle in the evenings.', null],
  ];
  for (const [sentence, by] of tellers) it(`"${sentence}" → ${by ?? 'nobody else'}`, () => assert.equal(tellerOf(sentence, 'Kyle', PEOPLE), by));

  const answers: Array<[string, ReturnType<typeof answerSource>]> = [
    ['Did not ask him directly. Shannon said he has been stressed', { source: 'secondhand', by: 'Shannon' }],
    ["Didn't ask him; he seemed tired", { source: 'secondhand', by: null }],
    ['He said he sleeps badly since the baby came', { source: 'him', by: null }],
    ['Kyle told me money is tight', { source: 'him', by: null }],
    ['Worried about the rent', null],
  ];
  for (const [answer, source] of answers) it(`answer "${answer}" → ${JSON.stringify(source)}`, () => assert.deepEqual(answerSource(answer, 'Kyle', PEOPLE), source));

  it('the mother named in the notes themselves, or nobody', () => {
    assert.equal(motherNamedIn('Home visit with Kyle, Mum (Shannon) and baby Leo.'), 'Shannon');
    assert.equal(motherNamedIn('Home visit with Kyle and baby Leo.'), null);
  });
});
