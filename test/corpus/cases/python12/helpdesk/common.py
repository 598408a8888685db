"""Shared helpers for the helpdesk agents: logging, guards, approvals, HTTP."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from pathlib import Path
from urllib.parse import urlparse

import requests

logger = logging.getLogger("helpdesk.agent")

DATA_ROOT = Path(os.environ.get("HELPDESK_DATA", "/srv/helpdesk/data")).resolve()
DB_PATH = DATA_ROOT / "helpdesk.db"

# Hosts the agents may contact on behalf of a user.
ALLOWED_HOSTS = frozenset({"docs.example.com", "status.example.com", "kb.example.com"})

# Extra hosts an operator may configure per deployment.  Unset by default.
EXTRA_HOSTS = {
    h.strip() for h in os.environ.get("HELPDESK_EXTRA_HOSTS", "").split(",") if h.strip()
}


def audit_event(action: str, **fields) -> None:
    """Write a structured audit record for an agent action."""
    logger.info("agent_action %s", json.dumps({"action": action, **fields}, default=str))


def ensure_allowed_host(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
        raise PermissionError(f"host not allowed: {parsed.hostname!r}")
    return url


def host_permitted(url: str) -> bool:
    """Operator-configurable allowlist; everything is permitted when none is configured."""
    if not EXTRA_HOSTS:
        return True
    return urlparse(url).hostname in EXTRA_HOSTS


def resolve_inside(root: Path, relative: str) -> Path:
    candidate = (root / relative).resolve()
    if not candidate.is_relative_to(root):
        raise PermissionError(f"path escapes {root}: {relative}")
    return candidate


def request_approval(action: str, details: dict) -> bool:
    """Ask the on-call operator to approve a consequential action."""
    print(f"[approval needed] {action}: {json.dumps(details, default=str)}")
    answer = input("Approve? [y/N] ")
    return answer.strip().lower() in {"y", "yes"}


def get_json(url: str, **kwargs) -> dict:
    resp = requests.get(url, timeout=15, **kwargs)
    resp.raise_for_status()
    return resp.json()


def connect_db(read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        return sqlite3.connect(f"file:{DB_PATH}?mode=ro", uri=True)
    return sqlite3.connect(DB_PATH)
