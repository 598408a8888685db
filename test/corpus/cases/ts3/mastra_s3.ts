import { createTool } from '@mastra/core/tools';
import { S3Client, DeleteObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { z } from 'zod';
import pino from 'pino';

const s3 = new S3Client({});
const logger = pino();
const BUCKET = 'agent-artifacts';

// @label deleteArtifact: txn,audit | S3 DeleteObjectCommand, no approval, console only
export const deleteArtifact = createTool({
  id: 'delete-artifact',
  description: 'Delete an artifact',
  inputSchema: z.object({ key: z.string() }),
  execute: async ({ context }) => {
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: context.key }));
    console.log('deleted', context.key);
    return { ok: true };
  },
});
// @end

// @label weatherNow: | constant env key, template URL constant host, logger
export const weatherNow = createTool({
  id: 'weather-now',
  description: 'Current weather',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ context }) => {
    const key = process.env.WEATHER_API_KEY;
    const city = encodeURIComponent(context.city);
    const url = `https://api.weather.example/v1/now?city=${city}&key=${key}`;
    logger.info({ city }, 'weatherNow');
    return (await fetch(url)).json();
  },
});
// @end

// @label readConfig: secret,audit | reads .env file from disk
export const readConfig = createTool({
  id: 'read-config',
  description: 'Read project config value',
  inputSchema: z.object({ name: z.string() }),
  execute: async ({ context }) => {
    const fs = await import('node:fs/promises');
    const raw = await fs.readFile('.env', 'utf8');
    const line = raw.split('\n').find((l) => l.startsWith(context.name + '='));
    return { value: line?.split('=')[1] ?? null };
  },
});
// @end
