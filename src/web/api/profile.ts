import { User } from '../../domain/accounts/schemas.ts';
import type { ChangePasswordRequest } from '../../domain/accounts/schemas.ts';
import { apiRequest } from './client.ts';

export const updateDisplayName = (name: string): Promise<User> =>
  apiRequest('PATCH', '/api/me', { body: { name }, schema: User });

export const changePassword = (request: ChangePasswordRequest): Promise<void> =>
  apiRequest('POST', '/api/me/password', { body: request });
