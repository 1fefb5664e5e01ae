import { z } from 'zod';
import { Role } from '../roles.ts';

/** Request and response shapes for accounts, shared by the HTTP API and the web client. */

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'must be an email address' }));

/** Passwords: long enough to resist guessing, short enough to bound hashing cost. */
export const Password = z.string().min(10, 'must be at least 10 characters').max(256, 'must be at most 256 characters');

export const PersonName = z.string().trim().min(1, 'is required').max(200);

export const Slug = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens');

export const Id = z.string().min(1).max(64);

export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
});
export type User = z.infer<typeof User>;

export const Organization = z.object({
  id: Id,
  name: z.string(),
  slug: z.string(),
});
export type Organization = z.infer<typeof Organization>;

export const OrganizationWithRole = Organization.extend({ role: Role });
export type OrganizationWithRole = z.infer<typeof OrganizationWithRole>;

export const SessionView = z.object({
  user: User,
  organizations: z.array(OrganizationWithRole),
  /** Send back as the `x-csrf-token` header on every cookie-authenticated write. */
  csrfToken: z.string(),
});
export type SessionView = z.infer<typeof SessionView>;

export const LoginRequest = z.strictObject({
  email: Email,
  password: z.string().min(1, 'is required').max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const UpdateProfileRequest = z.strictObject({ name: PersonName });

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(256),
  newPassword: Password,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const CreateOrganizationRequest = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(200),
  slug: Slug.optional(),
});
export type CreateOrganizationRequest = z.infer<typeof CreateOrganizationRequest>;

export const Member = z.object({
  userId: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  createdAt: z.string(),
  /** A partner-role member's partner: they see its engagements and those of the partners below it. */
  partnerId: Id.nullable(),
});
export type Member = z.infer<typeof Member>;

/** A member as colleagues see them: who, without email or role, for naming people in records. */
export const Person = Member.pick({ userId: true, name: true });
export type Person = z.infer<typeof Person>;

/** A direct addition by an operator on the server (the CLI); the HTTP API invites instead. */
export const AddMemberRequest = z.strictObject({
  email: Email,
  name: PersonName,
  role: Role,
  /** Required when the person has no account yet; ignored for an existing account. */
  password: Password.optional(),
});
export type AddMemberRequest = z.infer<typeof AddMemberRequest>;

export const ChangeRoleRequest = z.strictObject({ role: Role });

/** Attaches a partner-role member to a partner (and so to the partners below it); null detaches. */
export const AttachPartnerRequest = z.strictObject({ partnerId: Id.nullable() });
export type AttachPartnerRequest = z.infer<typeof AttachPartnerRequest>;

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  role: Role,
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const CreateTokenRequest = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(100),
  role: Role,
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateTokenRequest = z.infer<typeof CreateTokenRequest>;

export const CreatedToken = z.object({
  /** The secret itself: shown this once, stored only as a hash. */
  token: z.string(),
  apiToken: ApiToken,
});
export type CreatedToken = z.infer<typeof CreatedToken>;

export const ListOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** What an organization lets into its research export (docs/research-export.md); off by default. */
export const ResearchSettings = z.strictObject({
  /** De-identified coaching ratings (reviews, observations, self-assessments) as tables of the export. */
  includeCoaching: z.boolean(),
});
export type ResearchSettings = z.infer<typeof ResearchSettings>;

/** The history entity of an organization's research settings; its id is the organization's. */
export const researchSettingsEntity = 'research_settings';

/** The settings with their version (0 until first saved; send it back to save over it). */
export const StoredResearchSettings = z.object({
  settings: ResearchSettings,
  version: z.number().int().min(0),
});
export type StoredResearchSettings = z.infer<typeof StoredResearchSettings>;
