/**
 * First pass over a file: checksum, size, encoding and separator. Encoding is decided on the whole
 * file, not a sample: a file is UTF-8 only if every byte sequence is valid UTF-8 (a Windows-1252
 * 'ø' somewhere on line 900,000 would otherwise turn into garbage); otherwise it is Windows-1252,
 * the other encoding the contract allows. This costs one extra streaming read, which is cheap
 * next to the database work.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export type FileEncoding = 'utf-8' | 'windows-1252';
export type Delimiter = ';' | ',';

export interface FileFormat {
  bytes: number;
  sha256: string;
  encoding: FileEncoding;
  hasBom: boolean;
  /** a NUL byte in the first megabyte: a spreadsheet or other binary file, not text */
  binary: boolean;
  /** null when the file has no header line at all */
  delimiter: Delimiter | null;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export async function detectFileFormat(path: string): Promise<FileFormat> {
  const hash = createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let validUtf8 = true;
  let bytes = 0;
  let firstBytes = Buffer.alloc(0);
  let headerLine: string | null = null;
  let binary = false;

  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (bytes < 1 << 20 && chunk.includes(0)) binary = true;
    bytes += chunk.length;
    if (validUtf8) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        validUtf8 = false;
      }
    }
    if (headerLine === null) {
      firstBytes = Buffer.concat([firstBytes, chunk]);
      const newline = firstBytes.indexOf(0x0a);
      if (newline >= 0) headerLine = firstBytes.subarray(0, newline).toString('latin1');
    }
  }
  if (validUtf8) {
    try {
      utf8.decode();
    } catch {
      validUtf8 = false; // the file ends in the middle of a multi-byte sequence
    }
  }
  headerLine ??= firstBytes.toString('latin1');
  const hasBom = UTF8_BOM.every((byte, i) => firstBytes[i] === byte);
  return {
    bytes,
    sha256: hash.digest('hex'),
    encoding: validUtf8 ? 'utf-8' : 'windows-1252',
    hasBom,
    binary,
    delimiter: detectDelimiter(headerLine),
  };
}

/**
 * Header names contain neither separator, so whichever occurs in the header line is the separator.
 * A header with only one column has neither; it is read with ';' and then fails on its columns.
 */
export function detectDelimiter(headerLine: string): Delimiter | null {
  if (headerLine.trim() === '') return null;
  const semicolons = headerLine.split(';').length - 1;
  const commas = headerLine.split(',').length - 1;
  return commas > semicolons ? ',' : ';';
}
