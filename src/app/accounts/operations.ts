import type {
  AddMemberRequest,
  CreateTokenRequest,
  Member,
  OrganizationWithRole,
  User,
} from '../../domain/accounts/schemas.ts';
import { assertKeepsAnAdmin, slugify } from '../../domain/accounts/rules.ts';
import { AppError, conflict, invalid, notFound } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';
import type { Store, TenantStore } from '../../store/store.ts';
import { hashPassword, newApiToken, verifyPassword } from './secrets.ts';
import { installBuiltinModels } from '../models/operations.ts';
import type { ApiToken, CreatedToken } from '../../domain/accounts/schemas.ts';

/**
 * Account use cases shared by the HTTP API and the CLI. Each runs in one transaction and writes its
 * change to the history.
 */

export async function createOrganization(
  store: Store,
  input: { name: string; slug?: string | undefined; isDemo?: boolean },
  admin: { userId: string } | null,
  actor: string | null,
): Promise<OrganizationWithRole> {
  return store.transaction(async (tx) => {
    const organization = await tx.organizations.create({
      name: input.name,
      slug: input.slug ?? (await freeSlug(tx, input.name)),
      isDemo: input.isDemo ?? false,
    });
    const tenant = tx.tenant(organization.id);
    await installBuiltinModels(tenant);
    await tenant.recordHistory({
      entity: 'organization',
      entityId: organization.id,
      action: 'create',
      actor,
      changes: { name: organization.name, slug: organization.slug },
    });
    if (admin) await addMembership(tenant, admin.userId, 'admin', actor);
    return { id: organization.id, name: organization.name, slug: organization.slug, role: 'admin' };
  });
}

async function freeSlug(store: Store, name: string): Promise<string> {
  const base = slugify(name);
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await store.organizations.findBySlug(candidate))) return candidate;
  }
}

async function addMembership(tenant: TenantStore, userId: string, role: Role, actor: string | null): Promise<void> {
  if (await tenant.members.find(userId))
    throw conflict('This person is already a member', [
      { path: 'email', message: 'is already a member of this organization' },
    ]);
  await tenant.members.add(userId, role);
  await tenant.recordHistory({ entity: 'membership', entityId: userId, action: 'create', actor, changes: { role } });
}

/** Creates an account. The email must be new. */
export async function createUser(
  store: Store,
  input: { email: string; name: string; password: string },
  actor: string | null,
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return store.transaction(async (tx) => {
    const user = await tx.users.create({ email: input.email, name: input.name, passwordHash });
    await tx.recordHistory({
      organizationId: null,
      entity: 'user',
      entityId: user.id,
      action: 'create',
      actor,
      changes: { email: user.email, name: user.name },
    });
    return user;
  });
}

/**
 * Adds a person to an organization directly, creating their account when they have none. This is the
 * operator's path on the server (`praxis user create --org`, the demo); the HTTP API only invites
 * (see ../invitations/operations.ts), so no administrator learns which emails have accounts.
 */
export async function addMember(
  store: Store,
  organizationId: string,
  input: AddMemberRequest,
  actor: string | null,
): Promise<Member> {
  const existing = await store.users.findByEmail(input.email);
  if (!existing && !input.password)
    throw invalid('A new account needs an initial password', [
      { path: 'password', message: 'is required for a new account' },
    ]);
  const passwordHash = existing ? null : await hashPassword(input.password!);
  return store.transaction(async (tx) => {
    let userId = existing?.id;
    if (!userId) {
      const user = await tx.users.create({ email: input.email, name: input.name, passwordHash: passwordHash! });
      await tx.recordHistory({
        organizationId: null,
        entity: 'user',
        entityId: user.id,
        action: 'create',
        actor,
        changes: { email: user.email, name: user.name },
      });
      userId = user.id;
    }
    const tenant = tx.tenant(organizationId);
    await addMembership(tenant, userId, input.role, actor);
    return (await tenant.members.find(userId))!;
  });
}

