"""Human-in-the-loop approval helpers."""
from __future__ import annotations

import json
import sys
import uuid

_PENDING: dict[str, tuple[str, dict]] = {}


class ApprovalDenied(PermissionError):
    """Raised when an operator rejects an action."""


def request_approval(action: str, details: dict) -> bool:
    """Ask the operator on the console; returns True only on an explicit yes."""
    if not sys.stdin.isatty():
        return False
    print(f"\n[approval needed] {action}\n{json.dumps(details, indent=2, default=str)}")
    answer = input("Approve? [y/N] ").strip().lower()
    return answer in {"y", "yes"}


def require_approval(action: str, details: dict) -> None:
    """Like request_approval, but raises ApprovalDenied instead of returning False."""
    if not request_approval(action, details):
        raise ApprovalDenied(f"{action} was not approved")


def record_pending(action: str, details: dict) -> str:
    """Queue an action for asynchronous review by the finance team; returns a ticket id."""
    ticket = uuid.uuid4().hex[:10]
    _PENDING[ticket] = (action, details)
    return ticket


def pending() -> dict[str, tuple[str, dict]]:
    return dict(_PENDING)
