import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { readFile } from 'fs/promises';
import { execSync } from 'child_process';

export const readFileTool = tool(
  async ({ filePath }) => {
    const data = await readFile(filePath, 'utf8');
    return data.slice(0, 20000);
  },
  {
    name: 'read_file',
    description: 'Read a file from disk',
    schema: z.object({ filePath: z.string() }),
  },
);

export const shellTool = tool(
  async ({ command }) => {
    return execSync(command, { encoding: 'utf8', timeout: 30000 });
  },
  {
    name: 'shell',
    description: 'Run a shell command',
    schema: z.object({ command: z.string() }),
  },
);

export const calculatorTool = tool(
  async ({ a, b, op }) => {
    switch (op) {
      case 'add':
        return String(a + b);
      case 'mul':
        return String(a * b);
      default:
        return String(a - b);
    }
  },
  {
    name: 'calculator',
    description: 'Basic arithmetic',
    schema: z.object({ a: z.number(), b: z.number(), op: z.enum(['add', 'mul', 'sub']) }),
  },
);
