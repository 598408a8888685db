"""Human approval and audit helpers for agent actions."""
import json
import logging

audit_logger = logging.getLogger("storefront.agent.audit")


def audit_event(action, **details):
    audit_logger.info("agent action=%s details=%s", action, json.dumps(details, default=str))


def request_approval(action, details):
    """Ask the on-duty operator (attached to the agent's console) to approve."""
    prompt = f"Agent wants to {action}: {json.dumps(details, default=str)}. Approve? [y/N] "
    return input(prompt).strip().lower() in {"y", "yes"}
