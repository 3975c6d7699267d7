import { MAX_IMPORT_FILE_BYTES } from '@alex/contract/plain';

/** A chosen file too large to send: said before any upload, with the limit. */
export class FileTooLargeError extends Error {
  constructor(size: number) {
    super(
      `This file is ${(size / (1024 * 1024)).toFixed(1)} MB; Alex imports files up to ${MAX_IMPORT_FILE_BYTES / (1024 * 1024)} MB. Export fewer accounts at a time.`,
    );
    this.name = new.target.name;
  }
}

/**
 * A chosen file's exact bytes as base64, for the import endpoints: the server judges the encoding,
 * so a file saved in another encoding is refused there with its line, never mangled here.
 */
export async function readFileAsBase64(file: Blob): Promise<string> {
  if (file.size > MAX_IMPORT_FILE_BYTES) throw new FileTooLargeError(file.size);
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In chunks: String.fromCharCode with a million arguments would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Offers `text` to the browser as a download named `name`. */
export function downloadText(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
