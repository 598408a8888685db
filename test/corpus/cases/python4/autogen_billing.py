"""AutoGen assistant that helps the finance team with Stripe operations."""
import logging
import os

import httpx
import stripe
from autogen_agentchat.agents import AssistantAgent
from autogen_core.tools import FunctionTool as AGTool

from workspace_helpers import audit_log, request_approval

logger = logging.getLogger(__name__)
stripe.api_key = os.environ["STRIPE_SECRET_KEY"]


async def refund_charge(charge_id: str, amount_cents: int, reason: str) -> str:
    """Refund part or all of a charge once finance approves it."""
    audit_log("refund_requested", charge_id=charge_id, amount_cents=amount_cents)
    approved = request_approval(
        "stripe.refund", {"charge": charge_id, "amount": amount_cents, "reason": reason}
    )
    if not approved:
        return "Refund was not approved."
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    audit_log("refund_created", refund_id=refund.id)
    return refund.id


async def create_payout(amount_cents: int, currency: str) -> str:
    """Pay out the available balance to the connected bank account."""
    logger.info("create_payout amount=%s currency=%s", amount_cents, currency)
    payout = stripe.Payout.create(amount=amount_cents, currency=currency)
    return f"payout {payout.id} is {payout.status}"


async def lookup_invoice(invoice_id: str) -> dict:
    """Fetch an invoice from the internal billing API."""
    async with httpx.AsyncClient(timeout=10.0) as client:
        resp = await client.get(
            f"https://billing.internal.example.com/v2/invoices/{invoice_id}",
            headers={"Authorization": f"Bearer {os.environ['BILLING_API_TOKEN']}"},
        )
        resp.raise_for_status()
        return resp.json()


async def convert_amount(amount_cents: int, rate: float) -> int:
    """Convert an amount with a given FX rate, rounding half up."""
    return int(amount_cents * rate + 0.5)


refund_tool = AGTool(refund_charge, description="Refund a Stripe charge (needs approval).")
payout_tool = AGTool(create_payout, description="Create a Stripe payout.")
invoice_tool = AGTool(lookup_invoice, description="Look up an invoice by id.")
fx_tool = AGTool(convert_amount, description="Convert an amount with an FX rate.")


def build_agent(model_client) -> AssistantAgent:
    return AssistantAgent(
        name="finance_assistant",
        model_client=model_client,
        tools=[refund_tool, payout_tool, invoice_tool, fx_tool],
        system_message="You help the finance team. Always explain amounts in dollars.",
    )
