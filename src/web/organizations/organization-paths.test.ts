import { describe, expect, test } from 'vitest';
import { organizationPath, switchedOrganizationPath } from './organization-paths.ts';

const admin = { id: 'org-b', name: 'B', slug: 'b', role: 'admin' as const };
const partner = { id: 'org-b', name: 'B', slug: 'b', role: 'partner' as const };

describe('switchedOrganizationPath', () => {
  test('stays on the same section in the other organization', () => {
    expect(switchedOrganizationPath('/orgs/org-a/models', partner)).toBe('/orgs/org-b/models');
    expect(switchedOrganizationPath('/orgs/org-a/admin/tokens', admin)).toBe('/orgs/org-b/admin/tokens');
  });

  test('goes to the home page where the role cannot see the section', () => {
    expect(switchedOrganizationPath('/orgs/org-a/admin/members', partner)).toBe('/orgs/org-b');
  });

  test('goes to the home page from outside an organization', () => {
    expect(switchedOrganizationPath('/profile', partner)).toBe('/orgs/org-b');
    expect(switchedOrganizationPath('/orgs/org-a', partner)).toBe('/orgs/org-b');
  });
});

test('organizationPath encodes the id', () => {
  expect(organizationPath('a/b', 'models')).toBe('/orgs/a%2Fb/models');
});
