"""Structured audit trail for actions taken by the agents."""
from __future__ import annotations

import json
import logging
import time

_audit = logging.getLogger("opsdesk.audit")


def audit_event(action: str, **fields) -> None:
    """Write one audit record for an action an agent is about to take."""
    record = {"ts": time.time(), "action": action, **fields}
    _audit.info(json.dumps(record, default=str))


def log_tool_call(tool: str, args: dict) -> None:
    """Record a tool invocation together with its (JSON-serialisable) arguments."""
    _audit.info("tool=%s args=%s", tool, json.dumps(args, default=str))


def configure(path: str, level: int = logging.INFO) -> None:
    """Attach a file handler to the audit logger (called once at start-up)."""
    handler = logging.FileHandler(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    _audit.addHandler(handler)
    _audit.setLevel(level)
