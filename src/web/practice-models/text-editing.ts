/** The result of a keyboard edit in the model text: the new text and where the selection goes. */
export interface TextEdit {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

const INDENT = '  ';

/** Tab: two spaces at the cursor, or before every selected line when the selection spans lines. */
export function indentText(text: string, start: number, end: number): TextEdit {
  const selected = text.slice(start, end);
  if (!selected.includes('\n')) {
    const caret = start + INDENT.length;
    return { text: text.slice(0, start) + INDENT + text.slice(end), selectionStart: caret, selectionEnd: caret };
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const block = text.slice(lineStart, end);
  const indented = block.replace(/^/gm, INDENT);
  return {
    text: text.slice(0, lineStart) + indented + text.slice(end),
    selectionStart: start + INDENT.length,
    selectionEnd: end + (indented.length - block.length),
  };
}

/** Shift+Tab: up to two leading spaces removed from every line the selection touches. */
export function outdentText(text: string, start: number, end: number): TextEdit {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const block = text.slice(lineStart, end);
  let removedFirst = 0;
  let removedTotal = 0;
  const outdented = block
    .split('\n')
    .map((line, index) => {
      const removed = /^ {0,2}/.exec(line)?.[0].length ?? 0;
      if (index === 0) removedFirst = removed;
      removedTotal += removed;
      return line.slice(removed);
    })
    .join('\n');
  return {
    text: text.slice(0, lineStart) + outdented + text.slice(end),
    selectionStart: Math.max(lineStart, start - removedFirst),
    selectionEnd: Math.max(lineStart, end - removedTotal),
  };
}

/** Enter: a new line indented like the current one, so lists and maps continue where they are. */
export function newlineWithIndent(text: string, start: number, end: number): TextEdit {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = /^[ ]*/.exec(text.slice(lineStart, start))?.[0] ?? '';
  const insert = `\n${indent}`;
  const caret = start + insert.length;
  return { text: text.slice(0, start) + insert + text.slice(end), selectionStart: caret, selectionEnd: caret };
}
