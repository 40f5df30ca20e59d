// The card template subset: bindings, $data repetition, $when, and a missing value as an error.
import assert from 'node:assert/strict';
import { CardTemplateError, expandTemplate, type Json } from '../../views/cards/card-template';
import { PREPARE_TEMPLATE } from '../../views/cards/prepare-card';

describe('Teams: card templates keep data apart from layout', () => {
  const table: Array<[string, Json, Json, Json]> = [
    ['binds a whole string to any value', { n: '${count}' }, { count: 3 }, { n: 3 }],
    ['interpolates inside a string', { text: 'Hi ${who.name}!' }, { who: { name: 'Alex' } }, { text: 'Hi Alex!' }],
    ['repeats an element over an array', [{ $data: '${items}', t: '${x}' }], { items: [{ x: 'a' }, { x: 'b' }] }, [{ t: 'a' }, { t: 'b' }]],
    ['an empty array repeats nothing', [{ $data: '${items}', t: '${x}' }], { items: [] }, []],
    ['$when false drops the element', [{ $when: '${show}', t: 'x' }, { t: 'y' }], { show: '' }, [{ t: 'y' }]],
    ['$root reaches outside a repeated scope', [{ $data: '${items}', t: '${x}/${$root.sep}' }], { sep: '-', items: [{ x: 'a' }] }, [{ t: 'a/-' }]],
  ];
  for (const [what, template, data, expected] of table) it(what, () => assert.deepEqual(expandTemplate(template, data), expected));

  it('throws on a value the data does not have, rather than printing "undefined"', () => {
    assert.throws(() => expandTemplate({ t: '${missing}' }, {}), CardTemplateError);
  });

  it('the prepare template holds layout only: no wording, every text is a binding', () => {
    const texts = JSON.stringify(PREPARE_TEMPLATE).match(/"text":"[^"]*"/g) ?? [];
    assert.ok(texts.length > 5);
    for (const t of texts) assert.match(t, /\$\{/, t);
  });
});
