import { DynamicStructuredTool, StructuredTool } from '@langchain/core/tools';
import { z } from 'zod';
import winston from 'winston';

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
const ALLOWED_HOSTS = new Set(['api.github.com', 'raw.githubusercontent.com']);

export const envTool = new DynamicStructuredTool({
  name: 'get_env',
  description: 'Read a configuration value from the environment',
  schema: z.object({ key: z.string() }),
  func: async ({ key }) => process.env[key] ?? 'unset',
});

export class GithubFetchTool extends StructuredTool {
  name = 'github_fetch';
  description = 'Fetch a file or API resource from GitHub';
  schema = z.object({ url: z.string() });

  async _call({ url }: { url: string }): Promise<string> {
    const host = new URL(url).host;
    if (!ALLOWED_HOSTS.has(host)) {
      throw new Error(`host ${host} is not allowed`);
    }
    logger.info('github_fetch', { url });
    const res = await fetch(url);
    return res.text();
  }
}
