import { z } from 'zod';
import { ListOf, Person } from '../../domain/accounts/schemas.ts';
import { Contact, Engagement, Interaction, Partner } from '../../domain/support/schemas.ts';
import type {
  ContactInput,
  EngagementInput,
  InteractionInput,
  PartnerInput,
  StageChange,
} from '../../domain/support/schemas.ts';
import { tableFormats, type TableFormat } from '../../domain/support/interaction-table.ts';
import { EngagementOverview, OrganizationDashboard } from '../../domain/support/views.ts';
import { apiGet, apiRequest, segment } from './client.ts';
import { HistoryEntry } from '../../domain/history.ts';

/** The support record over HTTP: partners, contacts, engagements, interactions, their history and read models. */

const orgPath = (orgId: string, rest: string): string => `/api/orgs/${segment(orgId)}/${rest}`;

/** Query string from the filters that are set; empty values are left out. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export { HistoryEntry };
const HistoryList = z.object({ items: z.array(HistoryEntry) });

export type RecordKind = 'partners' | 'contacts' | 'engagements' | 'interactions' | 'plans';

export const fetchHistory = async (
  orgId: string,
  kind: RecordKind,
  id: string,
  signal?: AbortSignal,
): Promise<HistoryEntry[]> =>
  (await apiGet(orgPath(orgId, `${kind}/${segment(id)}/history`), HistoryList, signal)).items;

// ---- Partners and contacts ------------------------------------------------------------------

export const listPartners = async (orgId: string, signal?: AbortSignal): Promise<Partner[]> =>
  (await apiGet(orgPath(orgId, 'partners'), ListOf(Partner), signal)).items;

export const savePartner = (
  orgId: string,
  input: PartnerInput,
  existing?: { id: string; version: number },
): Promise<Partner> =>
  existing
    ? apiRequest('PUT', orgPath(orgId, `partners/${segment(existing.id)}`), {
        body: { ...input, version: existing.version },
        schema: Partner,
      })
    : apiRequest('POST', orgPath(orgId, 'partners'), { body: input, schema: Partner });

export const listContacts = async (
  orgId: string,
  partnerId: string | undefined,
  signal?: AbortSignal,
): Promise<Contact[]> =>
  (await apiGet(orgPath(orgId, `contacts${queryString({ partnerId })}`), ListOf(Contact), signal)).items;

export const saveContact = (
  orgId: string,
  input: ContactInput,
  existing?: { id: string; version: number },
): Promise<Contact> =>
  existing
    ? apiRequest('PUT', orgPath(orgId, `contacts/${segment(existing.id)}`), {
        body: { ...input, version: existing.version },
        schema: Contact,
      })
    : apiRequest('POST', orgPath(orgId, 'contacts'), { body: input, schema: Contact });

// ---- Engagements ----------------------------------------------------------------------------

export const listEngagements = async (orgId: string, partnerId?: string, signal?: AbortSignal): Promise<Engagement[]> =>
  (await apiGet(orgPath(orgId, `engagements${queryString({ partnerId })}`), ListOf(Engagement), signal)).items;

export const fetchEngagementOverview = (
  orgId: string,
  engagementId: string,
  signal?: AbortSignal,
): Promise<EngagementOverview> =>
  apiGet(orgPath(orgId, `engagements/${segment(engagementId)}/overview`), EngagementOverview, signal);

export const saveEngagement = (
  orgId: string,
  input: EngagementInput,
  existing?: { id: string; version: number },
): Promise<Engagement> =>
  existing
    ? apiRequest('PUT', orgPath(orgId, `engagements/${segment(existing.id)}`), {
        body: { ...input, version: existing.version },
        schema: Engagement,
      })
    : apiRequest('POST', orgPath(orgId, 'engagements'), { body: input, schema: Engagement });

export const fetchEngagement = (orgId: string, engagementId: string, signal?: AbortSignal): Promise<Engagement> =>
  apiGet(orgPath(orgId, `engagements/${segment(engagementId)}`), Engagement, signal);

export const deleteEngagement = (orgId: string, id: string, version: number): Promise<Engagement> =>
  apiRequest('DELETE', orgPath(orgId, `engagements/${segment(id)}${queryString({ version })}`), { schema: Engagement });

export const restoreEngagement = (orgId: string, id: string): Promise<Engagement> =>
  apiRequest('POST', orgPath(orgId, `engagements/${segment(id)}/restore`), { schema: Engagement });

export const moveEngagementToStage = (
  orgId: string,
  engagementId: string,
  change: StageChange,
  version: number,
): Promise<Engagement> =>
  apiRequest('POST', orgPath(orgId, `engagements/${segment(engagementId)}/stages`), {
    body: { ...change, version },
    schema: Engagement,
  });

/** The names a page needs from a model version: components with activities, groups, stages, principles. */
export const ModelVocabulary = EngagementOverview.shape.model;
export type ModelVocabulary = z.infer<typeof ModelVocabulary>;

