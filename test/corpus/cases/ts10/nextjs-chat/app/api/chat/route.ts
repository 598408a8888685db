import { convertToModelMessages, stepCountIs, streamText, type UIMessage } from "ai";
import { openai } from "@ai-sdk/openai";
import { auth } from "@/app/(auth)/auth";
import { chatRepository } from "@/lib/db";
import { logger } from "@/lib/logger";
import { BillingService, Mailer } from "@/lib/services";
import {
  attachFile,
  browsePage,
  chargeCustomer,
  deleteChat,
  fetchUrl,
  getWeather,
  listChats,
  postToSlack,
  queryDatabase,
  readDocs,
  runCode,
  searchMessages,
  sendEmail,
} from "@/lib/ai/tools";

export const maxDuration = 60;

const mailer = new Mailer();
const billing = new BillingService();

const SYSTEM_PROMPT = `You are Acme's assistant. Be concise. Use tools when they help.
Never invent URLs. Ask before sending email or charging the customer.`;

export async function POST(req: Request) {
  const session = await auth();
  if (!session?.user?.id) {
    return new Response("Unauthorized", { status: 401 });
  }

  const {
    id,
    messages,
    notifyUrl,
  }: { id: string; messages: UIMessage[]; notifyUrl?: string } = await req.json();

  const repo = chatRepository;

  const result = streamText({
    model: openai("gpt-4.1"),
    system: SYSTEM_PROMPT,
    messages: convertToModelMessages(messages),
    stopWhen: stepCountIs(8),
    tools: {
      getWeather,
      fetchUrl: fetchUrl({ session }),
      readDocs: readDocs({ session }),
      browsePage,
      queryDatabase: queryDatabase({ session, repo }),
      searchMessages: searchMessages({ session, repo }),
      listChats: listChats({ session }),
      deleteChat: deleteChat({ session, repo }),
      attachFile,
      sendEmail: sendEmail({ session, mailer }),
      postToSlack,
      runCode,
      chargeCustomer: chargeCustomer({ session, billing }),
    },
    onFinish: async ({ text, usage }) => {
      logger.info({ chatId: id, userId: session.user.id, usage }, "chat turn finished");
      if (notifyUrl) {
        // Integrations (Zapier etc.) can ask to be pinged when a turn completes.
        await fetch(notifyUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ chatId: id, text }),
        }).catch((err) => logger.warn({ err }, "notify webhook failed"));
      }
    },
  });

  return result.toUIMessageStreamResponse();
}
