/**
 * The HTML of an instrument's text (REDCap labels, descriptive fields, section headers) reduced to a
 * small safe subset: paragraphs, line breaks, bold, italic, underline, lists and web or mail links.
 * The result is a tree of plain data that the survey page renders as elements; no HTML string from
 * an instrument is ever handed to the browser to parse. Other tags are dropped and their text kept;
 * the content of script, style and similar elements is dropped with them; attributes are dropped,
 * but for a link's address when it is http, https or mailto.
 */

export type RichTag = 'p' | 'br' | 'strong' | 'em' | 'u' | 'ul' | 'ol' | 'li' | 'a';
export type RichNode = string | { tag: RichTag; href?: string; children: RichNode[] };

/** HTML tags read as one of ours. */
const tagFor: Record<string, RichTag> = {
  p: 'p',
  div: 'p',
  br: 'br',
  b: 'strong',
  strong: 'strong',
  h1: 'strong',
  h2: 'strong',
  h3: 'strong',
  h4: 'strong',
  h5: 'strong',
  h6: 'strong',
  i: 'em',
  em: 'em',
  u: 'u',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  a: 'a',
};

/** Elements whose content is not text to show. */
const dropWithContent = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'svg',
  'math',
]);

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Decodes numeric and the common named HTML entities; others are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) return codePoint(parseInt(code.slice(2), 16), whole);
    if (code.startsWith('#')) return codePoint(Number(code.slice(1)), whole);
    return entities[code.toLowerCase()] ?? whole;
  });
}

const codePoint = (value: number, whole: string): string =>
  Number.isInteger(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : whole;

function safeHref(attributes: string): string | undefined {
  const match = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
  const href = decodeEntities(match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim();
  return /^(https?:\/\/|mailto:)/i.test(href) ? href : undefined;
}

/** Parses HTML into the safe subset; unbalanced tags are closed where they must be. */
export function parseRichText(html: string): RichNode[] {
  const root: { children: RichNode[] } = { children: [] };
  const open: { tag: RichTag; children: RichNode[] }[] = [];
  const current = () => open.at(-1) ?? root;
  const addText = (text: string) => {
    if (text === '') return;
    const children = current().children;
    const last = children.at(-1);
    if (typeof last === 'string') children[children.length - 1] = last + text;
    else children.push(text);
  };
  const token = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let at = 0;
  for (let match = token.exec(html); match; match = token.exec(html)) {
    addText(decodeEntities(html.slice(at, match.index)));
    at = token.lastIndex;
    const name = match[2]?.toLowerCase();
    if (name === undefined) continue; // a comment
    const closing = match[1] === '/';
    if (!closing && dropWithContent.has(name)) {
      const end = new RegExp(`</${name}\\s*>`, 'ig');
      end.lastIndex = at;
      const found = end.exec(html);
      at = found ? end.lastIndex : html.length;
      token.lastIndex = at;
      continue;
    }
    const tag = tagFor[name];
    if (!tag) continue;
    if (tag === 'br') {
      if (!closing) current().children.push({ tag: 'br', children: [] });
      continue;
    }
    if (closing) {
      const index = open.map((o) => o.tag).lastIndexOf(tag);
      if (index >= 0) open.length = index;
      continue;
    }
    // As in HTML, a new item or paragraph ends the one still open.
    if ((tag === 'li' || tag === 'p') && open.at(-1)?.tag === tag) open.pop();
    const href = tag === 'a' ? safeHref(match[3] ?? '') : undefined;
    const node = { tag, ...(href ? { href } : {}), children: [] as RichNode[] };
    current().children.push(node);
    open.push(node);
  }
  addText(decodeEntities(html.slice(at)));
  return root.children;
}
