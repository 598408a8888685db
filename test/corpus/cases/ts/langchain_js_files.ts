import { StructuredTool } from '@langchain/core/tools';
import { z } from 'zod';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { requestApproval } from './approval';
import { createLogger } from './log_util';

const logger = createLogger('fs-tools');
const PROJECT_ROOT = path.resolve('/srv/projects');

export class RemovePathTool extends StructuredTool {
  name = 'remove_path';
  description = 'Remove a file or folder from the project';
  schema = z.object({ target: z.string() });

  async _call({ target }: { target: string }) {
    await fs.rm(path.join(PROJECT_ROOT, target), { recursive: true, force: true });
    return `removed ${target}`;
  }
}

export class ArchiveFileTool extends StructuredTool {
  name = 'archive_file';
  description = 'Delete a project file after the user approves';
  schema = z.object({ file: z.string() });

  async _call({ file }: { file: string }) {
    const abs = path.resolve(PROJECT_ROOT, file);
    if (path.relative(PROJECT_ROOT, abs).startsWith('..')) {
      throw new Error('outside project');
    }
    const ok = await requestApproval(`Delete ${abs}?`);
    if (!ok) {
      return 'kept';
    }
    logger.info({ abs }, 'deleting file');
    await fs.unlink(abs);
    return 'deleted';
  }
}
