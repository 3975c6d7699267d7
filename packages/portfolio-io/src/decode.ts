import { ImportFileError } from './errors.ts';
import { MAX_IMPORT_BYTES } from './limits.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The text of an uploaded file: at most {@link MAX_IMPORT_BYTES}, strict UTF-8 (a byte-order mark
 * is dropped), no NUL. A file saved in another encoding is refused with the line of its first bad
 * byte rather than imported with replacement characters in names.
 */
export function decodeImportFile(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) throw new ImportFileError('The file is empty');
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportFileError(
      `The file is ${formatSize(bytes.byteLength)}; the limit is ${formatSize(MAX_IMPORT_BYTES)}`,
    );
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ImportFileError(
      'The file is not UTF-8 text: save it as "CSV UTF-8" and try again',
      lineOfFirstBadByte(bytes),
    );
  }
  const nul = text.indexOf('\0');
  if (nul >= 0)
    throw new ImportFileError('The file contains a NUL character: it is not a CSV file', lineAt(text, nul));
  return text;
}

/** "1.0 MB", "10.5 MB", "512 KB": sizes as people read them (1 MB = 1,048,576 bytes). */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function lineOfFirstBadByte(bytes: Uint8Array): number {
  // Grow the valid prefix until decoding fails; the line count of the prefix locates the bad byte.
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    const length = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 0;
    if (length === 0) return line;
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return line;
    }
    if (byte === 10) line++;
    i += length;
  }
  return line;
}
