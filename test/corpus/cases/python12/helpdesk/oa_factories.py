"""Tool factories: each closes over a client configured once at start-up."""

from __future__ import annotations

import aiohttp
import httpx
import stripe
from agents import function_tool

from .common import audit_event, host_permitted, logger


def make_search_tool(client: httpx.Client):
    @function_tool
    def search_kb(query: str, limit: int = 5) -> list[dict]:
        """Search the internal knowledge base."""
        logger.info("search_kb query=%r limit=%d", query, limit)
        resp = client.get(
            "https://kb.example.com/api/v2/search",
            params={"q": query, "limit": min(limit, 20)},
        )
        resp.raise_for_status()
        return resp.json()["results"]

    return search_kb


def make_fetch_tool(session: aiohttp.ClientSession):
    @function_tool
    async def fetch_page(url: str) -> str:
        """Download a web page the user referenced."""
        if not host_permitted(url):
            return "That host is not permitted in this deployment."
        async with session.get(url, allow_redirects=True) as resp:
            return (await resp.text())[:50_000]

    return fetch_page


def make_refund_tool(client: stripe.StripeClient):
    @function_tool(needs_approval=True)
    def issue_refund(charge_id: str, amount_cents: int, reason: str) -> str:
        """Refund part or all of a charge. An operator must approve the call."""
        audit_event("issue_refund", charge=charge_id, amount=amount_cents, reason=reason)
        refund = client.refunds.create(
            params={"charge": charge_id, "amount": amount_cents, "reason": "requested_by_customer"}
        )
        return refund.id

    return issue_refund


def make_payout_tool(api_key: str):
    @function_tool
    def send_payout(destination_account: str, amount_cents: int) -> str:
        """Pay out to a partner's connected Stripe account."""
        logger.info("send_payout dest=%s amount=%d", destination_account, amount_cents)
        transfer = stripe.Transfer.create(
            amount=amount_cents,
            currency="usd",
            destination=destination_account,
            api_key=api_key,
        )
        return transfer.id

    return send_payout


def build_billing_tools(stripe_key: str) -> list:
    return [make_refund_tool(stripe.StripeClient(stripe_key)), make_payout_tool(stripe_key)]
