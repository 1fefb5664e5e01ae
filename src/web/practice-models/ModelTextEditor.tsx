import { Box, Input } from '@mantine/core';
import { useRef, type KeyboardEvent, type Ref } from 'react';
import classes from './ModelTextEditor.module.css';
import { indentText, newlineWithIndent, outdentText, type TextEdit } from './text-editing.ts';

const LINE_HEIGHT_PX = 20;

interface ModelTextEditorProps {
  id: string;
  label: string;
  description: string;
  value: string;
  onChange: (text: string) => void;
  textareaRef: Ref<HTMLTextAreaElement>;
  invalid: boolean;
  describedBy?: string;
}

/** Scrolls a textarea so that an offset's line is in view, a few lines from the top. */
export function revealOffset(textarea: HTMLTextAreaElement, start: number, end: number): void {
  const line = textarea.value.slice(0, start).split('\n').length;
  textarea.focus();
  textarea.setSelectionRange(start, end);
  textarea.scrollTop = Math.max(0, (line - 4) * LINE_HEIGHT_PX);
}

/**
 * A monospace text editor with line numbers. Tab and Shift+Tab indent by two spaces and Enter keeps the
 * indentation; Escape releases Tab for one press, so keyboard users can always move on.
 */
export function ModelTextEditor({
  id,
  label,
  description,
  value,
  onChange,
  textareaRef,
  invalid,
  describedBy,
}: ModelTextEditorProps) {
  const gutter = useRef<HTMLDivElement>(null);
  const tabReleased = useRef(false);
  const lineCount = value.split('\n').length;

  const apply = (textarea: HTMLTextAreaElement, edit: TextEdit) => {
    onChange(edit.text);
    // The new value renders first; then the selection can be placed in it.
    requestAnimationFrame(() => textarea.setSelectionRange(edit.selectionStart, edit.selectionEnd));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const textarea = event.currentTarget;
    const { selectionStart: start, selectionEnd: end } = textarea;
    if (event.key === 'Escape') {
      tabReleased.current = true;
      return;
    }
    if (event.key === 'Tab' && !tabReleased.current && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      apply(textarea, event.shiftKey ? outdentText(value, start, end) : indentText(value, start, end));
    } else if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      apply(textarea, newlineWithIndent(value, start, end));
    }
    tabReleased.current = false;
  };

  return (
    <Input.Wrapper id={id} label={label} description={description}>
      <Box
        mt={6}
        className={classes.frame}
        style={{
          display: 'flex',
          border: `1px solid ${invalid ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-gray-4)'}`,
          borderRadius: 'var(--mantine-radius-md)',
          overflow: 'hidden',
          height: 'min(55vh, 640px)',
          minHeight: 320,
          fontFamily: 'var(--mantine-font-family-monospace)',
          fontSize: 13,
          lineHeight: `${LINE_HEIGHT_PX}px`,
        }}
      >
        <div
          ref={gutter}
          aria-hidden
          style={{
            overflow: 'hidden',
            padding: '8px 8px 28px 4px',
            minWidth: `${String(lineCount).length + 2}ch`,
            textAlign: 'right',
            color: 'var(--mantine-color-dimmed)',
            background: 'var(--mantine-color-gray-0)',
            borderRight: '1px solid var(--mantine-color-gray-3)',
            userSelect: 'none',
            whiteSpace: 'pre',
          }}
        >
          {Array.from({ length: lineCount }, (_, index) => index + 1).join('\n')}
        </div>
        <textarea
          id={id}
          ref={textareaRef}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          onScroll={(event) => {
            if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
          }}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          wrap="off"
          aria-invalid={invalid}
          aria-describedby={[`${id}-description`, describedBy].filter(Boolean).join(' ')}
          style={{
            flex: 1,
            border: 0,
            outline: 'none',
            resize: 'none',
            padding: 8,
            font: 'inherit',
            lineHeight: 'inherit',
            whiteSpace: 'pre',
            overflow: 'auto',
            tabSize: 2,
          }}
        />
      </Box>
    </Input.Wrapper>
  );
}
