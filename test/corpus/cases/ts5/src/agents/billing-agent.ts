import { openai } from '@ai-sdk/openai';
import { Agent } from '@mastra/core/agent';
import { billingTools } from '../tools/billing';

export const billingAgent = new Agent({
  name: 'billing-agent',
  instructions: 'You resolve billing questions. Never charge a customer without an explicit request.',
  model: openai('gpt-4o'),
  tools: billingTools,
});
