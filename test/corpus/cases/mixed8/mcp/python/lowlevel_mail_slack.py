"""Messaging MCP server (e-mail and Slack) using the low-level Server API."""
import logging
import os
import smtplib
import sys
from email.message import EmailMessage

import mcp.types as types
from mcp.server import Server
from slack_sdk import WebClient

logging.basicConfig(stream=sys.stderr, level=logging.INFO)
audit = logging.getLogger("messaging.audit")

SMTP_HOST = "smtp.example.com"
SMTP_USER = os.environ["SMTP_USER"]
SMTP_PASSWORD = os.environ["SMTP_PASSWORD"]
slack = WebClient(token=os.environ["SLACK_BOT_TOKEN"])

server = Server("messaging")


@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return [
        types.Tool(name="send_email", description="Send an e-mail", inputSchema={"type": "object"}),
        types.Tool(name="slack_post_message", description="Post to a channel", inputSchema={"type": "object"}),
        types.Tool(name="slack_list_channels", description="List channels", inputSchema={"type": "object"}),
        types.Tool(name="check_smtp_server", description="Probe an SMTP host", inputSchema={"type": "object"}),
    ]


@server.call_tool()
async def handle_call_tool(name: str, arguments: dict) -> list[types.TextContent]:
    if name == "send_email":
        msg = EmailMessage()
        msg["From"] = SMTP_USER
        msg["To"] = arguments["to"]
        msg["Subject"] = arguments["subject"]
        msg.set_content(arguments["body"])
        audit.info("send_email to=%s subject=%s", arguments["to"], arguments["subject"])
        with smtplib.SMTP(SMTP_HOST, 587) as smtp:
            smtp.starttls()
            smtp.login(SMTP_USER, SMTP_PASSWORD)
            smtp.send_message(msg)
        return [types.TextContent(type="text", text="Email sent")]

    elif name == "slack_post_message":
        channel_id = arguments["channel_id"]
        text = arguments["text"]
        resp = slack.chat_postMessage(channel=channel_id, text=text)
        return [types.TextContent(type="text", text=f"Posted message ts={resp['ts']}")]

    elif name == "slack_list_channels":
        limit = min(int(arguments.get("limit", 100)), 200)
        audit.info("slack_list_channels limit=%s", limit)
        resp = slack.conversations_list(limit=limit, exclude_archived=True)
        names = [c["name"] for c in resp["channels"]]
        return [types.TextContent(type="text", text="\n".join(names))]

    elif name == "check_smtp_server":
        host = arguments["host"]
        port = int(arguments.get("port", 25))
        with smtplib.SMTP(host, port, timeout=10) as smtp:
            code, banner = smtp.noop()
        return [types.TextContent(type="text", text=f"{code} {banner!r}")]

    raise ValueError(f"Unknown tool: {name}")


@server.list_prompts()
async def list_prompts() -> list[types.Prompt]:
    return [types.Prompt(name="weekly-update", description="Draft a weekly status e-mail")]


@server.get_prompt()
async def get_prompt(name: str, arguments: dict | None) -> types.GetPromptResult:
    team = (arguments or {}).get("team", "engineering")
    return types.GetPromptResult(
        messages=[types.PromptMessage(role="user",
                                      content=types.TextContent(type="text", text=f"Draft the {team} weekly update."))]
    )
