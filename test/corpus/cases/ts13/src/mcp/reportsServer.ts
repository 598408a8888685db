import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { prisma } from "../services/db.js";

const server = new Server({ name: "reports", version: "1.0.0" }, { capabilities: { tools: {} } });

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    {
      name: "metric_report",
      description: "Daily totals of an event metric column over the last N days.",
      inputSchema: {
        type: "object",
        properties: { metric: { type: "string" }, days: { type: "number" } },
        required: ["metric"],
      },
    },
  ],
}));

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  if (request.params.name !== "metric_report") {
    throw new Error(`unknown tool: ${request.params.name}`);
  }
  const { metric, days } = request.params.arguments as { metric: string; days?: number };
  const rows = await prisma.$queryRawUnsafe(
    `SELECT date_trunc('day', created_at) AS day, sum(${metric}) AS total
       FROM events WHERE created_at > now() - interval '${days ?? 7} days'
      GROUP BY 1 ORDER BY 1`,
  );
  return { content: [{ type: "text", text: JSON.stringify(rows) }] };
});

await server.connect(new StdioServerTransport());
