/**
 * Table shapes shared by SQLite and PostgreSQL. Portable column types only: text ids (UUIDv7),
 * ISO-8601 text timestamps (UTC, sortable as text), integers for flags, JSON kept as text.
 */
export interface OrganizationsTable {
  id: string;
  name: string;
  slug: string;
  is_demo: number;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  organization_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie secret: a stolen database never yields a usable session. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  organization_id: string;
  name: string;
  role: string;
  token_hash: string;
  prefix: string;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface HistoryTable {
  /** UUIDv7: ordered by time of writing. */
  id: string;
  organization_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  actor: string | null;
  at: string;
  /** JSON: `{ field: [before, after] }` for updates, the full record for create and delete. */
  changes: string;
}

export interface PracticeModelsTable {
  organization_id: string;
  model_id: string;
  version: string;
  name: string;
  /** The whole model document as JSON; versions are immutable once published. */
  document: string;
  builtin: number;
  published_at: string;
  published_by: string | null;
}

export interface DatabaseSchema {
  practice_models: PracticeModelsTable;
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  history: HistoryTable;
}
