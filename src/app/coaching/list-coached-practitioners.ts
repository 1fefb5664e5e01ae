import { coachedBy } from '../../domain/coaching/coaches.ts';
import type { CoachedPractitioners } from '../../domain/coaching/views.ts';
import type { Store } from '../../store/store.ts';
import { supportTeams, type Viewer } from './access.ts';

/** Whose coaching records the viewer may open: their own, then everyone they coach, by name. */
export function listCoachedPractitioners(
  store: Store,
  organizationId: string,
  viewer: Viewer,
): Promise<CoachedPractitioners> {
  return store.snapshot(async (s) => {
    const tenant = s.tenant(organizationId);
    const coached = coachedBy(viewer, await supportTeams(tenant));
    const members = await tenant.members.list();
    const self = members.find((m) => m.userId === viewer.userId);
    return {
      items: [
        ...(self ? [{ userId: self.userId, name: self.name, self: true }] : []),
        ...members
          .filter((m) => coached.has(m.userId) && m.role !== 'partner' && m.role !== 'researcher')
          .map((m) => ({ userId: m.userId, name: m.name, self: false })),
      ],
    };
  });
}
