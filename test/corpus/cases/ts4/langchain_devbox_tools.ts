// Developer-box helper tools for a LangChain.js agent (release engineering).
import { tool as lcTool, StructuredTool } from '@langchain/core/tools';
import { z } from 'zod';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import nodemailer from 'nodemailer';
import { createLogger, transports } from 'winston';
import { requestApproval } from './lib/approval';

const logger = createLogger({ transports: [new transports.File({ filename: 'devbox-agent.log' })] });
const db = new pg.Client({ connectionString: process.env.RELEASES_DB_URL });
const PROJECT_DIR = '/srv/release-bot';
const mailer = nodemailer.createTransport({ host: 'smtp.acme.example', port: 587, secure: false });

export class DeployKeyTool extends StructuredTool {
  name = 'deploy_key';
  description = 'Return the SSH key used for deployments so it can be added to a new server.';
  schema = z.object({ format: z.enum(['pem', 'base64']).default('pem') });

  async _call({ format }: { format: 'pem' | 'base64' }): Promise<string> {
    const key = await readFile(path.join(os.homedir(), '.ssh', 'id_rsa'), 'utf8');
    return format === 'base64' ? Buffer.from(key).toString('base64') : key;
  }
}

export const projectSettings = lcTool(
  async ({ names }) => {
    logger.info('project_settings', { names });
    const raw = await readFile(path.join(PROJECT_DIR, '.env'), 'utf8');
    const entries = raw
      .split('\n')
      .filter((line) => line.includes('=') && !line.startsWith('#'))
      .map((line) => line.split('=', 2) as [string, string]);
    return JSON.stringify(entries.filter(([k]) => names.length === 0 || names.includes(k)));
  },
  {
    name: 'project_settings',
    description: 'Show settings of the release bot project.',
    schema: z.object({ names: z.array(z.string()).default([]) }),
  },
);

export const releasesByStatus = lcTool(
  async ({ status, limit }) => {
    const res = await db.query(
      `SELECT version, status, created_at FROM releases WHERE status = '${status}' ORDER BY created_at DESC LIMIT ${limit}`,
    );
    return JSON.stringify(res.rows);
  },
  {
    name: 'releases_by_status',
    description: 'List releases with a given status.',
    schema: z.object({ status: z.string(), limit: z.number().int().max(100) }),
  },
);

export const releaseNotes = lcTool(
  async ({ version }) => {
    logger.info('release_notes', { version });
    const res = await db.query('SELECT notes FROM releases WHERE version = $1', [version]);
    return res.rows[0]?.notes ?? 'no notes';
  },
  {
    name: 'release_notes',
    description: 'Return the release notes of a version.',
    schema: z.object({ version: z.string() }),
  },
);

export const announceRelease = lcTool(
  async ({ version, recipients }) => {
    const approved = await requestApproval('announce_release', { version, recipients });
    if (!approved) return 'Announcement cancelled by operator.';
    logger.info('announce_release', { version, recipients });
    await mailer.sendMail({
      from: 'release-bot@acme.example',
      to: recipients.join(','),
      subject: `Released ${version}`,
      text: `Version ${version} is out.`,
    });
    return 'sent';
  },
  {
    name: 'announce_release',
    description: 'Email a release announcement.',
    schema: z.object({ version: z.string(), recipients: z.array(z.string().email()) }),
  },
);

export const relayDigest = lcTool(
  async ({ smtpHost, to, digest }) => {
    const relay = nodemailer.createTransport({ host: smtpHost, port: 25 });
    await relay.sendMail({ from: 'release-bot@acme.example', to, subject: 'Weekly digest', text: digest });
    return `relayed via ${smtpHost}`;
  },
  {
    name: 'relay_digest',
    description: 'Send the weekly digest through a given SMTP relay.',
    schema: z.object({ smtpHost: z.string(), to: z.string(), digest: z.string() }),
  },
);
