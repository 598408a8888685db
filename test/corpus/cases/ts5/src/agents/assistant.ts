import { openai } from '@ai-sdk/openai';
import { generateText, stepCountIs } from 'ai';
import { createContext, logger } from '../services';
import { createSupportTools } from '../tools/support';
import { fileTools } from '../tools/files';
import { webTools } from '../tools/web';

const SYSTEM_PROMPT = `You are Acme's support assistant. Be concise and cite sources.`;

export async function runAssistant(tenantId: string, actor: string, prompt: string): Promise<string> {
  const ctx = createContext(tenantId, actor);
  const result = await generateText({
    model: openai('gpt-4.1'),
    system: SYSTEM_PROMPT,
    prompt,
    tools: { ...webTools, ...fileTools, ...createSupportTools(ctx) },
    stopWhen: stepCountIs(8),
  });
  logger.info({ tenantId, steps: result.steps.length }, 'assistant finished');
  return result.text;
}
