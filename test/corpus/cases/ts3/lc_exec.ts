import { tool as lcTool, StructuredTool } from '@langchain/core/tools';
import { execFile, exec, execSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { z } from 'zod';
import pino from 'pino';

const log = pino({ name: 'exec-tools' });
const execFileP = promisify(execFile);
const runCmd = (c: string) => execSync(c).toString();

// @label gitShow: audit | execFile with constant program, args array, no log
export const gitShow = lcTool(
  async ({ ref }) => {
    const { stdout } = await execFileP('git', ['show', '--stat', ref]);
    return stdout;
  },
  { name: 'git_show', description: 'Show a commit', schema: z.object({ ref: z.string() }) },
);
// @end

// @label grepRepo: exec,audit | exec with a template string
export const grepRepo = lcTool(
  async ({ pattern }) =>
    new Promise<string>((resolve) => {
      exec(`grep -rn ${pattern} ./src`, (_err, out) => resolve(out));
    }),
  { name: 'grep_repo', description: 'Grep the repo', schema: z.object({ pattern: z.string() }) },
);
// @end

// @label runScript: exec | arrow helper execSync, logger
export const runScript = lcTool(
  async ({ script }) => {
    log.info({ script }, 'runScript');
    return runCmd(script);
  },
  { name: 'run_script', description: 'Run a script', schema: z.object({ script: z.string() }) },
);
// @end

// @label ShellTool: exec,audit | class extends StructuredTool, spawn shell:true
export class ShellTool extends StructuredTool {
  name = 'shell';
  description = 'Run a shell command';
  schema = z.object({ cmd: z.string() });

  async _call(input: { cmd: string }): Promise<string> {
    const child = spawn(input.cmd, { shell: true });
    let out = '';
    for await (const chunk of child.stdout) out += chunk;
    return out;
  }
}
// @end

export function buildLocally(target: string) {
  // not a tool
  return execSync(`make ${target}`).toString();
}
