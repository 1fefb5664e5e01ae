import { Command, Option } from 'commander';
import { InvitationInput, linkStatuses, type LinkStatus, type WaveResponse } from '../../domain/measurement/schemas.ts';
import { levels } from '../../domain/support/schemas.ts';
import { inviteRespondent } from '../../app/measurement/invite-respondent.ts';
import { revokeInvitation } from '../../app/measurement/revoke-invitation.ts';
import { waveProgress } from '../../app/measurement/wave-progress.ts';
import { withStore } from '../context.ts';
import { resolveOrganization } from '../resolve.ts';
import { parseCliInput, printResult, requireWave } from './wave.ts';
import { countOf } from '../../domain/count-of.ts';

const describeLink = (r: WaveResponse): string =>
  `${r.id}  ${(r.linkStatus ?? 'entered').padEnd(9)}  ${r.level.padEnd(12)}  ${r.respondent}${r.expiresAt && r.linkStatus !== 'submitted' ? `  (expires ${r.expiresAt.slice(0, 10)})` : ''}${r.language ? `  [${r.language}]` : ''}`;

/** `praxis survey`: single-use survey links of a wave — create, list with their status, revoke. */
export function surveyCommand(): Command {
  const survey = new Command('survey').description('Survey links of a measurement wave: invite, list, revoke');

  survey
    .command('invite')
    .description(
      'Create a single-use survey link for a wave; the link is printed once (only a hash of its token is kept)',
    )
    .argument('<wave>', 'wave id')
    .requiredOption('--org <org>', 'organization id or slug')
    .option('--contact <id>', 'the contact who answers (their unit is taken from the contact)')
    .option('--anonymous', 'store no identity with the answers')
    .addOption(
      new Option('--level <level>', 'individual, or the level of a unit rating')
        .choices([...levels])
        .default('individual'),
    )
    .option(
      '--unit <partnerId>',
      'the team, organization or system: the one rated, or the one an individual belongs to',
    )
    .option('--expires-in-days <days>', 'days until the link stops working (1–90)', '14')
    .option('--base-url <url>', 'where partners reach Praxis, to print a full link (e.g. https://praxis.example.org)')
    .option('--json', 'print {response, token, path, url} as JSON')
    .action(
      async (
        waveId: string,
        options: {
          org: string;
          contact?: string;
          anonymous?: boolean;
          level: string;
          unit?: string;
          expiresInDays: string;
          baseUrl?: string;
          json?: boolean;
        },
      ) => {
        const input = parseCliInput(InvitationInput, 'survey link', {
          contactId: options.contact ?? null,
          anonymous: options.anonymous === true,
          level: options.level,
          partnerId: options.unit ?? null,
          expiresInDays: Number(options.expiresInDays),
        });
        await withStore(async (store) => {
          const organization = await resolveOrganization(store, options.org);
          await requireWave(store.tenant(organization.id), waveId);
          const created = await inviteRespondent(store, organization.id, waveId, input, 'cli');
          const url = options.baseUrl ? new URL(created.path, options.baseUrl).toString() : null;
          printResult(options.json, { ...created, url }, () => [
            url ?? created.path,
            `response ${created.response.id}; expires ${created.response.expiresAt?.slice(0, 10)}; shown once, keep it now`,
          ]);
        });
      },
    );

  survey
    .command('list')
    .description('The survey links and responses of a wave, with their status')
    .argument('<wave>', 'wave id')
    .requiredOption('--org <org>', 'organization id or slug')
    .addOption(new Option('--status <status>', 'only links with this status').choices([...linkStatuses]))
    .option('--json', 'print {waveId, counts, responses} as JSON')
    .action(async (waveId: string, options: { org: string; status?: LinkStatus; json?: boolean }) => {
      await withStore(async (store) => {
        const tenant = store.tenant((await resolveOrganization(store, options.org)).id);
        await requireWave(tenant, waveId);
        const progress = await waveProgress(tenant, waveId);
        const shown = options.status
          ? { ...progress, responses: progress.responses.filter((r) => r.linkStatus === options.status) }
          : progress;
        const { counts } = progress;
        printResult(options.json, shown, () => [
          `${countOf(counts.links, 'link')}: ${counts.unused} unused, ${counts.started} started, ${counts.submitted} submitted, ${counts.expired} expired, ${counts.revoked} revoked; ${counts.entered} entered by staff`,
          ...shown.responses.map(describeLink),
        ]);
      });
    });

  survey
    .command('revoke')
    .description('Withdraw a survey link: it stops working at once; answers already saved are kept')
    .argument('<response>', 'response id of the link (see `praxis survey list`)')
    .requiredOption('--org <org>', 'organization id or slug')
    .option('--json', 'print the response as JSON')
    .action(async (responseId: string, options: { org: string; json?: boolean }) => {
      await withStore(async (store) => {
        const organization = await resolveOrganization(store, options.org);
        const revoked = await revokeInvitation(store, organization.id, responseId, 'cli');
        printResult(options.json, revoked, () => [`Revoked ${revoked.id}; answers saved so far are kept`]);
      });
    });

  return survey;
}
