import { Agent, run } from "@openai/agents";
import readline from "node:readline/promises";
import { logger } from "../lib/services";
import {
  cancelSubscription,
  getPlanCatalog,
  issueRefund,
  runDiagnostic,
  sendSms,
} from "./tools";

export const billingAgent = new Agent({
  name: "Billing assistant",
  instructions:
    "You help Acme customers with plans, refunds and cancellations. Confirm amounts before refunding.",
  model: "gpt-4.1",
  tools: [getPlanCatalog, cancelSubscription, issueRefund, sendSms, runDiagnostic],
});

async function confirm(rl: readline.Interface, question: string): Promise<boolean> {
  const answer = await rl.question(`${question} [y/N] `);
  return answer.trim().toLowerCase() === "y";
}

export async function main(input: string) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  let result = await run(billingAgent, input);

  while (result.interruptions?.length) {
    for (const interruption of result.interruptions) {
      const ok = await confirm(
        rl,
        `Agent wants to call ${interruption.rawItem.name}(${interruption.rawItem.arguments}). Approve?`,
      );
      logger.info("approval decision", { tool: interruption.rawItem.name, ok });
      if (ok) result.state.approve(interruption);
      else result.state.reject(interruption);
    }
    result = await run(billingAgent, result.state);
  }

  rl.close();
  console.log(result.finalOutput);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main(process.argv.slice(2).join(" ") || "What plans do you have?");
}
