import { openAsBlob } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { FastifyRequest } from 'fastify';
import { invalid } from '../../domain/errors.ts';
import { spoolToTempFile, type TableFileKind } from '../../app/interactions/import-files.ts';
import { unsupportedContentType } from '../errors.ts';

export const csvType = 'text/csv';
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const multipartType = 'multipart/form-data';
/** Imports are files, far larger than any JSON request. */
export const importBodyLimit = 100 * 1024 * 1024;

/** An uploaded table, spooled to a private temporary file. */
export interface TableUpload {
  file: string;
  kind: TableFileKind;
  /** The mapping document sent with the table in a multipart body (JSON text), if any. */
  inlineMapping: string | undefined;
  remove(): Promise<void>;
}

const kindOf = (mediaType: string, fileName = ''): TableFileKind =>
  mediaType === xlsxType || /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv';

const spool = async (body: Readable, kind: TableFileKind, inlineMapping: string | undefined): Promise<TableUpload> => {
  const spooled = await spoolToTempFile(body, kind === 'xlsx' ? '.xlsx' : '.csv', importBodyLimit);
  return { ...spooled, kind, inlineMapping };
};

const formRefusal = (path: string, message: string) =>
  invalid('The form does not hold a table and its mapping', [{ path, message }]);

/**
 * Receives a table sent as the body itself (CSV or XLSX), or, when the route accepts it, as the `file`
 * field of a multipart form whose `mapping` field is a mapping document: a mapping of any size travels
 * in the body rather than the query string. The whole body is held to `importBodyLimit` before it is read.
 */
export async function receiveTableUpload(request: FastifyRequest): Promise<TableUpload> {
  const accepted = request.routeOptions.config.contentTypes ?? [];
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  // A request without a body (and so without a content type) reaches the handler unparsed.
  if (!(request.body instanceof Readable) || !accepted.includes(mediaType)) throw unsupportedContentType(request);
  if (mediaType !== multipartType) return spool(request.body, kindOf(mediaType), undefined);

  const whole = await spoolToTempFile(request.body, '.form', importBodyLimit);
  try {
    let form: FormData;
    try {
      const headers = { 'content-type': request.headers['content-type']! };
      form = await new Response(await openAsBlob(whole.file), { headers }).formData();
    } catch (error) {
      throw formRefusal('body', `is not a multipart form (${error instanceof Error ? error.message : String(error)})`);
    }
    const mapping = form.get('mapping');
    const file = form.get('file');
    if (typeof mapping !== 'string')
      throw formRefusal('body.mapping', 'is required: the mapping document as JSON text');
    if (file === null || typeof file === 'string') throw formRefusal('body.file', 'is required: a CSV or XLSX file');
    const stream = Readable.fromWeb(file.stream() as NodeReadableStream<Uint8Array>);
    return await spool(stream, kindOf(file.type, file.name), mapping);
  } finally {
    await whole.remove();
  }
}
