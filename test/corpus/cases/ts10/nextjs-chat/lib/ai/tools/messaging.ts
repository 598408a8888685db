import { tool } from "ai";
import { z } from "zod";
import vm from "node:vm";
import type { Session } from "next-auth";
import { audited, logger } from "@/lib/logger";
import { slack, type BillingService, type Mailer } from "@/lib/services";

export const sendEmail = ({ session, mailer }: { session: Session; mailer: Mailer }) =>
  tool({
    description: "Send an email on behalf of the signed-in user.",
    inputSchema: z.object({
      to: z.array(z.string().email()).min(1).max(10),
      subject: z.string().max(200),
      body: z.string().max(10_000),
    }),
    needsApproval: true,
    execute: async ({ to, subject, body }) => {
      logger.info({ userId: session.user?.id, to, subject }, "sendEmail");
      const id = await mailer.send({
        to,
        subject,
        text: body,
        replyTo: session.user?.email ?? undefined,
      });
      return { sent: true, id };
    },
  });

export const postToSlack = tool({
  description: "Post a message to a channel in the team's Slack workspace.",
  inputSchema: z.object({
    channel: z.string().regex(/^[#@]?[a-z0-9_-]{1,80}$/),
    text: z.string().max(4000),
  }),
  needsApproval: false,
  execute: async ({ channel, text }) => {
    logger.info({ channel, chars: text.length }, "postToSlack");
    const res = await slack.chat.postMessage({ channel, text, unfurl_links: false });
    return { ok: res.ok, ts: res.ts };
  },
});

export const runCode = tool({
  description:
    "Evaluate a short JavaScript snippet and return the result. Useful for maths and data wrangling.",
  inputSchema: z.object({ code: z.string().max(5000) }),
  execute: async ({ code }) => {
    const logs: string[] = [];
    const sandbox = {
      console: { log: (...args: unknown[]) => logs.push(args.map(String).join(" ")) },
      Math,
      JSON,
      Date,
    };
    console.log("[runCode] evaluating snippet of", code.length, "chars");
    try {
      const result = vm.runInNewContext(code, sandbox, { timeout: 1000 });
      return { result: String(result), logs };
    } catch (e) {
      return { error: (e as Error).message, logs };
    }
  },
});

type ChargeInput = { amountCents: number; description: string };

export const chargeCustomer = ({ session, billing }: { session: Session; billing: BillingService }) =>
  tool({
    description: "Charge the customer's saved card for an add-on purchase.",
    inputSchema: z.object({
      amountCents: z.number().int().positive().max(50_000),
      description: z.string().max(140),
    }),
    needsApproval: true,
    execute: audited("chargeCustomer", async ({ amountCents, description }: ChargeInput) => {
      const intent = await billing.charge(session.user!.stripeCustomerId!, amountCents, description);
      return { id: intent.id, status: intent.status };
    }),
  });
