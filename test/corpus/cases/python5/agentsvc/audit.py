"""Structured audit trail for agent actions."""
from __future__ import annotations

import logging
from typing import Any

_audit_logger = logging.getLogger("agentsvc.audit")


def audit_event(event: str, **fields: Any) -> None:
    """Write one audit record for an agent action."""
    _audit_logger.info("%s %s", event, fields)
