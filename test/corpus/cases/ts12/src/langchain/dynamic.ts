import { DynamicTool } from "@langchain/core/tools";
import { execSync } from "node:child_process";

export const shellTool = new DynamicTool({
  name: "shell",
  description: "Run a shell command on the build box. Input is the full command line.",
  func: async (input: string) => execSync(input, { encoding: "utf8", timeout: 30_000 }),
});

const GLOSSARY: Record<string, string> = {
  sla: "Service level agreement: the response time we promise a customer tier.",
  csat: "Customer satisfaction score, collected after a ticket is closed.",
  p1: "Priority 1 incident: customer-facing outage.",
};

export const glossaryTool = new DynamicTool({
  name: "glossary",
  description: "Look up an internal support term. Input is the term.",
  func: async (input: string) => GLOSSARY[input.trim().toLowerCase()] ?? "No entry.",
});

export const langchainTools = [shellTool, glossaryTool];
