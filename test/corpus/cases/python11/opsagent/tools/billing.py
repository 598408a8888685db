"""Billing and customer-communication tools."""

from __future__ import annotations

import stripe

from opsagent.approvals import ApprovalService
from opsagent.clients import Mailer
from opsagent.errors import ToolInputError
from opsagent.logging_utils import audit_event, get_logger
from opsagent.registry import agent_tool
from opsagent.settings import Settings

logger = get_logger(__name__)


class BillingService:
    def __init__(self, stripe_client: stripe.StripeClient, approvals: ApprovalService, settings: Settings) -> None:
        self._stripe = stripe_client
        self._approvals = approvals
        self._settings = settings

    @agent_tool(tags=("billing", "money"))
    async def issue_refund(self, charge_id: str, amount_cents: int, reason: str) -> str:
        """Refund (part of) a charge.  The billing on-call must approve every refund."""
        if amount_cents <= 0:
            raise ToolInputError("amount_cents must be positive")
        decision = await self._approvals.request_approval(
            action="billing.refund",
            summary=f"Refund {amount_cents / 100:.2f} USD on {charge_id}: {reason}",
            payload={"charge": charge_id, "amount": amount_cents},
        )
        if not decision.granted:
            audit_event("billing.refund.denied", charge=charge_id, amount=amount_cents, ticket=decision.ticket_id)
            return f"Refund not approved: {decision.reason or 'rejected'}"
        refund = await self._stripe.refunds.create_async(
            params={
                "charge": charge_id,
                "amount": amount_cents,
                "reason": "requested_by_customer",
                "metadata": {"approval_ticket": decision.ticket_id},
            }
        )
        audit_event("billing.refund", charge=charge_id, amount=amount_cents, refund=refund.id, approver=decision.approver)
        return f"Refund {refund.id} created ({refund.status})."

    @agent_tool(tags=("billing", "money"))
    async def apply_credit(self, customer_id: str, amount_cents: int, note: str) -> str:
        """Add account credit for a customer (e.g. SLA compensation)."""
        if amount_cents <= 0:
            raise ToolInputError("amount_cents must be positive")
        if amount_cents > self._settings.credit_auto_approve_cents:
            decision = await self._approvals.request_approval(
                action="billing.credit",
                summary=f"Credit {amount_cents / 100:.2f} USD to {customer_id}: {note}",
                payload={"customer": customer_id, "amount": amount_cents},
            )
            if not decision.granted:
                return "Credit not approved."
        txn = await self._stripe.customers.balance_transactions.create_async(
            customer_id,
            params={"amount": -amount_cents, "currency": "usd", "description": note[:350]},
        )
        logger.info("credit applied customer=%s amount=%d txn=%s", customer_id, amount_cents, txn.id)
        return f"Credited {amount_cents / 100:.2f} USD ({txn.id})."


class CustomerMessagingService:
    def __init__(self, mailer: Mailer, approvals: ApprovalService) -> None:
        self._mailer = mailer
        self._approvals = approvals

    @agent_tool(tags=("comms",))
    async def send_customer_email(self, to: str, subject: str, body: str) -> str:
        """E-mail a customer from support@.  Every message goes through the approvals desk."""
        decision = await self._approvals.request_approval(
            action="comms.email",
            summary=f"E-mail to {to}: {subject}",
            payload={"to": to, "subject": subject, "body": body[:2_000]},
        )
        logger.info("send_customer_email to=%s approved=%s ticket=%s", to, decision.granted, decision.ticket_id)
        await self._mailer.send(to=to, subject=subject, body=body)
        return f"Sent to {to}."
