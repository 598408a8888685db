import { tool } from '@openai/agents';
import { z } from 'zod';
import { exec, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { REPO_DIR } from '../config';
import { logger } from '../services';
import { withAudit } from '../security/audit';

const execAsync = promisify(exec);
const execFileAsync = promisify(execFile);

const ALLOWED_SCRIPTS = new Set(['lint', 'test:smoke', 'cache:clear']);

export const runShell = tool({
  name: 'run_shell',
  description: 'Run a shell command on the ops box and return its output.',
  parameters: z.object({ command: z.string() }),
  execute: async ({ command }) => {
    const { stdout, stderr } = await execAsync(command, { cwd: REPO_DIR, timeout: 30_000 });
    return stdout + stderr;
  },
});

export const gitLog = tool({
  name: 'git_log',
  description: 'Show the most recent commits of the application repository.',
  parameters: z.object({ limit: z.number().int().min(1).max(100) }),
  execute: withAudit('git_log', async ({ limit }: { limit: number }) => {
    const { stdout } = await execFileAsync('git', ['log', '--oneline', '-n', String(limit)], { cwd: REPO_DIR });
    return stdout;
  }),
});

export const runPackageScript = tool({
  name: 'run_package_script',
  description: 'Run one of the whitelisted npm scripts.',
  parameters: z.object({ script: z.string() }),
  execute: async ({ script }) => {
    if (!ALLOWED_SCRIPTS.has(script)) {
      throw new Error(`script not allowed: ${script}`);
    }
    logger.info({ script }, 'running npm script');
    const { stdout } = await execFileAsync('npm', ['run', script], { cwd: REPO_DIR });
    return stdout;
  },
});

export const evaluateExpression = tool({
  name: 'evaluate_expression',
  description: 'Evaluate an arithmetic expression such as "(3 + 4) * 12".',
  parameters: z.object({ expression: z.string() }),
  execute: async ({ expression }) => {
    console.log('evaluating', expression);
    const value = vm.runInNewContext(expression, { Math }, { timeout: 100 });
    return String(value);
  },
});

export const restartService = tool({
  name: 'restart_service',
  description: 'Restart one of the application services.',
  parameters: z.object({ service: z.enum(['acme-api', 'acme-worker', 'acme-scheduler']) }),
  needsApproval: true,
  execute: async ({ service }) => {
    logger.warn({ service }, 'restarting service');
    await execFileAsync('systemctl', ['restart', service]);
    return `${service} restarted`;
  },
});

export const countLogMatches = tool({
  name: 'count_log_matches',
  description: 'Count how many lines of the application log match a pattern.',
  parameters: z.object({ pattern: z.string() }),
  execute: async ({ pattern }) => {
    logger.info({ pattern }, 'grepping app log');
    const child = spawn(`grep -c "${pattern}" /var/log/acme/app.log`, { shell: true });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    await new Promise((resolve) => child.on('close', resolve));
    return out.trim();
  },
});

export const opsTools = [runShell, gitLog, runPackageScript, evaluateExpression, restartService, countLogMatches];
