/** Every cache key of the app in one place, so invalidation never misses a spelling. */
export const queryKeys = {
  session: ['session'] as const,
  organization: (orgId: string) => ['orgs', orgId] as const,
  members: (orgId: string) => ['orgs', orgId, 'members'] as const,
  people: (orgId: string) => ['orgs', orgId, 'people'] as const,
  tokens: (orgId: string) => ['orgs', orgId, 'tokens'] as const,
  calendarFeed: (orgId: string) => ['orgs', orgId, 'calendar-feed'] as const,
  invitations: (orgId: string) => ['orgs', orgId, 'invitations'] as const,
  invitation: (token: string) => ['invitation', token] as const,
  practiceModels: (orgId: string) => ['orgs', orgId, 'models'] as const,
  modelDiagram: (orgId: string, modelId: string, version: string, overlay: string) =>
    ['orgs', orgId, 'models', modelId, version, 'diagram', overlay] as const,
  dashboard: (orgId: string) => ['orgs', orgId, 'dashboard'] as const,
  partners: (orgId: string) => ['orgs', orgId, 'partners'] as const,
  contacts: (orgId: string, partnerId?: string) => ['orgs', orgId, 'contacts', partnerId ?? 'all'] as const,
  engagements: (orgId: string) => ['orgs', orgId, 'engagements'] as const,
  engagement: (orgId: string, engagementId: string) => ['orgs', orgId, 'engagements', engagementId] as const,
  engagementOverview: (orgId: string, engagementId: string) =>
    ['orgs', orgId, 'engagements', engagementId, 'overview'] as const,
  interactions: (orgId: string) => ['orgs', orgId, 'interactions'] as const,
  interactionList: (orgId: string, filter: object) => ['orgs', orgId, 'interactions', 'list', filter] as const,
  interaction: (orgId: string, id: string) => ['orgs', orgId, 'interactions', id] as const,
  history: (orgId: string, kind: string, id: string) => ['orgs', orgId, kind, id, 'history'] as const,
  demoLogins: ['demo-logins'] as const,
  home: (orgId: string) => ['orgs', orgId, 'home'] as const,
  planVersusActual: (orgId: string, engagementId: string) =>
    ['orgs', orgId, 'engagements', engagementId, 'plan-vs-actual'] as const,
  stagePlans: (orgId: string, engagementId: string) => ['orgs', orgId, 'engagements', engagementId, 'plans'] as const,
  plans: (orgId: string) => ['orgs', orgId, 'plans'] as const,
  signals: (orgId: string) => ['orgs', orgId, 'signals'] as const,
  signalSettings: (orgId: string) => ['orgs', orgId, 'signal-settings'] as const,
  engagementSignals: (orgId: string, engagementId: string) =>
    ['orgs', orgId, 'engagements', engagementId, 'signals'] as const,
};
