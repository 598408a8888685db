"""Thin wrapper around Stripe used by the support tools and the CLI."""
from __future__ import annotations

import os
import uuid

import stripe

if os.getenv("STRIPE_API_KEY"):
    stripe.api_key = os.environ["STRIPE_API_KEY"]
    stripe.max_network_retries = 2


def refund_charge(charge_id: str, amount_cents: int | None = None, reason: str = "requested_by_customer"):
    params = {"charge": charge_id, "reason": reason}
    if amount_cents:
        params["amount"] = int(amount_cents)
    return stripe.Refund.create(**params, idempotency_key=f"harbor-{uuid.uuid4()}")
