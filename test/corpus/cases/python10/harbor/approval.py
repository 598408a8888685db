"""Human-in-the-loop approval for consequential tool actions.

The operator console runs the agent in a terminal, so approval is a blocking
prompt. Slack-based approval lives in harbor.ops.graph (LangGraph interrupts).
"""
from __future__ import annotations

import json
from typing import Any


class ApprovalDenied(RuntimeError):
    """The operator rejected the action."""


def request_approval(action: str, details: dict[str, Any] | None = None) -> bool:
    """Ask the operator to approve *action*. Returns True only on an explicit yes."""
    body = json.dumps(details or {}, indent=2, default=str)
    try:
        answer = input(f"\n[approval required] {action}\n{body}\nApprove? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in {"y", "yes"}


def require_approval(action: str, details: dict[str, Any] | None = None) -> None:
    """Like request_approval, but raises ApprovalDenied instead of returning False."""
    if not request_approval(action, details):
        raise ApprovalDenied(f"operator rejected {action}")
