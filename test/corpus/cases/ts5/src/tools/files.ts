import { tool } from 'ai';
import { z } from 'zod';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { EXPORT_DIR, REPORTS_DIR, TMP_DIR, UPLOAD_DIR, USER_ROOT } from '../config';
import { logger, workspaceFiles } from '../services';
import { resolveInside, safeJoin } from '../security/sandbox';
import { withAudit } from '../security/audit';

export const fileTools = {
  readWorkspaceFile: tool({
    description: 'Read a file from the shared team workspace.',
    inputSchema: z.object({ path: z.string() }),
    execute: async ({ path: relPath }) => workspaceFiles.read(relPath),
  }),

  readReport: tool({
    description: 'Read a generated report by name.',
    inputSchema: z.object({ name: z.string() }),
    execute: async ({ name }) => {
      const full = resolveInside(REPORTS_DIR, name);
      logger.info({ file: full }, 'reading report');
      return fs.readFile(full, 'utf8');
    },
  }),

  deleteUpload: tool({
    description: 'Delete a file that a customer uploaded.',
    inputSchema: z.object({ fileName: z.string() }),
    execute: async ({ fileName }) => {
      const target = path.join(UPLOAD_DIR, fileName);
      logger.info({ target }, 'deleting upload');
      await fs.rm(target, { force: true });
      return { deleted: fileName };
    },
  }),

  deleteTempFile: tool({
    description: 'Remove a scratch file from the temp folder.',
    inputSchema: z.object({ name: z.string() }),
    needsApproval: true,
    execute: async ({ name }) => {
      const target = path.join(TMP_DIR, path.basename(name));
      logger.info({ target }, 'removing temp file');
      await fs.unlink(target);
      return 'removed';
    },
  }),

  listExports: tool({
    description: 'List the CSV exports that are ready for download.',
    inputSchema: z.object({}),
    execute: async () => {
      const entries = await fs.readdir(EXPORT_DIR);
      return entries.filter((e) => e.endsWith('.csv'));
    },
  }),

  readUserFile: tool({
    description: "Read a file from a user's private folder.",
    inputSchema: z.object({ userId: z.string(), fileName: z.string() }),
    execute: withAudit('readUserFile', async ({ userId, fileName }: { userId: string; fileName: string }) => {
      const full = safeJoin(USER_ROOT, userId, fileName);
      return fs.readFile(full, 'utf8');
    }),
  }),
};
