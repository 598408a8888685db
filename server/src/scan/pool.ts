// Runs the per-file analysis: in-process for --jobs 1, otherwise on worker threads, each with its own
// engine, fed runs of consecutive file paths (chunkSize) as they free up. Outcomes reach the caller in the
// order of `files` whatever order the workers finish in, so the output does not depend on --jobs.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { createEngine } from '../engine';
import { analyzeOne, engineOptions, type FileOutcome, type ScanSettings } from './analyze';

/** A run of consecutive files for a worker to analyse in order, posting one result per file. */
export type ToWorker = { id: number; file: string }[];
export type ToMain = { type: 'ready' } | { type: 'fatal'; error: string } | { type: 'result'; id: number; outcome: FileOutcome };

export interface PoolOptions extends ScanSettings {
  /** Worker count; undefined picks one from the CPU count and the number of files. */
  jobs?: number;
  /** Called as each file finishes (in completion order), for progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Checked as each file finishes: once true, the workers are stopped and the call returns (editors' cancel). */
  cancelled?: () => boolean;
}

/** Starting a worker (bundle load, parser WASM, catalog) costs about as much as analysing this many files. */
const FILES_PER_WORKER = 100;

/** The default worker count: none (in-process) for small scans, at most one per core. */
export function defaultJobs(fileCount: number): number {
  // Most files carry no tool and cost only a read: below this, a worker's start-up outweighs its help (bench/RESULTS.md).
  if (fileCount < IN_PROCESS_BELOW) return 1;
  return workersFor(fileCount);
}
const IN_PROCESS_BELOW = 2000;

/** A file that takes longer than this is abandoned: its worker is replaced and the file reported as skipped. */
const FILE_TIMEOUT_MS = 120_000;

/** server/out/worker.js next to the bundle, or the built one when running from source. */
function workerScript(): string | undefined {
  for (const p of [join(__dirname, 'worker.js'), join(__dirname, '..', '..', 'out', 'worker.js')]) if (existsSync(p)) return p;
  return undefined;
}

/**
 * A scan's live heap is small (the module cache, summaries, findings so far: 20-30 MB per engine) but V8 lets
 * each heap grow to about four times its live size before a full collection, so the garbage of three isolates
 * made most of the scan's memory. Growing by at most 2x keeps it near the live size; the full collections
 * this adds are cheap at that size (bench/RESULTS.md: peak RSS and CPU with and without). The flag is read
 * whenever V8 sizes a heap, so it holds for this isolate and for the workers started after it.
 */
function boundHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=100');
}

/** Analyses `files`, calling `onOutcome` once per file in the order of `files`. */
export async function analyzeFiles(files: string[], opts: PoolOptions, onOutcome: (o: FileOutcome) => void): Promise<void> {
  boundHeapGrowth();
  const settings: ScanSettings = { config: opts.config, roots: opts.roots, maxFileSize: opts.maxFileSize };
  const script = workerScript();
  const jobs = opts.jobs ?? defaultJobs(files.length);
  if (jobs <= 1 || files.length <= 1 || !script) {
    const engine = await createEngine(engineOptions(settings));
    files.forEach((file, i) => {
      onOutcome(analyzeOne(engine, file, settings));
      opts.onProgress?.(i + 1, files.length);
    });
    return;
  }
  await runWorkers(script, files, Math.min(jobs, files.length), settings, opts, onOutcome);
}

/** The worker count for `files` files: one per FILES_PER_WORKER files, at least one, at most one per core. */
export function workersFor(fileCount: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(fileCount / FILES_PER_WORKER)));
}

/**
 * Analyses `files` on `workers` worker threads whatever their number (the language server keeps its own
 * thread free for the editor). Returns false, having done nothing, when the worker bundle is missing.
 */
export async function analyzeOnWorkers(files: string[], workers: number, opts: PoolOptions, onOutcome: (o: FileOutcome) => void): Promise<boolean> {
  const script = workerScript();
  if (!script) return false;
  if (!files.length) return true;
  const settings: ScanSettings = { config: opts.config, roots: opts.roots, maxFileSize: opts.maxFileSize };
  await runWorkers(script, files, Math.max(1, Math.min(workers, files.length)), settings, opts, onOutcome);
  return true;
}

