import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const appSource = path.resolve(import.meta.dirname, '../../../src/web/App.tsx');

const attribute = (element: ts.JsxOpeningLikeElement, name: string): ts.JsxAttribute | undefined =>
  element.attributes.properties.find(
    (property): property is ts.JsxAttribute =>
      ts.isJsxAttribute(property) && ts.isIdentifier(property.name) && property.name.text === name,
  );

const join = (parent: string, child: string): string =>
  child === '*' ? `${parent === '/' ? '' : parent}/*` : `${parent.replace(/\/$/, '')}/${child}`.replace(/^\/\//, '/');

/**
 * Every page of the web app as its URL pattern ("/orgs/:orgId/engagements/:engagementId"), read from the
 * `<Route>` tree of src/web/App.tsx: a route that renders a page (an index route, or a path with no
 * child routes) counts; layout routes only lend their path to their children.
 */
export function appRoutePatterns(): string[] {
  const source = ts.createSourceFile(
    appSource,
    readFileSync(appSource, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const patterns: string[] = [];

  const visit = (node: ts.Node, parentPath: string): void => {
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node)) {
      const opening = ts.isJsxElement(node) ? node.openingElement : node;
      if (opening.tagName.getText(source) === 'Route') {
        const pathValue = attribute(opening, 'path')?.initializer;
        const ownPath = pathValue && ts.isStringLiteral(pathValue) ? join(parentPath, pathValue.text) : parentPath;
        const children = ts.isJsxElement(node)
          ? node.children.filter((child) => ts.isJsxElement(child) || ts.isJsxSelfClosingElement(child))
          : [];
        const isIndex = attribute(opening, 'index') !== undefined;
        if (children.length === 0 && (isIndex || pathValue)) patterns.push(ownPath);
        for (const child of children) visit(child, ownPath);
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, parentPath));
  };
  visit(source, '/');
  return patterns;
}
