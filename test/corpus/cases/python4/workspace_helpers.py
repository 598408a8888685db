"""Shared helpers for the ops agents: path containment, host checks, approvals, audit."""
import json
import logging
import os
import time
from pathlib import Path
from urllib.parse import urlparse

import requests

_audit = logging.getLogger("agent.audit")

TRUSTED_SCRAPE_HOSTS = frozenset({"en.wikipedia.org", "arxiv.org", "www.rfc-editor.org"})


def audit_log(action: str, **fields) -> None:
    """Append a structured audit record for an agent action."""
    record = {"ts": time.time(), "action": action, **fields}
    _audit.info(json.dumps(record, default=str))


def ensure_inside(root: Path, candidate: str) -> Path:
    """Resolve candidate under root and raise if it escapes root."""
    root_real = os.path.realpath(root)
    target = os.path.realpath(os.path.join(root_real, candidate))
    if os.path.commonpath([root_real, target]) != root_real:
        raise PermissionError(f"{candidate!r} is outside {root_real}")
    return Path(target)


def check_scrape_host(url: str) -> str:
    """Raise unless the URL points at one of the trusted research hosts."""
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in TRUSTED_SCRAPE_HOSTS:
        raise ValueError(f"host {parsed.hostname!r} is not on the scrape allowlist")
    return url


def request_approval(action: str, details: dict) -> bool:
    """Ask the on-call operator to approve an action; returns their decision."""
    resp = requests.post(
        "https://approvals.internal.example.com/api/requests",
        json={"action": action, "details": details},
        timeout=300,
    )
    resp.raise_for_status()
    return resp.json().get("approved") is True


def debug_fetch(url: str) -> str:
    """Developer helper used only by the ops CLI."""
    return requests.get(url, timeout=10).text
