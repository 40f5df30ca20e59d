import assert from 'node:assert/strict';
import { escapeMarkdown } from '../../views/exporters/markdown';
import { cardText } from '../../views/cards/card-text';
import { channelOf } from '../../views/channels';

// Notes are shown back in chat, cards and exports: markup in them must arrive as text, never as links or HTML.
// Columns: input, chat Markdown (null: not this table's concern), Web Chat card (markdown-it: CommonMark), Teams card (Teams' documented subset: bold, italic,
// lists, links; no headings, quotes, code or HTML, so a backslash before ( ) # > ` ~ would show in Teams: issue 16.5).
const cases: Array<[string, string | null, string, string]> = [
  ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;', '&lt;script\\>alert\\(1\\)&lt;/script\\>', '<script>alert(1)</script>'],
  ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;', '&lt;img src=x onerror=alert\\(1\\)\\>', '<img src=x onerror=alert(1)>'],
  ['[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))', '\\[click\\]\\(javascript:alert\\(1\\)\\)', '[click\\](javascript:alert(1))'],
  ['**bold** _it_', '\\*\\*bold\\*\\* \\_it\\_', '\\*\\*bold\\*\\* \\_it\\_', '\\*\\*bold\\*\\* \\_it\\_'],
  ['Jordan (fictional)', 'Jordan (fictional)', 'Jordan \\(fictional\\)', 'Jordan (fictional)'],
  ['[redacted] #2 > ~x~ `y`', null, '\\[redacted\\] \\#2 \\> \\~x\\~ \\`y\\`', '[redacted] #2 > ~x~ `y`'],
  ['- not a list\n2. nor this', null, '- not a list\n2. nor this', '\\- not a list\n2\\. nor this'],
  ['C:\\temp\\*', null, 'C:\\\\temp\\\\\\*', 'C:\\temp\\\\\\*'],
];

describe('adapters: escaping user text', () => {
  for (const [input, markdown, webChat, teams] of cases) {
    it(`shows ${JSON.stringify(input)} as text in Markdown, in Web Chat cards and in Teams cards`, () => {
      if (markdown !== null) assert.equal(escapeMarkdown(input), markdown);
      assert.equal(cardText(input), webChat);
      assert.equal(cardText(input, channelOf('webchat').cardMarkdown), webChat);
      assert.equal(cardText(input, channelOf('msteams').cardMarkdown), teams);
    });
  }
});
