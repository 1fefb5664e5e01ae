import { describe, expect, it } from 'vitest';
import { contactsOf, isAssignedTo, partnerSubtree } from './rules.ts';

describe('partnerSubtree', () => {
  const partners = [
    { id: 'state', parentId: null },
    { id: 'county', parentId: 'state' },
    { id: 'team', parentId: 'county' },
    { id: 'other-county', parentId: 'state' },
    { id: 'unrelated', parentId: null },
  ];

  it('holds the partner and every partner below it, and no sibling or parent', () => {
    expect([...partnerSubtree(partners, 'county')].sort()).toEqual(['county', 'team']);
    expect([...partnerSubtree(partners, 'state')].sort()).toEqual(['county', 'other-county', 'state', 'team']);
    expect([...partnerSubtree(partners, 'team')]).toEqual(['team']);
  });

  it('is empty for a partner not in the list, and ends on a cycle', () => {
    expect(partnerSubtree(partners, 'deleted').size).toBe(0);
    const cycle = [
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'x' },
    ];
    expect([...partnerSubtree(cycle, 'x')].sort()).toEqual(['x', 'y']);
  });
});

describe('isAssignedTo', () => {
  const member = { name: 'Dana Reyes', email: 'dana@county.example.org' };

  it('assigns a step whose owner is the member’s name or e-mail, ignoring case and spaces', () => {
    expect(isAssignedTo({ owner: ' dana reyes ' }, member)).toBe(true);
    expect(isAssignedTo({ owner: 'DANA@county.example.org' }, member)).toBe(true);
  });

  it('assigns no other step', () => {
    expect(isAssignedTo({ owner: 'Dana' }, member)).toBe(false);
    expect(isAssignedTo({ owner: 'Dana Reyes and team' }, member)).toBe(false);
    expect(isAssignedTo({ owner: '' }, { name: '', email: '' })).toBe(false);
  });
});

describe('contactsOf', () => {
  it('finds the contacts with the member’s e-mail address, and none without an address', () => {
    const contacts = [
      { id: 'c1', email: 'Dana@County.example.org' },
      { id: 'c2', email: '' },
      { id: 'c3', email: 'sam@county.example.org' },
    ];
    expect(contactsOf(contacts, { email: 'dana@county.example.org' }).map((c) => c.id)).toEqual(['c1']);
    expect(contactsOf(contacts, { email: '' })).toEqual([]);
  });
});
