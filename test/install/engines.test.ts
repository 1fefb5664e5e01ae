import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  optional?: boolean;
  os?: string[];
  cpu?: string[];
}

describe('a clean install', () => {
  // npm warns (EBADENGINE) for every installed package whose `engines.node` excludes the running Node;
  // the README promises Node 20, so no locked package may ask for more than our own `engines` allows.
  it('installs no package that refuses the oldest Node the project supports', () => {
    const project = readJson('package.json') as { engines: { node: string } };
    const oldest = semver.minVersion(project.engines.node)!.version;
    expect(oldest.startsWith('20.')).toBe(true);
    const lock = readJson('package-lock.json') as { packages: Record<string, LockedPackage> };
    const refusing = Object.entries(lock.packages)
      .filter(([, p]) => p.engines && !Array.isArray(p.engines) && p.engines.node !== undefined)
      .filter(([, p]) => !semver.satisfies(oldest, (p.engines as { node: string }).node, { includePrerelease: true }))
      .map(([where, p]) => `${where}@${p.version} wants node ${(p.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });
});
