import logging

import requests
import stripe
from langchain_core.tools import tool
from langgraph.prebuilt import create_react_agent
from langgraph.types import interrupt

from approvals import log_action, request_approval

logger = logging.getLogger(__name__)
PAYMENTS_API = "https://payments.internal.example.com/v1/"


@tool
def transfer_funds(account_id: str, amount: float) -> str:
    """Transfer money to a vendor account."""
    answer = interrupt({"question": f"Transfer {amount} to {account_id}?"})
    if not answer.get("approved"):
        return "transfer rejected"
    logger.info("transfer %s -> %s", amount, account_id)
    r = requests.post(PAYMENTS_API + "transfers", json={"to": account_id, "amount": amount}, timeout=10)
    return r.json()["id"]


@tool
def place_order(sku: str, quantity: int) -> str:
    """Order stock from the supplier."""
    r = requests.post("https://shop.example.com/api/orders", json={"sku": sku, "qty": quantity}, timeout=10)
    return r.json()["order_id"]


@tool
def refund_order(charge_id: str) -> str:
    """Refund a customer's charge."""
    if not request_approval("refund", {"charge": charge_id}):
        return "refund declined"
    return stripe.Refund.create(charge=charge_id).id


@tool
def goodwill_refund(charge_id: str, amount_cents: int) -> str:
    """Give a customer a partial goodwill refund."""
    approved = request_approval("goodwill refund", {"charge": charge_id, "amount": amount_cents})
    log_action("goodwill_refund", charge=charge_id, amount=amount_cents, approved=approved)
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return refund.id


@tool
def order_status(order_id: str) -> dict:
    """Look up the status of a supplier order."""
    log_action("order_status", order=order_id)
    return requests.get(f"https://shop.example.com/api/orders/{order_id}", timeout=10).json()


graph = create_react_agent(
    "openai:gpt-4o",
    tools=[transfer_funds, place_order, refund_order, goodwill_refund, order_status],
)
