import { ChatOpenAI } from '@langchain/openai';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { dataTools } from '../tools/data';

const llm = new ChatOpenAI({ model: 'gpt-4.1-mini', temperature: 0 });

export const analystAgent = createReactAgent({
  llm,
  tools: dataTools,
  prompt: 'You are a data analyst. Answer with numbers from the database.',
});

export async function askAnalyst(question: string) {
  const state = await analystAgent.invoke({ messages: [{ role: 'user', content: question }] });
  return state.messages.at(-1)?.content;
}
