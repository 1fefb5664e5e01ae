import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder holding Praxis's package.json. This module runs from src/app (sources, under tsx or
 * vitest) or from a bundled chunk in dist/node (the build), so files of the package are found from the nearest
 * package.json above it rather than from a fixed number of `..`.
 */
export const packageRoot = findPackageRoot(import.meta.dirname);

function findPackageRoot(start: string): string {
  for (let folder = start; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, 'package.json'))) return folder;
    if (path.dirname(folder) === folder) throw new Error(`No package.json above ${start}`);
  }
}

/** The version of this Praxis, from its package.json. */
export const praxisVersion = (
  JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }
).version;
