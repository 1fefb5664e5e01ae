import type { Partner } from '../../domain/support/schemas.ts';

export interface PartnerTreeRow {
  partner: Partner;
  /** 0 for a partner with no parent (or a parent not in the list), 1 for its children, … */
  depth: number;
}

/**
 * Partners in hierarchy order (system → organization → team): each followed by its children,
 * siblings by name. A partner whose parent is missing is shown at the top level; cycles cannot
 * hide a partner.
 */
export function partnerTree(partners: readonly Partner[]): PartnerTreeRow[] {
  const ids = new Set(partners.map((partner) => partner.id));
  const children = new Map<string | null, Partner[]>();
  for (const partner of partners) {
    const parent =
      partner.parentId !== null && ids.has(partner.parentId) && partner.parentId !== partner.id
        ? partner.parentId
        : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(partner);
    children.set(parent, siblings);
  }
  for (const siblings of children.values()) siblings.sort((a, b) => a.name.localeCompare(b.name));

  const rows: PartnerTreeRow[] = [];
  const placed = new Set<string>();
  const visit = (partner: Partner, depth: number) => {
    if (placed.has(partner.id)) return;
    placed.add(partner.id);
    rows.push({ partner, depth });
    for (const child of children.get(partner.id) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  // Partners caught in a parent cycle have no root; list them at the top level rather than lose them.
  for (const partner of [...partners].sort((a, b) => a.name.localeCompare(b.name))) visit(partner, 0);
  return rows;
}

/** The kinds a partner's parent may be: a team sits in an organization, an organization in a system. */
export const parentKindOf = { system: null, organization: 'system', team: 'organization' } as const;
