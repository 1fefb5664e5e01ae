import { apiErrorFromBody } from '../api/api-error.ts';
import { segment } from '../api/client.ts';

/** The research export from the browser: the key goes in a header, never in the address, and the zip is saved as a file. */

export const exportKeyHeader = 'x-export-key';
export const minimumKeyLength = 16;

export interface ResearchExportFilters {
  from: string;
  to: string;
}

export function researchExportPath(orgId: string, filters: ResearchExportFilters): string {
  const query = new URLSearchParams();
  if (filters.from) query.set('from', filters.from);
  if (filters.to) query.set('to', filters.to);
  const search = query.toString();
  return `/api/orgs/${segment(orgId)}/exports/research${search ? `?${search}` : ''}`;
}

/** A new random export key: 32 bytes from the browser's cryptographic generator, base64url. */
export function newExportKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Fetches the zip and hands it to the browser as a download; throws the server's refusal as an `ApiError`. */
export async function downloadResearchExport(
  orgId: string,
  key: string,
  filters: ResearchExportFilters,
): Promise<string> {
  const response = await fetch(researchExportPath(orgId, filters), {
    headers: { [exportKeyHeader]: key },
    credentials: 'same-origin',
  });
  if (!response.ok) throw apiErrorFromBody(response.status, await response.json().catch(() => undefined));
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'praxis-research-export.zip';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
