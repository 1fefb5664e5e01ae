import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The rule of src/app's files (README.md, Architecture):
 * - no file of src/app is named `operations.ts`;
 * - a use-case file is a file of src/app named for a function it exports, the name in kebab case
 *   (`create-user.ts` ↔ `createUser`), and it exports that one function and no other. An exported
 *   function is a function declaration, a `const` bound to an arrow or function expression, or any
 *   value re-exported with `export { … }` (it may be a function). Types and other constants may sit
 *   beside it;
 * - every other file of src/app is a helper file, named for what it holds (`partner-records.ts`,
 *   `secrets.ts`), not for one of its functions.
 */

export interface SourceFile {
  /** Relative to the repository, with forward slashes. */
  file: string;
  code: string;
}

/** `createUser` for `create-user.ts`. */
export function functionNameOf(file: string): string {
  return path.posix.basename(file, '.ts').replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

const isExported = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The names of the functions (and re-exported values) a module exports. */
export function exportedFunctions(file: string, code: string): string[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name) names.push(statement.name.text);
    else if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && ts.isIdentifier(declaration.name))
          names.push(declaration.name.text);
      }
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const clause = statement.exportClause;
      if (!clause) names.push(`* from ${statement.moduleSpecifier?.getText(source) ?? ''}`);
      else if (ts.isNamedExports(clause))
        for (const element of clause.elements) if (!element.isTypeOnly) names.push(element.name.text);
    }
  }
  return names;
}

/** Every breach of the rule in `files` (files of src/app), one line each naming the file. */
export function useCaseFileProblems(files: SourceFile[]): string[] {
  const problems: string[] = [];
  for (const { file, code } of files) {
    if (path.posix.basename(file) === 'operations.ts') {
      problems.push(`${file}: src/app holds no operations modules; put each use case in a file named for it`);
      continue;
    }
    const verb = functionNameOf(file);
    const exported = exportedFunctions(file, code);
    if (!exported.includes(verb)) continue;
    const others = exported.filter((name) => name !== verb);
    if (others.length > 0)
      problems.push(
        `${file}: a use-case file exports its one function ${verb}, but also exports ${others.join(', ')}; ` +
          'give each use case its own file and move shared helpers to a helper file',
      );
  }
  return problems;
}

/** The TypeScript files of src/app, but unit tests and declaration files. */
export function appFiles(root: string): SourceFile[] {
  const app = path.join(root, 'src', 'app');
  return readdirSync(app, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => ({
      file: path.posix.join('src/app', f.split(path.sep).join('/')),
      code: readFileSync(path.join(app, f), 'utf8'),
    }));
}
