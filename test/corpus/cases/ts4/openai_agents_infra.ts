// Infrastructure assistant built with the OpenAI Agents SDK for JavaScript.
import { Agent, run, tool } from '@openai/agents';
import { z } from 'zod';
import { S3Client, DeleteObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile } from 'node:fs/promises';
import { logger } from './lib/audit';

const s3 = new S3Client({ region: 'eu-west-1' });
const UPLOAD_BUCKET = 'acme-user-uploads';
const SERVICES = new Set(['api', 'worker', 'scheduler']);
const execFileAsync = promisify(execFile);

const deleteUpload = tool({
  name: 'delete_upload',
  description: 'Delete one uploaded object from the uploads bucket.',
  parameters: z.object({ key: z.string() }),
  needsApproval: true,
  execute: async ({ key }) => {
    logger.info({ tool: 'delete_upload', key }, 'deleting upload');
    await s3.send(new DeleteObjectCommand({ Bucket: UPLOAD_BUCKET, Key: key }));
    return `deleted ${key}`;
  },
});

const purgePrefix = tool({
  name: 'purge_prefix',
  description: 'Delete every uploaded object under a prefix.',
  parameters: z.object({ prefix: z.string() }),
  execute: async ({ prefix }) => {
    logger.info({ tool: 'purge_prefix', prefix }, 'purging prefix');
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: UPLOAD_BUCKET, Prefix: prefix }));
    let count = 0;
    for (const obj of listed.Contents ?? []) {
      await s3.send(new DeleteObjectCommand({ Bucket: UPLOAD_BUCKET, Key: obj.Key }));
      count += 1;
    }
    return `deleted ${count} objects`;
  },
});

const runDiagnostic = tool({
  name: 'run_diagnostic',
  description: 'Run a diagnostic command on the host and return its output.',
  parameters: z.object({ command: z.string() }),
  execute: async ({ command }) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(command, { shell: true });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.on('error', reject);
      child.on('close', () => resolve(out.slice(-5000)));
    }),
});

const serviceToken = tool({
  name: 'service_token',
  description: 'Return the API token configured for an internal service.',
  parameters: z.object({ service: z.string() }),
  execute: async ({ service }) => {
    const envName = `${service.toUpperCase()}_API_TOKEN`;
    return process.env[envName] ?? 'no token configured';
  },
});

const serviceStatus = tool({
  name: 'service_status',
  description: 'Report whether a known service unit is active.',
  parameters: z.object({ unit: z.string() }),
  execute: async ({ unit }) => {
    if (!SERVICES.has(unit)) {
      throw new Error(`unknown service ${unit}`);
    }
    logger.info({ tool: 'service_status', unit }, 'checking unit');
    const { stdout } = await execFileAsync('systemctl', ['is-active', `acme-${unit}.service`]);
    return stdout.trim();
  },
});

const readRunbook = tool({
  name: 'read_runbook',
  description: 'Read an on-call runbook file.',
  parameters: z.object({ runbookPath: z.string() }),
  execute: async ({ runbookPath }) => {
    if (runbookPath.includes('..')) {
      throw new Error('relative parent paths are not allowed');
    }
    logger.info({ tool: 'read_runbook', runbookPath }, 'reading runbook');
    return readFile(runbookPath, 'utf8');
  },
});

export const infraAgent = new Agent({
  name: 'Infra assistant',
  instructions: 'Help the on-call engineer. Prefer read-only actions.',
  tools: [deleteUpload, purgePrefix, runDiagnostic, serviceToken, serviceStatus, readRunbook],
});

export async function ask(question: string) {
  const result = await run(infraAgent, question);
  return result.finalOutput;
}
