/**
 * Project-wide tool declaration helper.
 *
 * Wraps the AI SDK's `tool()` so every tool gets a stable snake_case name, a
 * typed context (request id, abort signal) and is recorded in the registry used
 * by `agent.ts` and by the tool catalogue endpoint.
 */
import { tool, type Tool } from "ai";
import type { z } from "zod";

export interface ToolContext {
  toolCallId: string;
  abortSignal?: AbortSignal;
}

export interface ToolDefinition<I extends z.ZodTypeAny, O> {
  /** Name the model sees. snake_case. */
  name: string;
  description: string;
  input: I;
  /** Ask the user to confirm in the chat UI before `run` executes. */
  needsApproval?: boolean;
  run: (args: z.infer<I>, ctx: ToolContext) => Promise<O>;
}

const registry = new Map<string, Tool>();

export function defineTool<I extends z.ZodTypeAny, O>(def: ToolDefinition<I, O>): Tool {
  const t = tool({
    description: def.description,
    inputSchema: def.input,
    needsApproval: def.needsApproval ?? false,
    execute: async (args: z.infer<I>, options) =>
      def.run(args, { toolCallId: options.toolCallId, abortSignal: options.abortSignal }),
  });
  registry.set(def.name, t);
  return t;
}

export function registeredTools(): Record<string, Tool> {
  return Object.fromEntries(registry);
}
