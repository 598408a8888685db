"""Audit trail and human-approval helpers shared by all tools."""
from __future__ import annotations

import json
import logging
import sys
from datetime import datetime, timezone

audit_logger = logging.getLogger("research_agent.audit")


def audit_event(tool: str, **fields: object) -> None:
    """Write one structured audit record for a tool invocation."""
    record = {"ts": datetime.now(timezone.utc).isoformat(), "tool": tool, **fields}
    audit_logger.info(json.dumps(record, default=str))


def request_approval(action: str, detail: str) -> bool:
    """Ask the on-call operator to approve a consequential action."""
    if not sys.stdin.isatty():
        return False
    answer = input(f"[approval] {action}: {detail}\nApprove? [y/N] ")
    return answer.strip().lower() in {"y", "yes"}
