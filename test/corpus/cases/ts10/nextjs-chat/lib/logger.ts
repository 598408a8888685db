import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "acme-chat" },
  redact: ["*.password", "*.apiKey", "*.token"],
});

export const auditLogger = logger.child({ channel: "audit" });

export type ToolAuditEvent = {
  tool: string;
  userId?: string | null;
  input: unknown;
};

/** Write one structured audit record for a tool invocation. */
export function auditToolCall({ tool, userId, input }: ToolAuditEvent): void {
  auditLogger.info({ tool, userId: userId ?? "anonymous", input }, "tool call");
}

/**
 * Wrap a tool's execute function so that start, finish and failure are recorded.
 */
export function audited<I, O>(toolName: string, fn: (input: I) => Promise<O>) {
  return async (input: I): Promise<O> => {
    const startedAt = Date.now();
    auditLogger.info({ tool: toolName, input }, "tool call started");
    try {
      const result = await fn(input);
      auditLogger.info({ tool: toolName, ms: Date.now() - startedAt }, "tool call finished");
      return result;
    } catch (err) {
      auditLogger.error({ tool: toolName, err }, "tool call failed");
      throw err;
    }
  };
}