export async function changeRole(
  store: Store,
  organizationId: string,
  userId: string,
  role: Role,
  actor: string | null,
): Promise<Member> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const members = await tenant.members.list();
    const member = members.find((m) => m.userId === userId);
    if (!member) throw notFound('Member');
    assertKeepsAnAdmin(members, userId, role);
    if (member.role !== role) {
      await tenant.members.setRole(userId, role);
      await tenant.recordHistory({
        entity: 'membership',
        entityId: userId,
        action: 'update',
        actor,
        changes: { role: [member.role, role] },
      });
    }
    return { ...member, role };
  });
}

export async function removeMember(
  store: Store,
  organizationId: string,
  userId: string,
  actor: string | null,
): Promise<void> {
  await store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const members = await tenant.members.list();
    const member = members.find((m) => m.userId === userId);
    if (!member) throw notFound('Member');
    assertKeepsAnAdmin(members, userId, null);
    await tenant.members.remove(userId);
    await tenant.recordHistory({
      entity: 'membership',
      entityId: userId,
      action: 'delete',
      actor,
      changes: { role: member.role },
    });
  });
}

export async function createApiToken(
  store: Store,
  organizationId: string,
  input: CreateTokenRequest,
  createdBy: string,
): Promise<CreatedToken> {
  const secret = newApiToken();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000).toISOString() : null;
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const apiToken = await tenant.tokens.create({
      name: input.name,
      role: input.role,
      tokenHash: secret.tokenHash,
      prefix: secret.prefix,
      createdBy,
      expiresAt,
    });
    await tenant.recordHistory({
      entity: 'api_token',
      entityId: apiToken.id,
      action: 'create',
      actor: createdBy,
      changes: { name: apiToken.name, role: apiToken.role, expiresAt },
    });
    return { token: secret.token, apiToken };
  });
}

export async function revokeApiToken(
  store: Store,
  organizationId: string,
  tokenId: string,
  actor: string | null,
): Promise<ApiToken> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const token = await tenant.tokens.find(tokenId);
    if (!token) throw notFound('API token');
    if (!token.revokedAt) {
      await tenant.tokens.revoke(tokenId);
      await tenant.recordHistory({ entity: 'api_token', entityId: tokenId, action: 'revoke', actor, changes: {} });
    }
    return (await tenant.tokens.find(tokenId))!;
  });
}

export async function renameUser(store: Store, userId: string, name: string, actor: string | null): Promise<User> {
  return store.transaction(async (tx) => {
    const user = await tx.users.findById(userId);
    if (!user) throw notFound('User');
    if (user.name !== name) {
      await tx.users.rename(userId, name);
      await tx.recordHistory({
        organizationId: null,
        entity: 'user',
        entityId: userId,
        action: 'update',
        actor,
        changes: { name: [user.name, name] },
      });
    }
    return { id: user.id, email: user.email, name };
  });
}

/** Changes a password after checking the current one; every other session of the person is ended. */
export async function changePassword(
  store: Store,
  userId: string,
  input: { currentPassword: string; newPassword: string },
  keepSessionId: string | undefined,
): Promise<void> {
  const user = await store.users.findById(userId);
  if (!user) throw notFound('User');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('validation_failed', 'The current password is not correct', [
      { path: 'currentPassword', message: 'is not correct' },
    ]);
  }
  await setPassword(store, userId, input.newPassword, userId, keepSessionId);
}

/** Sets a password without knowing the old one (administrators, the CLI); ends the person's sessions. */
export async function setPassword(
  store: Store,
  userId: string,
  password: string,
  actor: string | null,
  keepSessionId?: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await store.transaction(async (tx) => {
    await tx.users.setPasswordHash(userId, passwordHash);
    await tx.sessions.deleteForUser(userId, keepSessionId);
    await tx.recordHistory({
      organizationId: null,
      entity: 'user',
      entityId: userId,
      action: 'update',
      actor,
      changes: { password: 'changed' },
    });
  });
}
