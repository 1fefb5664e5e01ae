import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';

/** Where an issue path points in model text: the character range of the key (or item) it names. */
export interface TextLocation {
  start: number;
  end: number;
  /** False when only a parent of the path was found (e.g. a missing field): the range is the parent's. */
  exact: boolean;
}

/** Splits a JSON-like issue path (`components[3].activities[1].id`, `supersedes.idMap["a/b"]`) into keys and indices. */
export function issuePathSegments(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  const pattern = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[\]]+)/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) segments.push(Number(match[1]));
    else if (match[2] !== undefined) segments.push(JSON.parse(match[2]) as string);
    else if (match[3] !== undefined) segments.push(match[3]);
  }
  return segments;
}

const rangeOf = (node: Node | null | undefined): [number, number] | undefined =>
  node?.range ? [node.range[0], node.range[1]] : undefined;

/** A range cut at its first line break, so a whole list item never ends up selected. */
function firstLine(text: string, [start, end]: [number, number], exact: boolean): TextLocation {
  const lineEnd = text.indexOf('\n', start);
  return { start, end: lineEnd === -1 ? end : Math.min(end, lineEnd), exact };
}

/**
 * Finds the text an issue path names in YAML or JSON model text (JSON is read as YAML, which keeps source
 * ranges), so an editor can move the cursor there. Stops at the deepest part of the path that exists;
 * undefined when the text does not parse or the path is the root.
 */
export function locateIssuePath(text: string, path: string): TextLocation | undefined {
  const segments = issuePathSegments(path);
  if (segments.length === 0) return undefined;
  const document = parseDocument(text, { keepSourceTokens: false });
  if (document.errors.length > 0) return undefined;

  let node: unknown = document.contents;
  let found: [number, number] | undefined;
  for (const [index, segment] of segments.entries()) {
    let next: unknown;
    let range: [number, number] | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair) {
        next = pair.value;
        range = rangeOf(pair.key as Node);
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
      range = rangeOf(next as Node | undefined);
    }
    if (!range) return found && firstLine(text, found, false);
    found = range;
    node = next;
    if (index === segments.length - 1) return firstLine(text, found, true);
  }
  return undefined;
}

/** 1-based line of an offset, for "line 12" beside an issue. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** The line a syntax error names in its message (`line 12, column 3: …`), if any. */
export function syntaxErrorLocation(text: string, message: string): TextLocation | undefined {
  const match = /^line (\d+), column (\d+)/.exec(message);
  if (!match) return undefined;
  const line = Number(match[1]);
  const column = Number(match[2]);
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const newline = text.indexOf('\n', offset);
    if (newline === -1) break;
    offset = newline + 1;
  }
  const start = Math.min(text.length, offset + Math.max(0, column - 1));
  return { start, end: start, exact: true };
}
