import { createAgent, humanInTheLoopMiddleware } from "langchain";
import { Command, MemorySaver } from "@langchain/langgraph";
import { ChatOpenAI } from "@langchain/openai";
import readline from "node:readline/promises";
import calculator, { OrdersLookupTool, cloudIdentity, readNote, sqlQueryTool } from "./tools/data.js";
import { refundOrder, sendEmail } from "./tools/comms";
import { scrapePage, webFetch, wikiPage } from "./tools/web";

export const supportAgent = createAgent({
  model: new ChatOpenAI({ model: "gpt-4.1", temperature: 0 }),
  tools: [
    webFetch,
    scrapePage,
    wikiPage,
    sqlQueryTool,
    new OrdersLookupTool(),
    readNote,
    calculator,
    cloudIdentity,
    sendEmail,
    refundOrder,
  ],
  middleware: [
    humanInTheLoopMiddleware({
      interruptOn: {
        send_email: { allowedDecisions: ["approve", "edit", "reject"] },
        sql_query: false,
      },
      descriptionPrefix: "Support agent action pending review",
    }),
  ],
  checkpointer: new MemorySaver(),
  systemPrompt: "You are Acme's tier-1 support agent. Be accurate and kind.",
});

async function main() {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const config = { configurable: { thread_id: `cli-${Date.now()}` } };
  let input: unknown = { messages: [{ role: "user", content: await rl.question("> ") }] };

  for (;;) {
    const result = await supportAgent.invoke(input as never, config);
    const pending = result.__interrupt__?.[0];
    if (!pending) {
      console.log(result.messages.at(-1)?.content);
      break;
    }
    const answer = await rl.question(`${JSON.stringify(pending.value, null, 2)}\nApprove? [y/N] `);
    input = new Command({
      resume: { decisions: [{ type: answer.trim().toLowerCase() === "y" ? "approve" : "reject" }] },
    });
  }
  rl.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
