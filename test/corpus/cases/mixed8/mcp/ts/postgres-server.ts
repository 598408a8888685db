import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import {
  CallToolRequestSchema,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import pg from "pg";
import pino from "pino";

const logger = pino(pino.destination(2));
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const ALLOWED_TABLES = new Set(["orders", "customers", "products"]);

const server = new Server(
  { name: "postgres", version: "0.6.2" },
  { capabilities: { tools: {}, resources: {} } },
);

server.setRequestHandler(ListResourcesRequestSchema, async () => {
  const client = await pool.connect();
  try {
    const result = await client.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    return {
      resources: result.rows.map((row) => ({ uri: `postgres://db/${row.table_name}/schema`, name: row.table_name })),
    };
  } finally {
    client.release();
  }
});

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    { name: "query", description: "Run a read-only SQL query", inputSchema: { type: "object" } },
    { name: "query_table", description: "Read rows from an approved table", inputSchema: { type: "object" } },
    { name: "list_schemas", description: "List schemas", inputSchema: { type: "object" } },
    { name: "drop_table", description: "Drop a table", inputSchema: { type: "object" } },
  ],
}));

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const args = (request.params.arguments ?? {}) as Record<string, string>;
  switch (request.params.name) {
    case "query": {
      const sql = args.sql;
      logger.info({ tool: "query", sql }, "query");
      const client = await pool.connect();
      try {
        await client.query("BEGIN TRANSACTION READ ONLY");
        const result = await client.query(sql);
        return { content: [{ type: "text", text: JSON.stringify(result.rows, null, 2) }] };
      } finally {
        await client.query("ROLLBACK");
        client.release();
      }
    }
    case "query_table": {
      const table = args.table;
      if (!ALLOWED_TABLES.has(table)) {
        throw new Error(`Table not allowed: ${table}`);
      }
      logger.info({ tool: "query_table", table }, "query_table");
      const client = await pool.connect();
      try {
        await client.query("BEGIN TRANSACTION READ ONLY");
        const result = await client.query(`SELECT * FROM ${table} LIMIT 100`);
        return { content: [{ type: "text", text: JSON.stringify(result.rows, null, 2) }] };
      } finally {
        await client.query("ROLLBACK");
        client.release();
      }
    }
    case "list_schemas": {
      console.error("list_schemas called");
      const result = await pool.query("SELECT schema_name FROM information_schema.schemata ORDER BY 1");
      return { content: [{ type: "text", text: result.rows.map((r) => r.schema_name).join("\n") }] };
    }
    case "drop_table": {
      const table = args.table;
      logger.warn({ tool: "drop_table", table }, "drop_table");
      await pool.query(`DROP TABLE IF EXISTS ${table}`);
      return { content: [{ type: "text", text: `Dropped ${table}` }] };
    }
    default:
      throw new Error(`Unknown tool: ${request.params.name}`);
  }
});

await server.connect(new StdioServerTransport());
