"""Team integrations MCP server (Slack, secrets vault, GitHub) on the low-level Server API."""
from __future__ import annotations

import logging
import os
from urllib.parse import urljoin

import httpx
import keyring
import mcp.types as types
from mcp.server.lowlevel import Server
from slack_sdk.web.async_client import AsyncWebClient

logger = logging.getLogger("integrations")

GITHUB_API = "https://api.github.com"
slack = AsyncWebClient(token=os.environ["SLACK_BOT_TOKEN"])
server = Server("team-integrations")


@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return [
        types.Tool(
            name="notify_team",
            description="Post a message to a team Slack channel",
            inputSchema={
                "type": "object",
                "properties": {"channel": {"type": "string"}, "text": {"type": "string"}},
                "required": ["text"],
            },
        ),
        types.Tool(
            name="get_secret",
            description="Fetch a shared team secret from the OS keyring",
            inputSchema={"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]},
        ),
        types.Tool(
            name="github_api",
            description="GET any GitHub REST API path, e.g. /repos/org/repo/pulls",
            inputSchema={"type": "object", "properties": {"path": {"type": "string"}}, "required": ["path"]},
        ),
    ]


@server.list_prompts()
async def list_prompts() -> list[types.Prompt]:
    return [
        types.Prompt(
            name="triage_issue",
            description="Summarise a GitHub issue for triage",
            arguments=[types.PromptArgument(name="issue_url", required=True)],
        )
    ]


@server.get_prompt()
async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
    issue_url = (arguments or {})["issue_url"]
    async with httpx.AsyncClient() as client:
        body = (await client.get(issue_url)).text
    return types.GetPromptResult(
        description="Issue triage",
        messages=[
            types.PromptMessage(
                role="user",
                content=types.TextContent(type="text", text=f"Triage this issue:\n\n{body[:8000]}"),
            )
        ],
    )


@server.call_tool()
async def call_tool(name: str, arguments: dict) -> list[types.TextContent]:
    if name == "notify_team":
        channel = arguments.get("channel", "#eng-alerts")
        logger.info("notify_team channel=%s", channel)
        resp = await slack.chat_postMessage(channel=channel, text=arguments["text"])
        return [types.TextContent(type="text", text=f"posted ts={resp['ts']}")]
    elif name == "get_secret":
        secret_name = arguments["name"]
        logger.info("get_secret name=%s", secret_name)
        value = keyring.get_password("team-integrations", secret_name)
        return [types.TextContent(type="text", text=value or "")]
    elif name == "github_api":
        url = urljoin(GITHUB_API, arguments["path"])
        logger.info("github_api GET %s", url)
        async with httpx.AsyncClient() as client:
            resp = await client.get(url, headers={"Authorization": f"Bearer {os.environ['GITHUB_TOKEN']}"})
        return [types.TextContent(type="text", text=resp.text)]
    raise ValueError(f"unknown tool {name}")
