import { generateText, stepCountIs, streamText, tool } from "ai";
import { openai } from "@ai-sdk/openai";
import { z } from "zod";
import { logger } from "../lib/audit";
import { prisma } from "../lib/db";
import { postToSlack, sendEmail, sendSms } from "../tools/messaging";
import { shellTools } from "../tools/shell.js";

const STATUS_BASE = "https://status.acme.dev";

const SYSTEM_PROMPT = `You are Acme's customer support assistant.
Be concise, never promise refunds, and escalate to #support-escalations when unsure.`;

export async function runSupportAgent(question: string, customerId: string) {
  const result = await generateText({
    model: openai("gpt-4.1"),
    system: SYSTEM_PROMPT,
    prompt: question,
    tools: {
      sendEmail,
      postToSlack,
      sendSms,
      cancelOrder: tool({
        description: "Cancel a pending order for the current customer (removes it).",
        inputSchema: z.object({ orderId: z.string() }),
        execute: async ({ orderId }) => {
          const order = await prisma.order.delete({ where: { id: orderId, customerId } });
          return { cancelled: order.id };
        },
      }),
      statusPage: tool({
        description: "Read a page of the public status site, e.g. /incidents/2024-06-01.",
        inputSchema: z.object({ path: z.string() }),
        execute: async ({ path }) => {
          logger.info({ tool: "statusPage", path }, "status page read");
          const res = await fetch(new URL(path, STATUS_BASE));
          return { status: res.status, body: (await res.text()).slice(0, 10_000) };
        },
      }),
    },
    stopWhen: stepCountIs(8),
  });
  return { text: result.text, steps: result.steps.length };
}

/** Internal dev assistant, streamed to the IDE plugin. */
export function streamWorkspaceAgent(prompt: string) {
  return streamText({
    model: openai("gpt-4.1-mini"),
    system: "You help engineers inspect and tidy the project workspace.",
    prompt,
    tools: { ...shellTools },
    stopWhen: stepCountIs(12),
  });
}
