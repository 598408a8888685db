import { tool } from "ai";
import { tool as lcTool } from "@langchain/core/tools";
import { interrupt } from "@langchain/langgraph";
import { z } from "zod";
import sgMail from "@sendgrid/mail";
import { WebClient } from "@slack/web-api";
import twilio from "twilio";
import nodemailer from "nodemailer";
import { auditLog, logger } from "../lib/audit";
import { ensureApproved, requestApproval } from "../lib/approval";

sgMail.setApiKey(process.env.SENDGRID_API_KEY ?? "");
const slack = new WebClient(process.env.SLACK_BOT_TOKEN);
const sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
const mailer = nodemailer.createTransport({
  host: "smtp.acme.dev",
  port: 587,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD },
});

const BULK_SMS_THRESHOLD = 5;

// ---- Vercel AI SDK tools (support agent) ----

export const sendEmail = tool({
  description: "Send an email to a customer from support@acme.dev.",
  inputSchema: z.object({
    to: z.string().email(),
    subject: z.string().max(200),
    body: z.string(),
  }),
  needsApproval: true,
  execute: async ({ to, subject, body }) => {
    auditLog({ tool: "sendEmail", action: "sendgrid.send", target: to, details: { subject } });
    const [res] = await sgMail.send({ to, from: "support@acme.dev", subject, text: body });
    return { status: res.statusCode };
  },
});

export const postToSlack = tool({
  description: "Post a message to a Slack channel, e.g. to escalate a ticket.",
  inputSchema: z.object({
    channel: z.string().describe("Channel id or #name"),
    text: z.string(),
  }),
  execute: async ({ channel, text }) => {
    const res = await slack.chat.postMessage({ channel, text, unfurl_links: false });
    return { ok: res.ok, ts: res.ts };
  },
});

export const sendSms = tool({
  description: "Send an SMS update about an order to one or more customers.",
  inputSchema: z.object({
    phones: z.array(z.string()).min(1).max(50),
    message: z.string().max(320),
  }),
  execute: async ({ phones, message }) => {
    // Bulk sends need the on-call approver; one-off replies are part of the normal support flow.
    if (phones.length > BULK_SMS_THRESHOLD) {
      const approved = await requestApproval({
        action: "bulk_sms",
        summary: `${phones.length} recipients: ${message.slice(0, 80)}`,
      });
      if (!approved) return { sent: 0, reason: "bulk send rejected" };
    }
    auditLog({ tool: "sendSms", action: "twilio.messages.create", details: { recipients: phones.length } });
    const sids: string[] = [];
    for (const to of phones) {
      const msg = await sms.messages.create({ to, from: process.env.TWILIO_FROM_NUMBER, body: message });
      sids.push(msg.sid);
    }
    return { sent: sids.length, sids };
  },
});

// ---- LangChain.js tools (billing graph) ----

export const sendInvoiceEmailTool = lcTool(
  async ({ invoiceId, recipient, note }) => {
    const decision = interrupt({
      type: "approve_email",
      message: `Send invoice ${invoiceId} to ${recipient}?`,
      note,
    }) as { approved?: boolean };
    if (decision?.approved !== true) {
      return `Invoice ${invoiceId} was not sent (reviewer declined).`;
    }
    auditLog({ tool: "send_invoice_email", action: "smtp.sendMail", target: recipient, details: { invoiceId } });
    const info = await mailer.sendMail({
      from: "billing@acme.dev",
      to: recipient,
      subject: `Your Acme invoice ${invoiceId}`,
      text: `${note ?? ""}\n\nView your invoice: https://billing.acme.dev/invoices/${invoiceId}`,
    });
    return `Sent (${info.messageId})`;
  },
  {
    name: "send_invoice_email",
    description: "Email an invoice link to a billing contact.",
    schema: z.object({
      invoiceId: z.string(),
      recipient: z.string().email(),
      note: z.string().optional(),
    }),
  },
);

export const notifyCustomerTool = lcTool(
  async ({ email, subject, message }) => {
    await ensureApproved({ action: "notify_customer", summary: `${subject} → ${email}` });
    logger.info({ tool: "notify_customer", email, subject }, "sending customer notification");
    await mailer.sendMail({ from: "notifications@acme.dev", to: email, subject, text: message });
    return `Notification sent to ${email}`;
  },
  {
    name: "notify_customer",
    description: "Send a service notification email to a customer.",
    schema: z.object({
      email: z.string().email(),
      subject: z.string(),
      message: z.string(),
    }),
  },
);
