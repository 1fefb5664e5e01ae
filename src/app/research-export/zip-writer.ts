import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Zip, ZipDeflate } from 'fflate';

/** A file as it went into the zip: size and SHA-256 digest of its uncompressed bytes. */
export interface ZippedFile {
  file: string;
  bytes: number;
  sha256: string;
}

/**
 * A zip archive written to a stream as its files are produced (fflate's streaming `Zip`, deflate level 6),
 * one file at a time, waiting whenever the stream asks to drain, so neither the archive nor a whole file
 * is ever held in memory. Each file's size and SHA-256 are measured on the way in.
 */
export class ZipWriter {
  private readonly zip: Zip;
  private failure: Error | null = null;

  constructor(
    private readonly out: Writable,
    private readonly modified: Date,
  ) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) this.failure = error;
      else {
        out.write(chunk);
        if (final) out.end();
      }
    });
  }

  /** Adds one file from its text chunks (UTF-8). */
  async add(file: string, chunks: Iterable<string> | AsyncIterable<string>): Promise<ZippedFile> {
    const entry = new ZipDeflate(file, { level: 6 });
    entry.mtime = this.modified;
    this.zip.add(entry);
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of chunks) {
      const data = Buffer.from(chunk, 'utf8');
      hash.update(data);
      bytes += data.length;
      entry.push(data);
      await this.drained();
    }
    entry.push(new Uint8Array(0), true);
    await this.drained();
    return { file, bytes, sha256: hash.digest('hex') };
  }

  /** Writes the central directory and ends the stream. */
  async end(): Promise<void> {
    this.zip.end();
    await this.drained();
  }

  private async drained(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.out.writableNeedDrain && !this.out.destroyed) {
      const stop = new AbortController();
      await Promise.race([
        once(this.out, 'drain', { signal: stop.signal }),
        once(this.out, 'close', { signal: stop.signal }),
      ]).finally(() => stop.abort());
    }
    if (this.out.destroyed) throw new Error('the output closed before the zip was complete');
  }
}
