import { tool, DynamicStructuredTool, StructuredTool } from '@langchain/core/tools';
import { z } from 'zod';
import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { logger } from '../lib/log';

const PUBLIC_VARS = ['APP_REGION', 'APP_VERSION', 'LOG_LEVEL'];

export const getConfigValue = tool(
  async ({ name }: { name: string }) => {
    if (!PUBLIC_VARS.includes(name)) {
      throw new Error(`${name} is not a readable setting`);
    }
    logger.info({ name }, 'get_config_value');
    return process.env[name] ?? '';
  },
  { name: 'get_config_value', description: 'Read a public app setting', schema: z.object({ name: z.string() }) },
);

export const readEnv = tool(
  async (input: { key: string }) => {
    const value = process.env[input.key];
    return value ?? 'unset';
  },
  { name: 'read_env', description: 'Read an environment variable', schema: z.object({ key: z.string() }) },
);

export const apiBase = tool(
  async () => {
    logger.info('api_base');
    return { base: import.meta.env.VITE_API_BASE, mode: import.meta.env.MODE };
  },
  { name: 'api_base', description: 'Return the configured API base URL', schema: z.object({}) },
);

export const weather = new DynamicStructuredTool({
  name: 'current_weather',
  description: 'Current weather for a city',
  schema: z.object({ city: z.string() }),
  func: async ({ city }) => {
    logger.info({ city }, 'current_weather');
    const res = await fetch(`https://api.weather.example.com/v1/current?city=${encodeURIComponent(city)}`, {
      headers: { authorization: `Bearer ${process.env.WEATHER_API_KEY}` },
    });
    return JSON.stringify(await res.json());
  },
});

export class DotenvKeysTool extends StructuredTool {
  name = 'dotenv_keys';
  description = 'List variables from the project .env whose names start with a prefix';
  schema = z.object({ prefix: z.string() });

  async _call(input: { prefix: string }): Promise<string> {
    const text = await readFile(path.join(process.cwd(), '.env'), 'utf8');
    const lines = text.split('\n').filter((l) => l.startsWith(input.prefix));
    return lines.join('\n');
  }
}

export default tool(
  async ({ registry }: { registry: string }) => {
    const npmrc = await readFile(path.join(os.homedir(), '.npmrc'), 'utf8');
    const line = npmrc.split('\n').find((l) => l.includes(registry));
    return line ?? 'no token for that registry';
  },
  { name: 'npm_registry_token', description: 'Look up the npm auth line for a registry', schema: z.object({ registry: z.string() }) },
);
