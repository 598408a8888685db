"""Billing agent: Google ADK tools plus LangChain tools in a LangGraph graph."""
import argparse
import logging
import os
import subprocess
from urllib.parse import urlparse

import httpx
import requests
import stripe
from google.adk.tools import FunctionTool
from langchain_core.tools import tool
from langgraph.types import interrupt
from langsmith import traceable

logger = logging.getLogger(__name__)
STATUS_HOSTS = {"status.stripe.com", "status.example.com"}
REPOS = {"billing": "/srv/git/billing", "ledger": "/srv/git/ledger"}


def is_allowed(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme == "https" and parsed.hostname in STATUS_HOSTS


def check_status_page(url: str) -> str:
    """Fetch a vendor status page."""
    if not is_allowed(url):
        raise ValueError("status host not allowed")
    logger.info("check_status_page url=%s", url)
    return httpx.get(url, timeout=5).text[:2000]


def recent_commits(repo: str) -> str:
    """Show the last five commits of a billing repository."""
    workdir = REPOS.get(repo)
    if workdir is None:
        return "unknown repo"
    logger.info("recent_commits repo=%s", repo)
    out = subprocess.run(["git", "log", "--oneline", "-n", "5"], cwd=workdir, capture_output=True, text=True)
    return out.stdout


status_tool = FunctionTool(func=check_status_page)
commits_tool = FunctionTool(func=recent_commits)


def request_approval(action: str) -> bool:
    return input(f"Approve {action}? [y/N] ").strip().lower() == "y"


@tool
def refund_charge(charge_id: str, amount_cents: int) -> str:
    """Refund part of a charge."""
    decision = interrupt({"action": "refund", "charge": charge_id, "amount": amount_cents})
    if decision != "approve":
        return "refund rejected by reviewer"
    logger.info("refund_charge charge=%s amount=%s", charge_id, amount_cents)
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return refund.id


@tool
def cancel_subscription(subscription_id: str, already_reviewed: bool = False) -> str:
    """Cancel a customer's subscription."""
    if not already_reviewed:
        if not request_approval(f"cancel {subscription_id}"):
            return "not approved"
    logger.info("cancel_subscription id=%s", subscription_id)
    stripe.Subscription.delete(subscription_id)
    return "cancelled"


@tool
@traceable(name="fx_rate")
def fx_rate(base: str, quote: str) -> str:
    """Get an exchange rate from the FX provider."""
    key = os.environ["FX_API_KEY"]
    resp = requests.get(
        "https://api.fx.example.com/v2/rate",
        params={"base": base, "quote": quote},
        headers={"Authorization": f"Bearer {key}"},
        timeout=5,
    )
    return resp.text


def main() -> None:
    parser = argparse.ArgumentParser(description="Download an invoice PDF (operator CLI).")
    parser.add_argument("url")
    parser.add_argument("out")
    args = parser.parse_args()
    with open(args.out, "wb") as fh:
        fh.write(requests.get(args.url, timeout=30).content)


if __name__ == "__main__":
    main()
