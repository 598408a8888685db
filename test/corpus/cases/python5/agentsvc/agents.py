"""Agent wiring: LangGraph ops/support agent, OpenAI Agents back office,
Pydantic AI billing agent and the FastMCP ops server."""
from __future__ import annotations

import logging
import os
from pathlib import Path

import aiohttp
import stripe
from agents import Agent
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent
from mcp.server.fastmcp import Context, FastMCP
from pydantic import BaseModel
from pydantic_ai import Agent as PydanticAgent
from pydantic_ai import RunContext
from slack_sdk import WebClient

from .deps import Deps, get_deps
from .security import notify_approver, request_approval
from .settings import settings
from .tools import config, data, files, web
from .tools.ops import (
    disk_usage,
    evaluate_expression,
    git_log,
    restart_service,
    run_diagnostic,
    run_shell,
)

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------
# Pydantic AI billing agent
# --------------------------------------------------------------------------

billing_agent = PydanticAgent(
    settings.model_name,
    deps_type=Deps,
    system_prompt="You help the billing team with charges, refunds and customer e-mail.",
)


@billing_agent.tool
async def charge_customer(ctx: RunContext[Deps], customer_id: str, amount_cents: int) -> str:
    """Charge a customer's saved payment method."""
    intent_id = ctx.deps.payments.charge(customer_id, amount_cents)
    return f"charged {amount_cents} cents ({intent_id})"


@billing_agent.tool
async def refund_order(ctx: RunContext[Deps], payment_intent: str, amount_cents: int) -> str:
    """Refund (part of) a payment."""
    logger.info("refund requested: %s %d", payment_intent, amount_cents)
    if not request_approval("refund", f"{payment_intent} {amount_cents}"):
        return "Refund was not approved."
    refund = stripe.Refund.create(payment_intent=payment_intent, amount=amount_cents)
    logger.info("refund %s created", refund.id)
    return refund.id


@billing_agent.tool
async def send_customer_email(ctx: RunContext[Deps], to: str, subject: str, body: str) -> str:
    """E-mail a customer about their account."""
    notify_approver("send_customer_email", f"to={to} subject={subject}")
    logger.info("sending e-mail to %s", to)
    ctx.deps.mailer.send(to, subject, body)
    return "sent"


@billing_agent.tool
async def lookup_order(ctx: RunContext[Deps], order_id: int) -> dict:
    """Look up an order by id."""
    logger.info("lookup order %s", order_id)
    rows = ctx.deps.db.query(
        "SELECT id, status, total_cents FROM orders WHERE id = ?", (order_id,)
    )
    return {"order": rows[0] if rows else None}


@billing_agent.tool
def read_invoice_pdf(ctx: RunContext[Deps], filename: str) -> bytes:
    """Return the stored PDF of an invoice."""
    logger.info("reading invoice %s", filename)
    invoice = Path(ctx.deps.settings.docs_root) / "invoices" / filename
    return invoice.read_bytes()


@billing_agent.tool_plain
def convert_currency(amount: float, rate: float) -> float:
    """Convert an amount with a given exchange rate."""
    return round(amount * rate, 2)


# --------------------------------------------------------------------------
# FastMCP ops server
# --------------------------------------------------------------------------

mcp = FastMCP("agentsvc-ops")


class SendConfirmation(BaseModel):
    confirm: bool


@mcp.tool()
async def post_slack_message(channel: str, text: str, ctx: Context) -> str:
    """Post a message to a Slack channel on behalf of the ops team."""
    answer = await ctx.elicit(
        message=f"Post to #{channel}: {text!r}?", schema=SendConfirmation
    )
    if answer.action != "accept" or not answer.data.confirm:
        return "cancelled"
    logger.info("slack post to %s", channel)
    client = WebClient(token=os.environ["SLACK_BOT_TOKEN"])
    client.chat_postMessage(channel=channel, text=text)
    return "posted"


@mcp.tool()
def delete_artifact(key: str) -> str:
    """Delete a build artifact from the artifact bucket."""
    get_deps().storage.delete(key)
    return f"deleted {key}"


@mcp.tool()
async def fetch_feed(url: str) -> str:
    """Download an RSS/Atom feed."""
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            return await resp.text()


@mcp.tool()
def ping() -> str:
    """Health check."""
    return "pong"


# --------------------------------------------------------------------------
# LangGraph support/ops agent and OpenAI Agents back-office agent
# --------------------------------------------------------------------------


def build_langgraph_agent(deps: Deps | None = None):
    deps = deps or get_deps()
    model = ChatOpenAI(model="gpt-4o", temperature=0)
    return create_react_agent(
        model,
        tools=[
            web.fetch_url,
            web.fetch_partner_page,
            web.fetch_status,
            web.search_kb,
            web.fetch_docs_page,
            web.extract_title,
            web.WebhookPingTool(client=deps.http),
            data.RunSqlTool(db=deps.db),
            data.CustomerByEmailTool(db=deps.db),
            data.run_report_query,
            data.readonly_query,
            data.delete_customer,
            data.count_rows,
            run_shell,
            git_log,
            run_diagnostic,
            evaluate_expression,
            disk_usage,
            restart_service,
        ],
        prompt="You are the agentsvc support and operations assistant.",
    )


back_office_agent = Agent(
    name="back-office",
    instructions="Answer questions about documents, reports and service configuration.",
    tools=[
        files.read_document,
        files.read_workspace_file,
        files.list_reports,
        files.delete_upload,
        files.purge_workspace_dir,
        files.word_count,
        config.get_setting,
        config.get_weather,
        config.read_cloud_profile,
        config.get_integration_secret,
    ],
)


if __name__ == "__main__":
    mcp.run()
