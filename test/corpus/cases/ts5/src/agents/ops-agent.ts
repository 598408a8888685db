import { Agent, run } from '@openai/agents';
import { opsTools } from '../tools/ops';

export const opsAgent = new Agent({
  name: 'Ops',
  instructions: 'You help the on-call engineer investigate incidents. Prefer read-only tools.',
  model: 'gpt-4.1',
  tools: [...opsTools],
});

export async function askOps(question: string): Promise<string | undefined> {
  const result = await run(opsAgent, question);
  return result.finalOutput;
}
