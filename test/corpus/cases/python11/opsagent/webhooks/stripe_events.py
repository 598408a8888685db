"""Stripe webhook receiver (mounted at /webhooks/stripe by the API service)."""

from __future__ import annotations

import os
from pathlib import Path

import stripe
from fastapi import APIRouter, Header, HTTPException, Request

from opsagent.container import get_container
from opsagent.logging_utils import get_logger

logger = get_logger(__name__)
router = APIRouter()

_EVIDENCE_DIR = Path(os.environ.get("OPSAGENT_EVIDENCE_DIR", "/srv/opsagent/evidence"))


@router.post("/webhooks/stripe")
async def stripe_webhook(request: Request, stripe_signature: str = Header(...)) -> dict[str, str]:
    payload = await request.body()
    try:
        event = stripe.Webhook.construct_event(payload, stripe_signature, os.environ["STRIPE_WEBHOOK_SECRET"])
    except (ValueError, stripe.SignatureVerificationError) as exc:
        raise HTTPException(status_code=400, detail="bad signature") from exc

    c = get_container()
    obj = event["data"]["object"]
    if event["type"] == "charge.dispute.created":
        # Pull the receipt so the dispute packet is complete before the agent triages it.
        receipt = await c.http.get(obj["receipt_url"])
        (_EVIDENCE_DIR / f"{obj['id']}.html").write_text(receipt.text)
    elif event["type"] == "customer.deleted":
        await c.warehouse.execute(f"DELETE FROM account_metrics WHERE stripe_customer = '{obj['id']}'")
        for path in _EVIDENCE_DIR.glob(f"{obj['id']}*"):
            os.remove(path)
    logger.info("stripe event %s handled", event["type"])
    return {"status": "ok"}
