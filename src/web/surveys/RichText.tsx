import { Fragment, type ReactNode } from 'react';
import { parseRichText, type RichNode } from '../../domain/measurement/rich-text.ts';

function render(nodes: readonly RichNode[]): ReactNode[] {
  return nodes.map((node, i) => {
    if (typeof node === 'string') return <Fragment key={i}>{node}</Fragment>;
    const children = render(node.children);
    switch (node.tag) {
      case 'br':
        return <br key={i} />;
      case 'a':
        return node.href ? (
          <a key={i} href={node.href} target="_blank" rel="noopener noreferrer">
            {children}
          </a>
        ) : (
          <Fragment key={i}>{children}</Fragment>
        );
      default: {
        const Tag = node.tag;
        return <Tag key={i}>{children}</Tag>;
      }
    }
  });
}

/** An instrument's HTML text (a descriptive field, a section header) as elements of the safe subset of `parseRichText`. */
export function RichText({ html }: { html: string }) {
  return <>{render(parseRichText(html))}</>;
}