export const fetchModelVocabulary = (
  orgId: string,
  modelId: string,
  version: string,
  signal?: AbortSignal,
): Promise<ModelVocabulary> =>
  apiGet(orgPath(orgId, `models/${segment(modelId)}${queryString({ version })}`), ModelVocabulary, signal);

export const fetchDashboard = (orgId: string, signal?: AbortSignal): Promise<OrganizationDashboard> =>
  apiGet(orgPath(orgId, 'dashboard'), OrganizationDashboard, signal);

/** Members by name, for anyone who may read records: support teams and who logged what. */
export const listPeople = async (orgId: string, signal?: AbortSignal): Promise<Person[]> =>
  (await apiGet(orgPath(orgId, 'people'), ListOf(Person), signal)).items;

// ---- Interactions ---------------------------------------------------------------------------

export interface InteractionFilter {
  engagementId?: string;
  partnerId?: string;
  loggedBy?: string;
  from?: string;
  to?: string;
  componentId?: string;
  stageId?: string;
  includeDeleted?: boolean;
}

const InteractionPage = z.object({ items: z.array(Interaction), nextCursor: z.string().nullable() });
export type InteractionPage = z.infer<typeof InteractionPage>;

export const listInteractions = (
  orgId: string,
  filter: InteractionFilter,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<InteractionPage> =>
  apiGet(orgPath(orgId, `interactions${queryString({ ...filter, cursor, limit: 50 })}`), InteractionPage, signal);

export const fetchInteraction = (orgId: string, id: string, signal?: AbortSignal): Promise<Interaction> =>
  apiGet(orgPath(orgId, `interactions/${segment(id)}`), Interaction, signal);

export const logInteraction = (orgId: string, input: InteractionInput): Promise<Interaction> =>
  apiRequest('POST', orgPath(orgId, 'interactions'), { body: input, schema: Interaction });

export const updateInteraction = (
  orgId: string,
  id: string,
  input: InteractionInput,
  version: number,
): Promise<Interaction> =>
  apiRequest('PUT', orgPath(orgId, `interactions/${segment(id)}`), {
    body: { ...input, version },
    schema: Interaction,
  });

export const deleteInteraction = (orgId: string, id: string, version: number): Promise<Interaction> =>
  apiRequest('DELETE', orgPath(orgId, `interactions/${segment(id)}${queryString({ version })}`), {
    schema: Interaction,
  });

export const restoreInteraction = (orgId: string, id: string): Promise<Interaction> =>
  apiRequest('POST', orgPath(orgId, `interactions/${segment(id)}/restore`), { schema: Interaction });

// ---- Interaction files ------------------------------------------------------------------------

const ImportReport = z.object({
  format: z.enum(tableFormats).nullable(),
  dryRun: z.boolean(),
  rowsRead: z.number(),
  interactions: z.number(),
  written: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
  errorCount: z.number(),
});
export type ImportReport = z.infer<typeof ImportReport>;

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a CSV or XLSX file of interactions; a file with bad rows is refused (400) with one detail per problem. */
export const importInteractions = (
  orgId: string,
  file: File,
  options: { format: TableFormat; dryRun: boolean },
): Promise<ImportReport> =>
  apiRequest(
    'POST',
    orgPath(orgId, `interactions/import${queryString({ format: options.format, dryRun: options.dryRun })}`),
    {
      file: { body: file, type: /\.xlsx$/i.test(file.name) ? xlsxType : 'text/csv' },
      schema: ImportReport,
    },
  );

/** One problem of a refused import; `row` is null when the problem is not tied to a row. */
export interface ImportProblem {
  row: number | null;
  column: string;
  message: string;
}

/** A refusal's details (`row 12: component_minutes`) back as rows and columns, for a table. */
export function importProblems(details: ReadonlyArray<{ path: string; message: string }>): ImportProblem[] {
  return details.map(({ path, message }) => {
    const located = /^row (\d+)(?:: (.*))?$/.exec(path);
    return located
      ? { row: Number(located[1]), column: located[2] ?? '', message }
      : { row: null, column: path, message };
  });
}

export type ExportLayout = 'long' | 'wide' | 'redcap-records' | 'redcap-dictionary';

/** Where the browser downloads the organization's live interactions in a layout. */
export function interactionExportUrl(orgId: string, layout: ExportLayout): string {
  const [format, file] = layout.split('-');
  return orgPath(orgId, `interactions/export${queryString({ format, file })}`);
}
