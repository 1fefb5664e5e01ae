/** Every cache key of the app in one place, so invalidation never misses a spelling. */
export const queryKeys = {
  session: ['session'] as const,
  organization: (orgId: string) => ['orgs', orgId] as const,
  members: (orgId: string) => ['orgs', orgId, 'members'] as const,
  tokens: (orgId: string) => ['orgs', orgId, 'tokens'] as const,
  practiceModels: (orgId: string) => ['orgs', orgId, 'models'] as const,
};
