import { tool } from 'ai';
import { z } from 'zod';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = '/srv/uploads';

// @label default: fs,audit | export default tool, fs.promises.rm on bare path.join, needsApproval, console only
export default tool({
  description: 'Delete an uploaded file',
  inputSchema: z.object({ name: z.string() }),
  needsApproval: true,
  execute: async ({ name }) => {
    const target = path.join(ROOT, name);
    await fs.promises.rm(target, { force: true });
    console.info('deleted', target);
    return 'ok';
  },
});
// @end
