import { Agent } from "@mastra/core/agent";
import { createTool } from "@mastra/core/tools";
import { openai } from "@ai-sdk/openai";
import { WebClient } from "@slack/web-api";
import nodemailer from "nodemailer";
import { z } from "zod";

import { logger } from "../lib/audit";
import { requestApproval } from "../lib/guards";

const transport = nodemailer.createTransport({
  host: "smtp.example.com",
  port: 465,
  secure: true,
  auth: { user: "support@example.com", pass: process.env.SMTP_PASSWORD },
});

const slack = new WebClient(process.env.SLACK_BOT_TOKEN);

export const sendCustomerEmail = createTool({
  id: "send-customer-email",
  description: "Email a customer about their support ticket once a human has approved the text.",
  inputSchema: z.object({ to: z.string().email(), subject: z.string(), text: z.string() }),
  outputSchema: z.object({ sent: z.boolean(), messageId: z.string().optional() }),
  execute: async ({ context }) => {
    logger.info({ to: context.to, subject: context.subject }, "send-customer-email requested");
    const approved = await requestApproval(`email ${context.to}: ${context.subject}`);
    if (!approved) {
      return { sent: false };
    }
    const info = await transport.sendMail({
      from: "support@example.com",
      to: context.to,
      subject: context.subject,
      text: context.text,
    });
    return { sent: true, messageId: info.messageId };
  },
});

export const sendViaSmtp = createTool({
  id: "send-via-smtp",
  description: "Send a notification through a tenant's own SMTP server.",
  inputSchema: z.object({
    smtpHost: z.string(),
    port: z.number().int().default(587),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
  }),
  execute: async ({ context }) => {
    logger.info({ smtpHost: context.smtpHost, to: context.to }, "send-via-smtp");
    const tenantTransport = nodemailer.createTransport({
      host: context.smtpHost,
      port: context.port,
      secure: context.port === 465,
    });
    const info = await tenantTransport.sendMail({
      from: "noreply@example.com",
      to: context.to,
      subject: context.subject,
      text: context.text,
    });
    return { messageId: info.messageId };
  },
});

export const postSlackMessage = createTool({
  id: "post-slack-message",
  description: "Post a message to a Slack channel.",
  inputSchema: z.object({ channel: z.string(), text: z.string() }),
  execute: async ({ context }) => {
    const res = await slack.chat.postMessage({ channel: context.channel, text: context.text });
    console.info(`posted to ${context.channel}: ${res.ts}`);
    return { ts: res.ts ?? "" };
  },
});

/** Weekly cron job; not registered with any agent. */
export async function sendWeeklyDigest(summary: string): Promise<void> {
  await slack.chat.postMessage({ channel: "#ops-weekly", text: summary });
  await transport.sendMail({ from: "opsbot@example.com", to: "ops-leads@example.com", subject: "Weekly digest", text: summary });
}

export const supportAgent = new Agent({
  name: "support-agent",
  instructions: "Draft and send customer replies; post summaries to Slack.",
  model: openai("gpt-4.1"),
  tools: { sendCustomerEmail, sendViaSmtp, postSlackMessage },
});
