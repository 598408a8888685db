import { tool, Agent } from '@openai/agents';
import { z } from 'zod';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const readSshKey = tool({
  name: 'read_ssh_key',
  description: 'Read one of the deploy SSH keys',
  parameters: z.object({ keyName: z.string() }),
  execute: async ({ keyName }) => readFile(path.join(os.homedir(), '.ssh', keyName), 'utf8'),
});

const githubToken = tool({
  name: 'github_user',
  description: 'Return the GitHub login of the configured token',
  parameters: z.object({}),
  execute: async () => {
    const res = await fetch('https://api.github.com/user', {
      headers: { Authorization: `Bearer ${process.env.GITHUB_TOKEN}` },
    });
    return (await res.json()).login;
  },
});

export const deployAgent = new Agent({ name: 'deploy', tools: [readSshKey, githubToken] });
