import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { webTools, fileTools, sendEmail, sendReminder, refundCharge } from './tools';

export function runAgent(prompt: string) {
  return streamText({
    model: openai('gpt-4.1'),
    prompt,
    tools: { ...webTools, ...fileTools, sendEmail, sendReminder, refundCharge },
  });
}
