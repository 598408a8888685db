"""Flask app receiving Slack slash-commands and Stripe webhooks."""
from __future__ import annotations

import hashlib
import hmac
import os
import subprocess
import time

import stripe
from flask import Flask, abort, jsonify, request

from .notify import post_slack
from .payments import refund_charge

app = Flask(__name__)

SLACK_SIGNING_SECRET = os.environ.get("SLACK_SIGNING_SECRET", "")


def _verify_slack(req) -> None:
    ts = req.headers.get("X-Slack-Request-Timestamp", "0")
    if abs(time.time() - int(ts)) > 300:
        abort(403)
    base = f"v0:{ts}:{req.get_data(as_text=True)}".encode()
    digest = "v0=" + hmac.new(SLACK_SIGNING_SECRET.encode(), base, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(digest, req.headers.get("X-Slack-Signature", "")):
        abort(403)


@app.post("/slack/commands")
def slack_command():
    _verify_slack(request)
    text = request.form.get("text", "")
    if request.form.get("command") == "/harbor-deploy":
        out = subprocess.run(f"./deploy.sh {text}", shell=True, capture_output=True, text=True)
        post_slack(request.form["channel_id"], f"deploy finished: {out.returncode}")
    elif request.form.get("command") == "/harbor-refund":
        charge, _, amount = text.partition(" ")
        refund = refund_charge(charge, int(amount or 0) or None)
        post_slack(request.form["channel_id"], f"refund {refund.id}")
    return "", 200


@app.post("/stripe/webhook")
def stripe_webhook():
    event = stripe.Webhook.construct_event(
        request.get_data(), request.headers.get("Stripe-Signature", ""), os.environ["STRIPE_WEBHOOK_SECRET"]
    )
    if event["type"] == "charge.dispute.created":
        post_slack("#payments", f"dispute on {event['data']['object']['charge']}")
    return jsonify(received=True)
