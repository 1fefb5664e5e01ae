import { describe, expect, it } from 'vitest';
import { parseRichText } from './rich-text.ts';

describe('parseRichText keeps a safe subset of HTML as data', () => {
  it('keeps paragraphs, emphasis, lists and line breaks, and decodes entities', () => {
    expect(
      parseRichText(
        '<p>Think about <i>the last three months</i>.</p><p>No wrong answers&nbsp;&amp; no names<br/>at all</p>',
      ),
    ).toEqual([
      { tag: 'p', children: ['Think about ', { tag: 'em', children: ['the last three months'] }, '.'] },
      { tag: 'p', children: ['No wrong answers & no names', { tag: 'br', children: [] }, 'at all'] },
    ]);
    expect(parseRichText('<B>About</B> <ul><li>one<li>two</ul>')).toEqual([
      { tag: 'strong', children: ['About'] },
      ' ',
      {
        tag: 'ul',
        children: [
          { tag: 'li', children: ['one'] },
          { tag: 'li', children: ['two'] },
        ],
      },
    ]);
  });

  it('drops scripts with their content, event handlers, styles and unsafe links, keeping the text', () => {
    expect(
      parseRichText(
        '<span style="color:red" onclick="x()">Hi</span><script>alert(1)</script><img src=x onerror="alert(2)">' +
          '<a href="javascript:alert(3)">bad</a> <a href="https://example.org/a?b=1&amp;c=2" onmouseover="y()">good</a>' +
          '<!-- note --><style>p{}</style><iframe src="https://evil.example"></iframe>',
      ),
    ).toEqual([
      'Hi',
      { tag: 'a', children: ['bad'] },
      ' ',
      { tag: 'a', href: 'https://example.org/a?b=1&c=2', children: ['good'] },
    ]);
    expect(parseRichText('a < b and <3, unclosed <b>bold')).toEqual([
      'a < b and <3, unclosed ',
      { tag: 'strong', children: ['bold'] },
    ]);
    expect(parseRichText('<script>never closed')).toEqual([]);
  });
});
