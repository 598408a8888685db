import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { WebClient } from "@slack/web-api";
import type Stripe from "stripe";
import type { Twilio } from "twilio";
import { z } from "zod";
import { settings } from "../config/settings.js";
import type { ApprovalService } from "../lib/approvals.js";
import { auditLog, getLogger } from "../lib/logger.js";
import { withRetry } from "../lib/retry.js";

const log = getLogger("mcp.billing");

export interface BillingServerDeps {
  stripe: Stripe;
  sms: Twilio;
  slack: WebClient;
  approvals: ApprovalService;
}

const text = (value: string, isError = false) => ({ content: [{ type: "text" as const, text: value }], isError });

export function createBillingServer({ stripe, sms, slack, approvals }: BillingServerDeps): McpServer {
  const server = new McpServer({ name: "shop-billing", version: "2.14.0" });

  server.registerTool(
    "charge_customer",
    {
      title: "Charge customer",
      description: "Charge a customer's default payment method. Requires approval from billing on-call.",
      inputSchema: {
        customerId: z.string().startsWith("cus_"),
        amountCents: z.number().int().positive().max(500_000),
        description: z.string().max(200),
      },
    },
    async ({ customerId, amountCents, description }) => {
      const decision = await approvals.requestApproval({
        action: "billing.charge",
        summary: `Charge ${(amountCents / 100).toFixed(2)} USD to ${customerId}: ${description}`,
        payload: { customerId, amountCents },
      });
      if (!decision.approved) {
        auditLog("billing.charge.denied", { customerId, amountCents, approvalId: decision.id });
        return text(`Charge not approved: ${decision.reason ?? "rejected"}`, true);
      }
      const intent = await stripe.paymentIntents.create(
        {
          customer: customerId,
          amount: amountCents,
          currency: "usd",
          confirm: true,
          off_session: true,
          description,
          metadata: { approvalId: decision.id },
        },
        { idempotencyKey: `charge-${decision.id}` },
      );
      auditLog("billing.charge", { customerId, amountCents, paymentIntent: intent.id, approver: decision.approver });
      return text(`PaymentIntent ${intent.id}: ${intent.status}`);
    },
  );

  server.registerTool(
    "send_sms",
    {
      title: "Send SMS",
      description: "Text a customer about their order (delivery windows, pickup codes).",
      inputSchema: { to: z.string().regex(/^\+[1-9]\d{6,14}$/), message: z.string().max(480) },
    },
    async ({ to, message }) => {
      log.info({ to, length: message.length }, "send_sms");
      const sent = await withRetry(() => sms.messages.create({ to, from: settings.twilio.fromNumber, body: message }));
      return text(`queued ${sent.sid}`);
    },
  );

  server.registerTool(
    "post_to_slack",
    {
      title: "Post to Slack",
      description: "Post an update to a Slack channel. Posts to shared external channels need approval.",
      inputSchema: { channel: z.string(), message: z.string().max(3_000) },
    },
    async ({ channel, message }) => {
      if (channel.startsWith(settings.slack.externalChannelPrefix)) {
        const decision = await approvals.requestApproval({
          action: "slack.post_external",
          summary: `Post to ${channel}`,
          payload: { channel, message },
        });
        if (!decision.approved) {
          return text("Post to external channel not approved.", true);
        }
      }
      log.info({ channel }, "post_to_slack");
      const res = await slack.chat.postMessage({ channel, text: message, unfurl_links: false });
      return text(`posted ${res.ts}`);
    },
  );

  return server;
}
