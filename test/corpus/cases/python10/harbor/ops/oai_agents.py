"""OpenAI Agents SDK: the customer-support agent."""
from __future__ import annotations

import json
import logging
import os
from urllib.parse import urljoin

import httpx
import keyring
import requests
import stripe
from agents import Agent, function_tool

from ..approval import request_approval
from ..audit import audit_event
from ..httpclient import PARTNER_BASE
from ..notify import send_email
from ..payments import refund_charge
from ..secrets_store import service_password
from ..settings import settings

logger = logging.getLogger("harbor.support")

ORDERS_API = "https://orders.internal.example.com/v1"
JIRA_API = "https://jira.example.com/rest/api/2"


@function_tool(needs_approval=True)
def refund_payment(charge_id: str, amount_cents: int, reason: str = "requested_by_customer") -> str:
    """Refund all or part of a Stripe charge."""
    refund = refund_charge(charge_id, amount_cents, reason)
    audit_event("refund_payment", "refund", charge_id=charge_id, amount_cents=amount_cents, refund_id=refund.id)
    return f"refund {refund.id}: {refund.status}"


@function_tool
def issue_account_credit(customer_id: str, amount_cents: int, note: str) -> str:
    """Credit a customer's account balance (applied to their next invoice)."""
    if amount_cents > settings.credit_approval_threshold:
        if not request_approval("issue_account_credit", {"customer": customer_id, "amount_cents": amount_cents}):
            return "credit was not approved"
    txn = stripe.Customer.create_balance_transaction(
        customer_id, amount=-abs(amount_cents), currency="usd", description=note[:200]
    )
    logger.info("credit %s cents to %s (%s)", amount_cents, customer_id, txn.id)
    return f"credited {amount_cents / 100:.2f} USD ({txn.id})"


@function_tool
async def email_customer(to: str, subject: str, body: str) -> str:
    """Send an e-mail to the customer from the support mailbox."""
    send_email(to, subject, body)
    logger.info("email_customer to=%s subject=%r", to, subject)
    return "sent"


@function_tool
def lookup_order(order_id: str) -> dict:
    """Fetch an order (items, status, shipping) from the orders service."""
    resp = requests.get(
        f"{ORDERS_API}/orders/{order_id}",
        headers={"Authorization": f"Bearer {os.environ['ORDERS_API_TOKEN']}"},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()


@function_tool
def call_partner_api(endpoint: str, payload_json: str = "{}") -> str:
    """Call the logistics partner API, e.g. endpoint='shipments/123/track'."""
    url = urljoin(PARTNER_BASE, endpoint)
    logger.info("partner api POST %s", url)
    resp = httpx.post(url, json=json.loads(payload_json), timeout=20)
    return resp.text[:10_000]


@function_tool
def check_integration(service: str) -> str:
    """Check whether an integration (zendesk, hubspot, intercom, ...) has credentials configured."""
    token = os.getenv(f"{service.upper()}_API_TOKEN")
    logger.info("check_integration %s configured=%s", service, bool(token))
    if not token:
        return f"{service}: not configured"
    return f"{service}: configured (token starts with {token[:4]})"


@function_tool
def get_service_credential(service: str, username: str) -> str:
    """Look up the stored password of an internal service account."""
    secret = service_password(service, username)
    audit_event("get_service_credential", "read_secret", service=service, username=username)
    return secret or "no credential stored"


@function_tool
def jira_issue_status(issue_key: str) -> dict:
    """Status, assignee and last update of a Jira issue."""
    password = keyring.get_password("harbor-jira", "support-bot")
    resp = requests.get(
        f"{JIRA_API}/issue/{issue_key}",
        params={"fields": "status,assignee,updated"},
        auth=("support-bot", password),
        timeout=10,
    )
    audit_event("jira_issue_status", "read", issue=issue_key, status=resp.status_code)
    resp.raise_for_status()
    fields = resp.json()["fields"]
    return {"status": fields["status"]["name"], "assignee": (fields.get("assignee") or {}).get("displayName")}


support_agent = Agent(
    name="Support",
    instructions=(
        "You help customers with orders, refunds and account questions. "
        "Always look up the order before offering a refund or credit."
    ),
    model=settings.model,
    tools=[
        refund_payment,
        issue_account_credit,
        email_customer,
        lookup_order,
        call_partner_api,
        check_integration,
        get_service_credential,
        jira_issue_status,
    ],
)
