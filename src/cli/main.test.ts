import { describe, expect, it } from 'vitest';
import { commandEntries } from './main.ts';

describe('the commands of praxis', () => {
  // `praxis --help` lists each command by the description kept beside its loader; the command's own
  // module must say the same, or the top-level help and `praxis NAME --help` would disagree.
  it('describe each command as its own module does', { timeout: 60_000 }, async () => {
    for (const entry of commandEntries) {
      const command = await entry.load();
      expect(command.name()).toBe(entry.name);
      expect(command.description()).toBe(entry.description);
    }
  });

  it('name each command once', () => {
    const names = commandEntries.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
