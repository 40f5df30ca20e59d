import assert from 'node:assert/strict';
import { escapeMarkdown } from '../../views/exporters/markdown';
import { cardText } from '../../views/cards/card-text';

// Notes are shown back in chat, cards and exports: markup in them must arrive as text, never as links or HTML.
const cases: Array<[string, string, string]> = [
  ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;', '&lt;script\\>alert\\(1\\)&lt;/script\\>'],
  ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;', '&lt;img src=x onerror=alert\\(1\\)\\>'],
  ['[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))', '\\[click\\]\\(javascript:alert\\(1\\)\\)'],
  ['**bold** _it_', '\\*\\*bold\\*\\* \\_it\\_', '\\*\\*bold\\*\\* \\_it\\_'],
  ['Dan (fictional)', 'Dan (fictional)', 'Dan \\(fictional\\)'],
];

describe('adapters: escaping user text', () => {
  for (const [input, markdown, card] of cases) {
    it(`shows ${JSON.stringify(input)} as text in Markdown and in cards`, () => {
      assert.equal(escapeMarkdown(input), markdown);
      assert.equal(cardText(input), card);
    });
  }
});
