"""Inbound webhooks: Stripe payment events and GitHub deploy hooks."""
import hashlib
import hmac
import logging

import stripe
from flask import Blueprint, abort, request

from storefront import db, settings
from storefront.utils import shell
from storefront.utils.mail import send_mail

log = logging.getLogger(__name__)
bp = Blueprint("webhooks", __name__, url_prefix="/hooks")


@bp.post("/stripe")
def stripe_webhook():
    payload = request.get_data()
    sig = request.headers.get("Stripe-Signature", "")
    try:
        event = stripe.Webhook.construct_event(payload, sig, settings.STRIPE_WEBHOOK_SECRET)
    except (ValueError, stripe.error.SignatureVerificationError):
        abort(400)

    obj = event["data"]["object"]
    if event["type"] == "payment_intent.succeeded":
        db.execute("UPDATE orders SET status = 'paid' WHERE payment_intent_id = ?", (obj["id"],))
    elif event["type"] == "charge.dispute.created":
        send_mail("finance@acme-outfitters.com", "Dispute opened", f"Dispute on {obj['charge']}")
    elif event["type"] == "customer.deleted":
        db.execute(f"DELETE FROM customers WHERE stripe_customer_id = '{obj['id']}'")
    return "", 204


@bp.post("/github")
def github_webhook():
    sig = request.headers.get("X-Hub-Signature-256", "")
    digest = hmac.new(settings.GITHUB_WEBHOOK_SECRET.encode(), request.get_data(), hashlib.sha256)
    if not hmac.compare_digest(sig, "sha256=" + digest.hexdigest()):
        abort(403)
    body = request.get_json()
    branch = body["ref"].rsplit("/", 1)[-1]
    log.info("deploying branch %s", branch)
    shell.run(f"./scripts/deploy.sh {branch}")
    return "", 202
