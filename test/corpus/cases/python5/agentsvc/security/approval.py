"""Human-in-the-loop approval for consequential agent actions."""
from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


def request_approval(action: str, details: str) -> bool:
    """Ask the operator on the console; True only on an explicit yes."""
    answer = input(f"[agentsvc] approve {action}? {details} [y/N] ")
    approved = answer.strip().lower() in {"y", "yes"}
    logger.info("approval for %s: %s", action, approved)
    return approved


def notify_approver(action: str, details: str) -> None:
    """Record that an action wants approval (the approver reviews it later)."""
    logger.info("approval requested for %s: %s", action, details)
