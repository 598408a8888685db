"""SQLite MCP server using the low-level Server API."""
import json
import logging
import sqlite3
import sys

import mcp.types as types
from mcp.server import Server
from mcp.server.stdio import stdio_server

logging.basicConfig(stream=sys.stderr, level=logging.INFO)
logger = logging.getLogger("mcp-sqlite")

DB_PATH = "/var/lib/notes/notes.db"
server = Server("sqlite")


def connect() -> sqlite3.Connection:
    return sqlite3.connect(DB_PATH)


@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return [
        types.Tool(name="read_query", description="Run a SELECT query",
                   inputSchema={"type": "object", "properties": {"query": {"type": "string"}}}),
        types.Tool(name="describe_table", description="Show a table's schema",
                   inputSchema={"type": "object", "properties": {"table_name": {"type": "string"}}}),
        types.Tool(name="list_tables", description="List tables", inputSchema={"type": "object"}),
        types.Tool(name="delete_note", description="Delete a note by id",
                   inputSchema={"type": "object", "properties": {"note_id": {"type": "integer"}}}),
    ]


@server.call_tool()
async def call_tool(name: str, arguments: dict) -> list[types.TextContent]:
    conn = connect()
    try:
        if name == "read_query":
            query = arguments["query"]
            if not query.strip().upper().startswith("SELECT"):
                raise ValueError("Only SELECT queries are allowed for read_query")
            rows = conn.execute(query).fetchall()
            return [types.TextContent(type="text", text=json.dumps(rows))]

        if name == "describe_table":
            table_name = arguments["table_name"]
            logger.info("describe_table %s", table_name)
            row = conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table_name,)
            ).fetchone()
            return [types.TextContent(type="text", text=row[0] if row else "no such table")]

        if name == "list_tables":
            rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
            return [types.TextContent(type="text", text="\n".join(r[0] for r in rows))]

        if name == "delete_note":
            note_id = int(arguments["note_id"])
            logger.info("delete_note id=%s", note_id)
            conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
            conn.commit()
            return [types.TextContent(type="text", text=f"Deleted note {note_id}")]

        raise ValueError(f"Unknown tool: {name}")
    finally:
        conn.close()


@server.list_resources()
async def list_resources() -> list[types.Resource]:
    return [types.Resource(uri="memo://insights", name="Business insights memo", mimeType="text/plain")]


@server.read_resource()
async def read_resource(uri) -> str:
    conn = connect()
    rows = conn.execute("SELECT body FROM memos ORDER BY id DESC LIMIT 20").fetchall()
    conn.close()
    return "\n".join(r[0] for r in rows)


async def main() -> None:
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, server.create_initialization_options())
