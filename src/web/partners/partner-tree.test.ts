import { describe, expect, test } from 'vitest';
import type { Partner } from '../../domain/support/schemas.ts';
import { partnerTree } from './partner-tree.ts';

const partner = (id: string, name: string, kind: Partner['kind'], parentId: string | null): Partner => ({
  id,
  name,
  kind,
  parentId,
  type: '',
  region: '',
  stateOrCountry: '',
  tags: [],
  version: 1,
  createdAt: '',
  updatedAt: '',
  deletedAt: null,
});

describe('partnerTree', () => {
  test('lists each partner after its parent, siblings by name', () => {
    const rows = partnerTree([
      partner('t2', 'Team B', 'team', 'o1'),
      partner('o1', 'Agency', 'organization', 's1'),
      partner('s1', 'State system', 'system', null),
      partner('t1', 'Team A', 'team', 'o1'),
    ]);
    expect(rows.map((row) => [row.partner.id, row.depth])).toEqual([
      ['s1', 0],
      ['o1', 1],
      ['t1', 2],
      ['t2', 2],
    ]);
  });

  test('a partner whose parent is missing, or caught in a cycle, still appears at the top level', () => {
    const rows = partnerTree([
      partner('a', 'A', 'team', 'gone'),
      partner('b', 'B', 'organization', 'c'),
      partner('c', 'C', 'system', 'b'),
    ]);
    expect(rows.map((row) => row.partner.id).sort()).toEqual(['a', 'b', 'c']);
    expect(rows.find((row) => row.partner.id === 'a')?.depth).toBe(0);
  });
});
