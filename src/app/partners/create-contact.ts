import type { Contact, ContactInput } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { checkContactPartner } from './partner-records.ts';

export function createContact(
  store: Store,
  organizationId: string,
  input: ContactInput,
  actor: string,
): Promise<Contact> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await checkContactPartner(tenant, input);
    return tenant.contacts.insert(input, actor);
  });
}
