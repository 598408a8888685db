// Next.js route handler for the docs assistant chat (Vercel AI SDK).
import { openai } from "@ai-sdk/openai";
import { DeleteObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { convertToModelMessages, stepCountIs, streamText, tool, type UIMessage } from "ai";
import twilio from "twilio";
import { z } from "zod";
import { logger } from "../../../shared";

export const maxDuration = 30;

const ALLOWED_HOSTS = new Set(["docs.example.com", "status.example.com", "en.wikipedia.org"]);
const s3 = new S3Client({});
const sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);

export async function POST(req: Request) {
  const { messages }: { messages: UIMessage[] } = await req.json();

  const result = streamText({
    model: openai("gpt-4o"),
    system: "You are the Example Co. docs assistant. Cite the pages you read.",
    messages: convertToModelMessages(messages),
    stopWhen: stepCountIs(5),
    tools: {
      browse: tool({
        description: "Fetch a page from an approved documentation site",
        inputSchema: z.object({ url: z.string().url() }),
        execute: async ({ url }) => {
          const target = new URL(url);
          if (!ALLOWED_HOSTS.has(target.host)) {
            return { error: `host ${target.host} is not allowed` };
          }
          logger.info({ tool: "browse", url: target.href }, "browse");
          const res = await fetch(target, { redirect: "manual" });
          return { status: res.status, body: (await res.text()).slice(0, 15_000) };
        },
      }),
      sendSms: tool({
        description: "Text the customer an update about their ticket",
        inputSchema: z.object({ to: z.string(), body: z.string().max(320) }),
        needsApproval: true,
        execute: async ({ to, body }) => {
          logger.info({ tool: "sendSms", to }, "sms");
          const msg = await sms.messages.create({ to, from: process.env.TWILIO_FROM_NUMBER!, body });
          return { sid: msg.sid };
        },
      }),
      deleteUpload: tool({
        description: "Delete a file the user uploaded earlier in the conversation",
        inputSchema: z.object({ key: z.string() }),
        execute: async ({ key }) => {
          await s3.send(new DeleteObjectCommand({ Bucket: process.env.UPLOAD_BUCKET!, Key: `uploads/${key}` }));
          return { deleted: key };
        },
      }),
    },
  });

  return result.toUIMessageStreamResponse();
}
