"""OpenAI Agents SDK finance and comms agent."""
from __future__ import annotations

import logging
import os
import shutil

import httpx
import logfire
import stripe
from agents import Agent, Runner
from agents import function_tool as ftool
from slack_sdk import WebClient

from opsdesk import httpclient
from opsdesk.audit import audit_event
from opsdesk.config import API_BASE
from opsdesk.sandbox import safe_path

logger = logging.getLogger(__name__)
slack = WebClient(token=os.environ.get("SLACK_BOT_TOKEN"))


@ftool(needs_approval=True)
def transfer_funds(destination_account: str, amount_cents: int, memo: str) -> str:
    """Transfer funds to a connected Stripe account."""
    audit_event("transfer_funds", destination=destination_account, amount_cents=amount_cents, memo=memo)
    transfer = stripe.Transfer.create(
        amount=amount_cents, currency="usd", destination=destination_account, description=memo
    )
    return f"transfer {transfer.id} created"


@ftool
def send_slack_message(channel: str, text: str) -> str:
    """Post a message to a Slack channel as the ops bot."""
    logger.info("send_slack_message channel=%s", channel)
    resp = slack.chat_postMessage(channel=channel, text=text)
    return f"posted ts={resp['ts']}"


@ftool(name_override="http_get")
async def http_get_tool(url: str) -> dict:
    """GET a JSON endpoint and return the decoded body."""
    httpclient.check_host_soft(url)
    audit_event("http_get", url=url)
    return await httpclient.aget_json(url)


@ftool
def api_lookup(path: str) -> dict:
    """Call the internal opsdesk REST API, e.g. path `/v1/tickets/123`."""
    logger.info("api_lookup %s", path)
    resp = httpx.get(f"{API_BASE}{path}", timeout=10)
    resp.raise_for_status()
    return resp.json()


@ftool
@logfire.instrument("fetch_resource {resource}")
def fetch_resource(resource: str) -> dict:
    """Fetch a v2 resource such as `teams/42` from the internal API."""
    return httpclient.fetch_internal(resource)


@ftool(needs_approval=False)
def delete_user_files(user_id: str) -> str:
    """Delete everything stored for a user (GDPR erasure request)."""
    target = safe_path(f"users/{user_id}")
    logger.info("delete_user_files %s", target)
    shutil.rmtree(target)
    return f"deleted {target}"


finance_agent = Agent(
    name="finance",
    instructions="You handle payouts, customer-data requests and announcements for the ops team.",
    tools=[transfer_funds, send_slack_message, http_get_tool, api_lookup, fetch_resource, delete_user_files],
)


async def run_once(prompt: str) -> str:
    result = await Runner.run(finance_agent, prompt)
    return result.final_output
