// Team-ops tools for a Mastra agent, declared through the workspace re-export.
import { makeMastraTool } from './lib/ai_kit';
import { z } from 'zod';
import { WebClient } from '@slack/web-api';
import axios from 'axios';
import { logger } from './lib/audit';

const slack = new WebClient(process.env.SLACK_BOT_TOKEN);
const STATUS_API = 'https://status.acme.io/api/';
const HOOK_PREFIX = 'https://hooks.acme.io';

export const postToChannelTool = makeMastraTool({
  id: 'post-to-channel',
  description: 'Post a message in a Slack channel.',
  inputSchema: z.object({ channel: z.string(), text: z.string() }),
  execute: async ({ context }) => {
    logger.info({ tool: 'post-to-channel', channel: context.channel }, 'posting to slack');
    const res = await slack.chat.postMessage({ channel: context.channel, text: context.text });
    return { ts: res.ts };
  },
});

export const componentStatusTool = makeMastraTool({
  id: 'component-status',
  description: 'Get the current status of a platform component.',
  inputSchema: z.object({ component: z.string() }),
  execute: async ({ context }) => {
    logger.info({ tool: 'component-status', component: context.component }, 'status lookup');
    const { data } = await axios.get(`${STATUS_API}components/${encodeURIComponent(context.component)}`);
    return { status: data.status, updatedAt: data.updated_at };
  },
});

export const triggerWebhookTool = makeMastraTool({
  id: 'trigger-webhook',
  description: 'Trigger one of the team automation webhooks with a JSON payload.',
  inputSchema: z.object({ webhookUrl: z.string(), payload: z.record(z.unknown()) }),
  execute: async ({ context }) => {
    if (!context.webhookUrl.startsWith(HOOK_PREFIX)) {
      throw new Error('only team webhooks can be triggered');
    }
    logger.info({ tool: 'trigger-webhook', url: context.webhookUrl }, 'webhook');
    const res = await axios.post(context.webhookUrl, context.payload, { timeout: 5000 });
    return { status: res.status };
  },
});

export const standupOrderTool = makeMastraTool({
  id: 'standup-order',
  description: 'Shuffle team members into a stand-up speaking order.',
  inputSchema: z.object({ members: z.array(z.string()), seed: z.number().int() }),
  execute: async ({ context }) => {
    let state = context.seed >>> 0;
    const next = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const order = [...context.members];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    return { order };
  },
});
