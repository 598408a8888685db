import { tool } from 'ai';
import { z } from 'zod';
import path from 'node:path';
import fs from 'node:fs/promises';
import { ROOT, resolveInside } from '../lib/guards';
import { logger, audit } from '../lib/log';

const UPLOADS = '/srv/agent-data/uploads';
const pathInput = z.object({ path: z.string().optional() });

export const fileTools = Object.fromEntries([
  ['read_file', tool({
    description: 'Read a file from the workspace',
    inputSchema: pathInput,
    execute: async ({ path: p = '.' }) => {
      const full = path.resolve(ROOT, p);
      if (!full.startsWith(ROOT + path.sep)) {
        throw new Error('outside workspace');
      }
      audit('read_file', { path: full });
      return fs.readFile(full, 'utf8');
    },
  })],
  ['list_dir', tool({
    description: 'List a workspace directory',
    inputSchema: pathInput,
    execute: async ({ path: dir = '.' }) => {
      logger.info({ dir }, 'list_dir');
      return fs.readdir(path.join(ROOT, dir));
    },
  })],
  ['append_note', tool({
    description: 'Append a line to a note in the workspace',
    inputSchema: z.object({ name: z.string(), line: z.string() }),
    execute: async ({ name, line }) => {
      const full = path.resolve(ROOT, 'notes', name);
      const rel = path.relative(ROOT, full);
      if (rel.startsWith('..') || path.isAbsolute(rel)) {
        return { error: 'denied' };
      }
      await fs.appendFile(full, `${line}\n`);
      return { ok: true };
    },
  })],
  ['stat_file', tool({
    description: 'Return size and mtime of a workspace file',
    inputSchema: z.object({ path: z.string() }),
    execute: async (input) => {
      const full = resolveInside(input.path);
      const st = await fs.stat(full);
      return { size: st.size, mtime: st.mtime.toISOString() };
    },
  })],
  ['delete_file', tool({
    description: 'Delete a file from the workspace',
    inputSchema: z.object({ path: z.string() }),
    execute: async ({ path: target }) => {
      const full = resolveInside(target);
      logger.warn({ full }, 'delete_file');
      await fs.rm(full, { force: true });
      return { deleted: full };
    },
  })],
  ['read_upload', tool({
    description: 'Read an uploaded attachment by name',
    inputSchema: z.object({ name: z.string() }),
    execute: async ({ name }) => {
      const full = path.join(UPLOADS, path.basename(name));
      logger.info({ full }, 'read_upload');
      return fs.readFile(full, 'utf8');
    },
  })],
  ['read_config', tool({
    description: 'Read a configuration file',
    inputSchema: z.object({ file: z.string() }),
    execute: async (input) => {
      console.info('read_config', input.file);
      const text = await fs.readFile(input.file, 'utf8');
      return JSON.parse(text);
    },
  })],
]);
