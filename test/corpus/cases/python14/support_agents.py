"""Customer-support triage with handoffs to billing and support specialists (OpenAI Agents SDK)."""
from __future__ import annotations

import asyncio
import logging
import sys

from agents import Agent, Runner, function_tool

from shop_common import audit_event, get_conn, issue_refund, lookup_order, reset_database

logger = logging.getLogger(__name__)


@function_tool(needs_approval=True)
def refund_order(order_id: str, amount_cents: int) -> str:
    """Refund part or all of an order to the original payment method."""
    order = lookup_order(order_id)
    if order is None:
        return f"No order {order_id}"
    if amount_cents > order["amount_cents"]:
        return "Refund amount exceeds the order total."
    audit_event("refund_order", order_id=order_id, amount_cents=amount_cents)
    refund_id = issue_refund(order["charge_id"], amount_cents)
    return f"Refund {refund_id} issued for order {order_id}."


@function_tool
def goodwill_credit(order_id: str, reason: str) -> str:
    """Give the customer a 10% goodwill credit on an order when something went wrong."""
    order = lookup_order(order_id)
    if order is None:
        return f"No order {order_id}"
    amount = order["amount_cents"] // 10
    logger.info("goodwill credit order=%s amount=%s reason=%s", order_id, amount, reason)
    refund_id = issue_refund(order["charge_id"], amount)
    return f"Credited {amount / 100:.2f} back to the customer ({refund_id})."


@function_tool
def search_orders(status: str, customer_email: str = "") -> list[dict]:
    """Find orders by status (e.g. 'shipped', 'pending') and optionally by customer e-mail."""
    query = (
        "SELECT o.id, o.status, o.amount_cents FROM orders o "
        f"JOIN customers c ON c.id = o.customer_id WHERE o.status = '{status}'"
    )
    if customer_email:
        query += f" AND c.email = '{customer_email}'"
    conn = get_conn()
    try:
        return [dict(r) for r in conn.execute(query).fetchall()]
    finally:
        conn.close()


billing_agent = Agent(
    name="Billing specialist",
    handoff_description="Handles refunds, charges and invoices.",
    instructions="You resolve billing questions. Always look the order up before refunding.",
    tools=[refund_order, search_orders],
)

support_agent = Agent(
    name="Support specialist",
    handoff_description="Handles delivery problems, damaged items and general complaints.",
    instructions="Be empathetic. You may offer a goodwill credit for late or damaged orders.",
    tools=[goodwill_credit, search_orders],
)

triage_agent = Agent(
    name="Triage",
    instructions="Route the customer to billing or support. Do not answer yourself.",
    handoffs=[billing_agent, support_agent],
)


async def main(argv: list[str]) -> None:
    logging.basicConfig(level=logging.INFO)
    if argv and argv[0] == "--reset-db":
        reset_database(argv[1])
        return
    result = await Runner.run(triage_agent, input=" ".join(argv) or "Where is my order 1042?")
    while result.interruptions:
        state = result.to_state()
        for interruption in result.interruptions:
            answer = input(f"Approve {interruption.raw_item.name} {interruption.raw_item.arguments}? [y/N] ")
            if answer.strip().lower() == "y":
                state.approve(interruption)
            else:
                state.reject(interruption)
        result = await Runner.run(triage_agent, state)
    print(result.final_output)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
