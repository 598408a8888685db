#!/usr/bin/env node
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import {
  CallToolRequestSchema,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import pg from "pg";

const server = new Server(
  { name: "example-servers/postgres", version: "0.6.2" },
  { capabilities: { resources: {}, tools: {} } },
);

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error("Please provide a database URL as a command-line argument");
  process.exit(1);
}

const databaseUrl = args[0];
const resourceBaseUrl = new URL(databaseUrl);
resourceBaseUrl.protocol = "postgres:";
resourceBaseUrl.password = "";

const pool = new pg.Pool({ connectionString: databaseUrl });

const SCHEMA_PATH = "schema";

server.setRequestHandler(ListResourcesRequestSchema, async () => {
  const client = await pool.connect();
  try {
    const result = await client.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    return {
      resources: result.rows.map((row) => ({
        uri: new URL(`${row.table_name}/${SCHEMA_PATH}`, resourceBaseUrl).href,
        mimeType: "application/json",
        name: `"${row.table_name}" database schema`,
      })),
    };
  } finally {
    client.release();
  }
});

server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
  const resourceUrl = new URL(request.params.uri);
  const pathComponents = resourceUrl.pathname.split("/");
  const schema = pathComponents.pop();
  const tableName = pathComponents.pop();
  if (schema !== SCHEMA_PATH) throw new Error("Invalid resource URI");

  const client = await pool.connect();
  try {
    const result = await client.query(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1",
      [tableName],
    );
    return {
      contents: [
        { uri: request.params.uri, mimeType: "application/json", text: JSON.stringify(result.rows, null, 2) },
      ],
    };
  } finally {
    client.release();
  }
});

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    {
      name: "query",
      description: "Run a read-only SQL query",
      inputSchema: { type: "object", properties: { sql: { type: "string" } }, required: ["sql"] },
    },
    {
      name: "describe_table",
      description: "List the columns, types and nullability of a table",
      inputSchema: {
        type: "object",
        properties: { table: { type: "string" }, schema: { type: "string", default: "public" } },
        required: ["table"],
      },
    },
    {
      name: "purge_user_sessions",
      description: "Log a user out everywhere by deleting all of their sessions",
      inputSchema: { type: "object", properties: { user_id: { type: "string" } }, required: ["user_id"] },
    },
  ],
}));

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const { name, arguments: args = {} } = request.params;
  switch (name) {
    case "query": {
      const sql = args.sql as string;
      const client = await pool.connect();
      try {
        await client.query("BEGIN TRANSACTION READ ONLY");
        const result = await client.query(sql);
        return {
          content: [{ type: "text", text: JSON.stringify(result.rows, null, 2) }],
          isError: false,
        };
      } finally {
        client
          .query("ROLLBACK")
          .catch((error) => console.warn("Could not roll back transaction:", error));
        client.release();
      }
    }

    case "describe_table": {
      const { table, schema = "public" } = args as { table: string; schema?: string };
      const { rows } = await pool.query(
        `SELECT column_name, data_type, is_nullable
           FROM information_schema.columns
          WHERE table_schema = $1 AND table_name = $2
          ORDER BY ordinal_position`,
        [schema, table],
      );
      return { content: [{ type: "text", text: JSON.stringify(rows, null, 2) }] };
    }

    case "purge_user_sessions": {
      const userId = String(args.user_id);
      const { rowCount } = await pool.query("DELETE FROM sessions WHERE user_id = $1", [userId]);
      console.error(`purged ${rowCount} sessions for ${userId}`);
      return { content: [{ type: "text", text: `Deleted ${rowCount} sessions` }] };
    }

    default:
      throw new Error(`Unknown tool: ${name}`);
  }
});

async function runServer() {
  const transport = new StdioServerTransport();
  await server.connect(transport);
}

runServer().catch(console.error);
