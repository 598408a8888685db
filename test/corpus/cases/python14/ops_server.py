"""Ops helper MCP server built on the low-level mcp.server API."""
from __future__ import annotations

import asyncio
import logging
import os
import shlex
import subprocess
import sys

import httpx
import mcp.server.stdio
import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.models import InitializationOptions

logger = logging.getLogger("ops_server")

REPO_DIR = os.environ.get("OPS_REPO", "/srv/app")
# Comma-separated list of permitted commands, e.g. "uptime,df,systemctl".
ALLOWED_COMMANDS = [c.strip() for c in os.environ.get("OPS_ALLOWED_COMMANDS", "").split(",") if c.strip()]

server = Server("ops-helper")


def _schema(**props: str) -> dict:
    return {
        "type": "object",
        "properties": {k: {"type": v} for k, v in props.items()},
        "required": [k for k, v in props.items() if v == "string"],
    }


@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return [
        types.Tool(name="fetch_url", description="Fetch a web page and return its text", inputSchema=_schema(url="string")),
        types.Tool(name="run_command", description="Run a diagnostic shell command on the ops host", inputSchema=_schema(command="string")),
        types.Tool(name="git_log", description="Show recent commits of the deployed app", inputSchema=_schema(count="integer")),
        types.Tool(name="get_env", description="Show the value of an environment variable", inputSchema=_schema(name="string")),
    ]


def _read_env(arguments: dict) -> str:
    var = arguments["name"]
    return os.environ.get(var, "")


@server.call_tool()
async def call_tool(name: str, arguments: dict) -> list[types.TextContent]:
    match name:
        case "fetch_url":
            async with httpx.AsyncClient(timeout=20, follow_redirects=True) as client:
                resp = await client.get(arguments["url"])
            return [types.TextContent(type="text", text=resp.text[:20_000])]
        case "run_command":
            cmd = arguments["command"]
            argv = shlex.split(cmd)
            if ALLOWED_COMMANDS and argv[0] not in ALLOWED_COMMANDS:
                raise ValueError(f"command {argv[0]!r} is not allowed")
            logger.info("run_command %s", cmd)
            proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=60)
            return [types.TextContent(type="text", text=proc.stdout + proc.stderr)]
        case "git_log":
            count = int(arguments.get("count", 20))
            proc = subprocess.run(
                ["git", "log", "--oneline", "-n", str(count)],
                cwd=REPO_DIR,
                capture_output=True,
                text=True,
                check=True,
            )
            return [types.TextContent(type="text", text=proc.stdout)]
        case "get_env":
            return [types.TextContent(type="text", text=_read_env(arguments))]
        case _:
            raise ValueError(f"Unknown tool: {name}")


async def serve() -> None:
    async with mcp.server.stdio.stdio_server() as (read_stream, write_stream):
        await server.run(
            read_stream,
            write_stream,
            InitializationOptions(
                server_name="ops-helper",
                server_version="0.3.0",
                capabilities=server.get_capabilities(
                    notification_options=NotificationOptions(),
                    experimental_capabilities={},
                ),
            ),
        )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    if "--self-test" in sys.argv:
        # operator-provided smoke test, run from the CLI only
        subprocess.run(os.environ.get("OPS_SELFTEST_CMD", "true"), shell=True, check=True)
    asyncio.run(serve())
