import { tool } from 'ai';
import { z } from 'zod';
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import vm from 'node:vm';

const execFileP = promisify(execFile);
const ALLOWED_SCRIPTS = new Set(['lint', 'test', 'build']);

function collect(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve) => {
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.on('close', () => resolve(out));
  });
}

export const runCommand = tool({
  description: 'Run a command in the sandbox shell',
  inputSchema: z.object({ command: z.string() }),
  execute: async ({ command }) => collect(spawn(command, { shell: true })),
});

export const gitLog = tool({
  description: 'Show git log for a path',
  inputSchema: z.object({ file: z.string(), n: z.number().default(10) }),
  execute: async ({ file, n }) => {
    const { stdout } = await execFileP('git', ['log', `-n${n}`, '--', file], { cwd: '/srv/repo' });
    return stdout;
  },
});

export const evalJs = tool({
  description: 'Evaluate a JavaScript expression',
  inputSchema: z.object({ code: z.string() }),
  execute: async ({ code }) => String(vm.runInNewContext(code, {}, { timeout: 1000 })),
});

export const npmScript = tool({
  description: 'Run an npm script',
  inputSchema: z.object({ script: z.string() }),
  execute: async ({ script }) => {
    if (!ALLOWED_SCRIPTS.has(script)) {
      console.warn(`refusing npm script ${script}`);
      return 'not allowed';
    }
    console.log(`npm run ${script}`);
    const { stdout } = await execFileP('npm', ['run', script], { cwd: '/srv/repo' });
    return stdout;
  },
});
