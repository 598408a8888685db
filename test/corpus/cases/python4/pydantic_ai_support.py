"""Pydantic AI customer-support agent."""
import configparser
import logging
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

import asyncpg
import httpx
import structlog
from pydantic_ai import Agent, RunContext
from slack_sdk import WebClient

from workspace_helpers import request_approval

logger = logging.getLogger(__name__)
slog = structlog.get_logger("support")


@dataclass
class SupportDeps:
    db: asyncpg.Pool
    http: httpx.AsyncClient
    slack: WebClient
    smtp_host: str = "smtp.example.com"
    sender: str = "support@example.com"


support_agent = Agent("openai:gpt-4o", deps_type=SupportDeps)


@support_agent.tool
async def fetch_ticket(ctx: RunContext[SupportDeps], ticket_id: int) -> dict:
    """Fetch a helpdesk ticket by its numeric id."""
    logger.info("fetch_ticket id=%s", ticket_id)
    resp = await ctx.deps.http.get(f"https://helpdesk.example.com/api/v2/tickets/{ticket_id}")
    resp.raise_for_status()
    return resp.json()


@support_agent.tool
async def find_customer(ctx: RunContext[SupportDeps], email: str) -> list[dict]:
    """Look up a customer account by e-mail address."""
    logger.info("find_customer email=%s", email)
    async with ctx.deps.db.acquire() as conn:
        rows = await conn.fetch("SELECT id, name, plan FROM customers WHERE email = $1", email)
    return [dict(r) for r in rows]


@support_agent.tool
async def email_customer(ctx: RunContext[SupportDeps], to: str, subject: str, body: str) -> str:
    """Send an e-mail reply to the customer."""
    logger.info("email_customer to=%s subject=%s", to, subject)
    msg = EmailMessage()
    msg["From"] = ctx.deps.sender
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP(ctx.deps.smtp_host, 587) as smtp:
        smtp.starttls()
        smtp.send_message(msg)
    return "sent"


@support_agent.tool
async def post_escalation(ctx: RunContext[SupportDeps], channel: str, text: str) -> str:
    """Post an escalation to a Slack channel after a team lead approves it."""
    slog.info("post_escalation.requested", channel=channel)
    if not request_approval("slack.post", {"channel": channel, "text": text}):
        return "escalation was not approved"
    ctx.deps.slack.chat_postMessage(channel=channel, text=text)
    return "posted"


@support_agent.tool_plain
def aws_profile_summary(profile: str) -> dict:
    """Describe which AWS profile the support tooling would use."""
    parser = configparser.ConfigParser()
    parser.read(Path.home() / ".aws" / "credentials")
    section = parser[profile]
    return {"profile": profile, "key_id": section.get("aws_access_key_id", "")}
