/**
 * Who a partner-role member is, for what they may see: the partners below theirs, the next steps
 * assigned to them and the survey links meant for them.
 */

/** The partner and every partner below it (children, their children …), following `parentId`. */
export function partnerSubtree(
  partners: readonly { id: string; parentId: string | null }[],
  rootId: string,
): Set<string> {
  const children = new Map<string, string[]>();
  for (const p of partners) {
    if (p.parentId === null) continue;
    children.set(p.parentId, [...(children.get(p.parentId) ?? []), p.id]);
  }
  const subtree = new Set<string>();
  const pending = partners.some((p) => p.id === rootId) ? [rootId] : [];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (subtree.has(id)) continue;
    subtree.add(id);
    pending.push(...(children.get(id) ?? []));
  }
  return subtree;
}

const sameText = (a: string, b: string): boolean =>
  a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en') && a.trim() !== '';

/**
 * A next step is assigned to a partner member when its owner, ignoring case and surrounding spaces, is
 * the member's name or e-mail address. Staff write the owner as free text when they log a step, so
 * the name the member goes by in Praxis is what assigns it; nothing else does.
 */
export function isAssignedTo(step: { owner: string }, member: { name: string; email: string }): boolean {
  return sameText(step.owner, member.name) || sameText(step.owner, member.email);
}

/** The partner's contacts that are the member: those with the member's e-mail address. */
export function contactsOf<C extends { email: string }>(contacts: readonly C[], member: { email: string }): C[] {
  return contacts.filter((c) => sameText(c.email, member.email));
}
