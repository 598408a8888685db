"""Semantic Kernel plugins for the ops copilot."""
from __future__ import annotations

import logging
import os
import subprocess
from typing import Annotated

import stripe
from semantic_kernel import Kernel
from semantic_kernel.functions import kernel_function

from opsdesk.approvals import record_pending, request_approval
from opsdesk.audit import audit_event
from opsdesk.config import DATA_ROOT
from opsdesk.sandbox import ensure_allowed_command, resolve_in_root

logger = logging.getLogger(__name__)
stripe.api_key = os.environ.get("STRIPE_SECRET_KEY")


class FilePlugin:
    """Read-only access to the shared data directory."""

    @kernel_function(name="read_file", description="Read a text file from the shared data directory.")
    def read_file(self, relative_path: Annotated[str, "Path relative to the data directory"]) -> str:
        target = resolve_in_root(str(DATA_ROOT), relative_path)
        logger.info("read_file %s", target)
        with open(target, encoding="utf-8") as fh:
            return fh.read(200_000)

    @kernel_function(name="list_dir", description="List the files in a folder of the data directory.")
    def list_dir(self, directory: Annotated[str, "Folder relative to the data directory"] = ".") -> list[str]:
        if ".." in directory.split("/"):
            return ["error: parent directory references are not allowed"]
        logger.info("list_dir %s", directory)
        return sorted(os.listdir(os.path.join(DATA_ROOT, directory)))


class BillingPlugin:
    """Refunds and charges through Stripe."""

    @kernel_function(description="Refund part or all of a charge.")
    async def refund_payment(
        self,
        charge_id: Annotated[str, "Stripe charge id (ch_...)"],
        amount_cents: Annotated[int, "Amount to refund in cents"],
    ) -> str:
        audit_event("refund_payment.requested", charge_id=charge_id, amount_cents=amount_cents)
        if not request_approval("refund_payment", {"charge": charge_id, "amount_cents": amount_cents}):
            return "The refund was not approved by the operator."
        refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
        audit_event("refund_payment.created", refund_id=refund.id)
        return f"refund {refund.id} created"

    @kernel_function(description="Charge a customer's saved card, e.g. for an overage.")
    async def charge_card(
        self,
        customer_id: Annotated[str, "Stripe customer id (cus_...)"],
        amount_cents: Annotated[int, "Amount in cents"],
        reason: Annotated[str, "Shown on the customer's invoice"],
    ) -> str:
        ticket = record_pending("charge_card", {"customer": customer_id, "amount_cents": amount_cents})
        audit_event("charge_card", customer_id=customer_id, amount_cents=amount_cents, ticket=ticket)
        intent = stripe.PaymentIntent.create(
            customer=customer_id,
            amount=amount_cents,
            currency="usd",
            confirm=True,
            off_session=True,
            description=reason,
        )
        return f"charged {amount_cents} cents (intent {intent.id}); finance review ticket {ticket}"


class OpsPlugin:
    """Troubleshooting helpers for the platform team."""

    @kernel_function(description="Return a service's database connection string for troubleshooting.")
    def get_connection_string(self, service: Annotated[str, "Service name, e.g. billing"]) -> str:
        var = f"{service.upper()}_DATABASE_URL"
        return os.environ[var]

    @kernel_function(description="Run an allowlisted host diagnostic program (df, uptime, free, ps, lsblk).")
    def run_check(self, program: str, args: list[str] | None = None) -> str:
        ensure_allowed_command(program)
        logger.info("run_check %s %s", program, args)
        proc = subprocess.run([program, *(args or [])], capture_output=True, text=True, timeout=30)
        return proc.stdout[-4000:]


def build_kernel() -> Kernel:
    kernel = Kernel()
    kernel.add_plugin(FilePlugin(), plugin_name="files")
    kernel.add_plugin(BillingPlugin(), plugin_name="billing")
    kernel.add_plugin(OpsPlugin(), plugin_name="ops")
    return kernel
