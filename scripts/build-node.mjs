// Builds the server and the CLI into dist/node (`npm run build:node`): esbuild bundles the sources from
// src/cli/praxis.ts, so Node reads a few large files instead of resolving and compiling about 1,300
// modules of ours and of libraries at every start (the server's start took 2.1 s, mostly that). Each
// command's module is imported when the command runs, so it becomes a chunk of its own in
// dist/node/chunks, and `praxis --version` or `praxis stats` load no server code. Types are checked by
// `npm run typecheck`; this build only emits.
import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist/node');

/**
 * Packages left to Node: native addons, packages that read files of their own at run time (fonts,
 * static assets, worker scripts), the PostgreSQL driver and the report, spreadsheet and diagram
 * libraries (loaded on first use, so never at start), and tsx (only for running the sources).
 */
const external = [
  'better-sqlite3',
  '@node-rs/argon2',
  'pg',
  'pg-native',
  'pino',
  'pdfkit',
  'svg-to-pdfkit',
  'dejavu-fonts-ttf',
  'exceljs',
  'echarts',
  'elkjs',
  '@fastify/swagger-ui',
  // Loads `cookie` (CommonJS) with import(), which in a bundled chunk would give a default export alone.
  '@fastify/cookie',
  '@fastify/static',
  'tsx',
];

rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/praxis.ts', 'src/app/interactions/import-worker.ts'],
  outbase: 'src',
  outdir: out,
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external,
  // Bundled CommonJS libraries call require() for Node's own modules, which an ES module lacks.
  banner: {
    js: "import { createRequire as praxisCreateRequire } from 'node:module';\nconst require = praxisCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
// A CommonJS module that a bundled library loads with import() becomes a chunk whose only export is its
// default, so the library finds none of the names it asks for: such a library must stay external.
for (const chunk of readdirSync(path.join(out, 'chunks')).filter((file) => file.endsWith('.js'))) {
  const text = readFileSync(path.join(out, 'chunks', chunk), 'utf8');
  if (/^export default require_\w+\(\);$/m.test(text)) {
    const module = /^\/\/ (node_modules\/\S+)/m.exec(text)?.[1] ?? chunk;
    throw new Error(`${module} is loaded with import() from a bundled library: add that library to \`external\``);
  }
}
// The import's reading thread starts from this file, beside the bundled worker (import-interactions.ts).
copyFileSync(
  path.join(root, 'src/app/interactions/import-worker-start.mjs'),
  path.join(out, 'app/interactions/import-worker-start.mjs'),
);
