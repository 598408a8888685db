// Reads one source file for analysis without ever blocking or throwing: FIFOs, devices, vanished,
// unreadable, oversize and binary files come back as a stated skip reason instead of text.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why a file was not analysed; the summary counts skips per reason. */
export type SkipReason = 'too-large' | 'binary' | 'not-a-file' | 'unreadable' | 'vanished' | 'symlink-loop' | 'analysis-failed';

export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  'too-large': 'larger than maxFileSize',
  binary: 'binary',
  'not-a-file': 'not a regular file',
  unreadable: 'unreadable',
  vanished: 'vanished during the scan',
  'symlink-loop': 'symlink loop or already scanned through another link',
  'analysis-failed': 'analysis failed',
};

export interface Skip {
  file: string;
  reason: SkipReason;
  /** The error or the numbers behind the reason. */
  detail: string;
}

export type ReadOutcome = { text: string; replaced: boolean } | { skip: Skip };

const BINARY_PROBE = 8 * 1024;

/** Reads `file` as UTF-8 (BOM stripped, invalid bytes replaced and flagged). */
export function readSource(file: string, maxFileSize: number): ReadOutcome {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise block the scan forever.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { skip: errorSkip(file, e) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { skip: { file, reason: 'not-a-file', detail: 'not a regular file' } };
    if (st.size > maxFileSize) return { skip: tooLarge(file, st.size, maxFileSize) };
    const buf = Buffer.allocUnsafe(st.size);
    let n = 0;
    while (n < buf.length) {
      const got = readSync(fd, buf, n, buf.length - n, n);
      if (got === 0) break;
      n += got;
    }
    return decode(file, buf.subarray(0, n));
  } catch (e) {
    return { skip: errorSkip(file, e) };
  } finally {
    closeSync(fd);
  }
}

export function tooLarge(file: string, size: number, max: number): Skip {
  return { file, reason: 'too-large', detail: `${size} bytes, over maxFileSize ${max}` };
}

/** Decodes file bytes: binary (a NUL byte in the first 8 KiB) is a skip; BOM stripped; bad UTF-8 replaced. */
export function decode(file: string, bytes: Uint8Array): ReadOutcome {
  const probe = bytes.subarray(0, BINARY_PROBE);
  if (probe.includes(0)) return { skip: { file, reason: 'binary', detail: 'NUL byte in the first 8 KiB' } };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), replaced: false };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes), replaced: true };
  }
}

export function errorSkip(file: string, e: unknown): Skip {
  const err = e as NodeJS.ErrnoException;
  const detail = err?.message ?? String(e);
  switch (err?.code) {
    case 'ENOENT':
      return { file, reason: 'vanished', detail };
    case 'ELOOP':
      return { file, reason: 'symlink-loop', detail };
    case 'EISDIR':
      return { file, reason: 'not-a-file', detail };
    default:
      return { file, reason: 'unreadable', detail };
  }
}
