import { tool } from '@openai/agents';
import { z } from 'zod';
import { execa } from 'execa';
import { spawnSync } from 'node:child_process';
import winston from 'winston';

const logger = winston.createLogger({
  level: 'info',
  transports: [new winston.transports.Console()],
});

const REPO = '/srv/agent-data/repo';
const FORMATTERS = ['prettier', 'eslint', 'tsc'] as const;
type Formatter = (typeof FORMATTERS)[number];

const gitLog = tool({
  name: 'git_log',
  description: 'Show recent commits of the project repository',
  parameters: z.object({ limit: z.number().int().min(1).max(50) }),
  execute: async ({ limit }) => {
    logger.info('git_log', { limit });
    const { stdout } = await execa('git', ['log', '--oneline', '-n', String(limit)], { cwd: REPO });
    return stdout;
  },
});

const runCommand = tool({
  name: 'run_command',
  description: 'Run a shell command in the repository',
  parameters: z.object({ cmd: z.string() }),
  execute: async (input) => {
    logger.info('run_command', { cmd: input.cmd });
    const { stdout } = await execa(input.cmd, { shell: true, cwd: REPO });
    return stdout;
  },
});

const runProgram = tool({
  name: 'run_program',
  description: 'Run a program with arguments',
  parameters: z.object({ program: z.string(), args: z.array(z.string()) }),
  execute: async ({ program, args }) => {
    const out = spawnSync(program, args, { cwd: REPO, encoding: 'utf8' });
    return out.stdout;
  },
});

const runFormatter = tool({
  name: 'run_formatter',
  description: 'Run one of the project formatters on the repository',
  parameters: z.object({ program: z.string(), args: z.array(z.string()) }),
  execute: async ({ program, args }) => {
    if (!FORMATTERS.includes(program as Formatter)) {
      throw new Error(`program ${program} is not allowed`);
    }
    logger.info('run_formatter', { program, args });
    const out = spawnSync(program, args, { cwd: REPO, encoding: 'utf8' });
    return out.stdout;
  },
});

const calculate = tool({
  name: 'calculate',
  description: 'Evaluate an arithmetic expression',
  parameters: z.object({ expression: z.string() }),
  execute: async ({ expression }) => {
    const fn = new Function(`return (${expression});`);
    return String(fn());
  },
});

export const shellTools = [gitLog, runCommand, runProgram, runFormatter, calculate] as const;
