"""Operations tools for the OpenAI Agents SDK back-office agent."""
import logging

from agents import function_tool

from storefront import services
from storefront.agent.guards import audit_event, request_approval
from storefront.utils import shell

logger = logging.getLogger("storefront.agent.ops")

LARGE_CHARGE_CENTS = 50_000
MAKE_TARGETS = frozenset({"reindex-search", "warm-cache", "sitemap", "thumbnails"})


@function_tool(needs_approval=True)
def refund_customer(order_id: int, amount_cents: int | None = None) -> str:
    """Refund an order in full, or partially when amount_cents is given."""
    logger.info("agent refund order=%s amount=%s", order_id, amount_cents)
    refund_id = services.refund_order(order_id, amount_cents)
    return f"refund {refund_id} created"


@function_tool
def charge_saved_card(customer_id: int, amount_cents: int, reason: str) -> str:
    """Charge a customer's saved card, e.g. for an exchange price difference."""
    logger.info("agent charge customer=%s amount=%s reason=%s", customer_id, amount_cents, reason)
    if amount_cents > LARGE_CHARGE_CENTS:
        details = {"customer_id": customer_id, "amount_cents": amount_cents}
        if not request_approval("charge_saved_card", details):
            return "Charge declined by operator."
    intent_id = services.charge_customer(customer_id, amount_cents, reason)
    return f"payment intent {intent_id} confirmed"


@function_tool
def email_customer(order_id: int, subject: str, body: str) -> str:
    """Send an e-mail to the customer who placed the order."""
    audit_event("email_customer", order_id=order_id, subject=subject)
    details = {"order_id": order_id, "subject": subject, "body": body}
    if not request_approval("email_customer", details):
        return "E-mail not sent: operator declined."
    to_addr = services.notify_customer(order_id, subject, body)
    return f"sent to {to_addr}"


@function_tool
def run_make_target(target: str) -> str:
    """Run one of the whitelisted maintenance make targets."""
    if target not in MAKE_TARGETS:
        raise ValueError(f"unknown target {target!r}; choose one of {sorted(MAKE_TARGETS)}")
    logger.info("agent make %s", target)
    result = shell.run(f"make {target}")
    return result.stdout[-4000:]


@function_tool
def git_show(ref: str) -> str:
    """Show the files touched by a commit, branch or tag."""
    logger.info("agent git_show %s", ref)
    result = shell.run(f"git show --stat {ref}")
    return result.stdout[-4000:]
