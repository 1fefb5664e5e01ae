import type { PracticeModel } from '../../model/schema.ts';
import { parseModelRef, resolveModelRef } from '../../model/versions.ts';
import type { TenantStore } from '../../store/store.ts';

/** The model a reference `ID[@VERSION]` names: the exact version, or the latest release. */
export async function findModel(tenant: TenantStore, ref: string): Promise<PracticeModel | undefined> {
  const parsed = parseModelRef(ref);
  return resolveModelRef(parsed, await tenant.models.versionsOf(parsed.id));
}
