"""Shared guards, approval and audit helpers for the opsbot agent tools."""
from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urlparse

audit_logger = logging.getLogger("opsbot.audit")

DATA_ROOT = Path(os.environ.get("OPSBOT_DATA_ROOT", "/srv/opsbot/data")).resolve()

DOC_HOSTS = frozenset({"docs.python.org", "docs.aws.amazon.com", "kubernetes.io"})


class GuardError(PermissionError):
    """Raised when a tool argument falls outside what the agent may touch."""


def audit_event(action: str, **fields: object) -> None:
    """Write one structured audit record for an agent action."""
    audit_logger.info("tool=%s %s", action, fields)


def ensure_doc_url(url: str) -> str:
    """Refuse any URL that is not https on one of the documentation hosts."""
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in DOC_HOSTS:
        raise GuardError(f"refusing to fetch {url!r}: host is not on the allowlist")
    return url


def resolve_in_data_root(relative: str) -> Path:
    """Resolve a path below DATA_ROOT, rejecting anything that escapes it."""
    candidate = (DATA_ROOT / relative).resolve()
    if not candidate.is_relative_to(DATA_ROOT):
        raise GuardError(f"{relative!r} escapes {DATA_ROOT}")
    return candidate


def request_approval(summary: str) -> bool:
    """Block until an operator approves the action on the terminal."""
    reply = input(f"[opsbot] approve {summary}? [y/N] ")
    return reply.strip().lower() in {"y", "yes"}
