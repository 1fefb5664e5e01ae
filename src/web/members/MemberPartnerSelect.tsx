import { Select } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Member } from '../../domain/accounts/schemas.ts';
import { attachMemberToPartner } from '../api/members.ts';
import { notifyDone, notifyFailure } from '../notify.ts';
import { usePartners } from '../partners/partner-hooks.ts';
import { partnerTree } from '../partners/partner-tree.ts';
import { queryKeys } from '../query-keys.ts';

/**
 * The partner a partner member belongs to: they see its engagements and those of the partners below
 * it. Shown for partner members only.
 */
export function MemberPartnerSelect({ orgId, member }: { orgId: string; member: Member }) {
  const partners = usePartners(orgId);
  const queryClient = useQueryClient();
  const attach = useMutation({
    mutationFn: (partnerId: string | null) => attachMemberToPartner(orgId, member.userId, partnerId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.members(orgId) }),
  });
  if (member.role !== 'partner') return null;
  const options = partnerTree(partners.data ?? []).map(({ partner, depth }) => ({
    value: partner.id,
    label: `${'· '.repeat(depth)}${partner.name}`,
  }));
  return (
    <Select
      aria-label={`Partner of ${member.name}`}
      placeholder="Not linked to a partner"
      data={options}
      value={member.partnerId}
      clearable
      disabled={attach.isPending || partners.isPending}
      onChange={(partnerId) =>
        partnerId !== member.partnerId &&
        attach.mutate(partnerId, {
          onSuccess: (updated) => {
            const name = options.find((o) => o.value === updated.partnerId)?.label.replace(/^(· )+/, '');
            notifyDone(
              name ? `${updated.name} now sees the engagements of ${name}.` : `${updated.name} sees no partner.`,
            );
          },
          onError: (error) => notifyFailure('Partner not changed', error),
        })
      }
      size="sm"
      w={{ base: '100%', sm: 290 }}
      mt={6}
    />
  );
}
