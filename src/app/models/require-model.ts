import { notFound } from '../../domain/errors.ts';
import type { PracticeModel } from '../../model/schema.ts';
import type { TenantStore } from '../../store/store.ts';
import { findModel } from './find-model.ts';

export async function requireModel(tenant: TenantStore, ref: string): Promise<PracticeModel> {
  const model = await findModel(tenant, ref);
  if (!model) throw notFound(`Model "${ref}"`);
  return model;
}
