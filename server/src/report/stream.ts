// Reports are written in pieces, so that a scan of a large tree never holds its whole report, or all its
// findings as objects, at once: `jsonChunks` prints a value exactly as `JSON.stringify(value, null, 2)`
// would, except that a `Lazy` array inside it is read item by item while it is printed.
import { closeSync, openSync, writeSync } from 'node:fs';

/** What a report reads its findings and tools from: an array, or a list that unpacks each item when read. */
export type ReportList<T> = Iterable<T> & { readonly length: number };

/** An array that `jsonChunks` prints item by item as it reads `items`, mapping each through `map`. */
export class Lazy<T = unknown> {
  constructor(
    readonly items: Iterable<T>,
    readonly map: (item: T) => unknown = (x) => x,
  ) {}
}

function holdsLazy(v: unknown): boolean {
  if (v instanceof Lazy) return true;
  if (v === null || typeof v !== 'object') return false;
  return Object.values(v as object).some(holdsLazy);
}

/** `JSON.stringify(v, null, 2)` with every line after the first indented by `pad`. */
function plain(v: unknown, pad: string): string | undefined {
  const s = JSON.stringify(v, null, 2) as string | undefined;
  return s === undefined || !pad ? s : s.replace(/\n/g, `\n${pad}`);
}

/** The pieces of `JSON.stringify(value, null, 2)`, reading `Lazy` arrays one item at a time. */
export function* jsonChunks(value: unknown, pad = ''): Generator<string> {
  if (!holdsLazy(value)) {
    yield plain(value, pad) ?? 'null';
    return;
  }
  const inner = `${pad}  `;
  if (value instanceof Lazy || Array.isArray(value)) {
    const items: Iterable<unknown> = value instanceof Lazy ? value.items : value;
    const map = value instanceof Lazy ? value.map : (x: unknown) => x;
    let first = true;
    for (const item of items) {
      const v = map(item);
      yield first ? `[\n${inner}` : `,\n${inner}`;
      first = false;
      // As in JSON.stringify, an array item that has no JSON form prints as null.
      if (holdsLazy(v)) yield* jsonChunks(v, inner);
      else yield plain(v, inner) ?? 'null';
    }
    yield first ? '[]' : `\n${pad}]`;
    return;
  }
  let first = true;
  for (const [k, v] of Object.entries(value as object)) {
    const lazy = holdsLazy(v);
    const text = lazy ? undefined : plain(v, inner);
    // As in JSON.stringify, a property that has no JSON form (undefined, a function) is left out.
    if (!lazy && text === undefined) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(k)}: `;
    first = false;
    if (lazy) yield* jsonChunks(v, inner);
    else yield text as string;
  }
  yield first ? '{}' : `\n${pad}}`;
}

/** Writes chunks to a file (or standard output) in blocks of about 64 KB. */
export function writeChunks(chunks: Iterable<string>, file?: string): void {
  const fd = file === undefined ? undefined : openSync(file, 'w');
  const flush = (s: string): void => {
    if (!s) return;
    if (fd === undefined) process.stdout.write(s);
    else writeSync(fd, s);
  };
  try {
    let block = '';
    for (const c of chunks) {
      block += c;
      if (block.length >= 1 << 16) {
        flush(block);
        block = '';
      }
    }
    flush(block);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