/**
 * Consecutive files per dispatch. Files arrive sorted by path, so a run of them usually shares a folder and
 * the helper modules it imports: a worker that analyses the whole run parses each helper once, where files
 * dealt out one at a time to alternating workers made every worker parse every helper (bench/RESULTS.md).
 * Several runs per worker keep the load balanced when some folders cost more than others.
 */
export function chunkSize(files: number, workers: number): number {
  return Math.max(1, Math.min(MAX_CHUNK, Math.ceil(files / (workers * CHUNKS_PER_WORKER))));
}
const MAX_CHUNK = 64;
const CHUNKS_PER_WORKER = 8;

function runWorkers(
  script: string,
  files: string[],
  count: number,
  settings: ScanSettings,
  opts: PoolOptions,
  onOutcome: (o: FileOutcome) => void,
): Promise<void> {
  return new Promise((resolvePool, rejectPool) => {
    const results: (FileOutcome | undefined)[] = new Array(files.length);
    const size = chunkSize(files.length, count);
    // Runs of file indices not yet handed out; a crashed worker's unfinished run goes back to the front.
    const queue: number[][] = [];
    for (let i = 0; i < files.length; i += size) queue.push(Array.from({ length: Math.min(size, files.length - i) }, (_, k) => i + k));
    let nextToEmit = 0;
    let done = 0;
    // Set once the pool has resolved or rejected: workers exiting after that are not replaced.
    let ended = false;
    const live = new Set<Worker>();

    const end = (err?: Error): void => {
      if (ended) return;
      ended = true;
      for (const w of live) void w.terminate();
      if (err) rejectPool(err);
      else resolvePool();
    };

    const finish = (id: number, outcome: FileOutcome): void => {
      if (results[id] || ended) return;
      results[id] = outcome;
      done++;
      opts.onProgress?.(done, files.length);
      while (nextToEmit < files.length && results[nextToEmit]) {
        onOutcome(results[nextToEmit] as FileOutcome);
        results[nextToEmit] = undefined;
        nextToEmit++;
      }
      if (done === files.length || opts.cancelled?.()) end();
    };

    const fail = (err: Error): void => end(err);

    const start = (): void => {
      // A small young generation keeps each worker's garbage (and so the process's memory) bounded.
      const worker = new Worker(script, { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      live.add(worker);
      let ready = false;
      // The run this worker is analysing, in order; its head is the file in progress.
      let pending: number[] = [];
      let lastError: Error | undefined;
      let timedOut = false;
      let timer: NodeJS.Timeout | undefined;

      // Each file gets FILE_TIMEOUT_MS from when the worker can start on it.
      const arm = (): void => {
        if (timer) clearTimeout(timer);
        timer = pending.length
          ? setTimeout(() => {
              timedOut = true;
              void worker.terminate();
            }, FILE_TIMEOUT_MS)
          : undefined;
      };

      const feed = (): void => {
        const run = queue.shift();
        if (!run) {
          arm();
          live.delete(worker);
          void worker.terminate();
          return;
        }
        pending = run;
        arm();
        worker.postMessage(run.map((id) => ({ id, file: files[id] })) satisfies ToWorker);
      };

      worker.on('message', (msg: ToMain) => {
        if (ended) return;
        if (msg.type === 'ready') {
          ready = true;
          feed();
        } else if (msg.type === 'fatal') {
          fail(new Error(`worker failed to start: ${msg.error}`));
        } else if (msg.id === pending[0]) {
          pending.shift();
          finish(msg.id, msg.outcome);
          if (pending.length) arm();
          else feed();
        }
      });
      worker.on('error', (e) => {
        lastError = e;
      });
      worker.on('exit', (code) => {
        if (timer) clearTimeout(timer);
        live.delete(worker);
        if (ended) return;
        if (!ready) {
          fail(new Error(`worker failed to start: ${lastError?.message ?? `exit code ${code}`}`));
          return;
        }
        const [current, ...rest] = pending;
        if (current === undefined) return;
        const file = files[current];
        const detail = timedOut ? `analysis did not finish within ${FILE_TIMEOUT_MS / 1000} s` : `worker crashed: ${lastError?.message ?? `exit code ${code}`}`;
        finish(current, { file, findings: [], tools: [], skip: { file, reason: 'analysis-failed', detail } });
        if (rest.length) queue.unshift(rest);
        if (queue.length) start();
      });
    };

    for (let i = 0; i < count; i++) start();
  });
}
