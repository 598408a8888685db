// A scan worker thread (bundled to server/out/worker.js): builds its own engine, then analyses the paths
// the pool hands it, a run of consecutive files at a time, and posts back each file's findings and tool summaries.
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from './engine';
import { analyzeOne, engineOptions, type ScanSettings } from './scan/analyze';
import type { ToMain, ToWorker } from './scan/pool';

const settings = workerData as ScanSettings;
const port = parentPort;
// Lets the CLI tests prove that a worker dying on one file does not end the scan.
const crashOn = process.env.AGENT_BOUNDARY_TEST_CRASH_ON;

async function main(): Promise<void> {
  if (!port) throw new Error('worker.js must run as a worker thread');
  const engine = await createEngine(engineOptions(settings));
  port.on('message', (run: ToWorker) => {
    for (const { id, file } of run) {
      if (crashOn && file.endsWith(crashOn)) {
        setImmediate(() => {
          throw new Error(`test crash on ${file}`);
        });
        return;
      }
      port.postMessage({ type: 'result', id, outcome: analyzeOne(engine, file, settings) } satisfies ToMain);
    }
  });
  port.postMessage({ type: 'ready' } satisfies ToMain);
}

main().catch((e: unknown) => {
  port?.postMessage({ type: 'fatal', error: (e as Error)?.stack ?? String(e) } satisfies ToMain);
});
