"""Scope checks used by the tools before touching the network, disk or database."""
from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import urlparse

from .config import ALLOWED_HOSTS, EXTRA_HOSTS, READABLE_TABLES

logger = logging.getLogger(__name__)


class ScopeError(PermissionError):
    """Raised when a tool argument points outside what the agent may touch."""


def ensure_allowed_host(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
        raise ScopeError(f"host not allowed: {parsed.hostname!r}")
    return url


def ensure_mirror_host(url: str) -> str:
    """Mirror hosts are configured per deployment via AGENT_EXTRA_HOSTS."""
    host = urlparse(url).hostname
    if EXTRA_HOSTS and host not in EXTRA_HOSTS:
        raise ScopeError(f"mirror host not allowed: {host!r}")
    return url


def note_unlisted_host(url: str) -> None:
    host = urlparse(url).hostname
    if host not in ALLOWED_HOSTS:
        logger.warning("tool is fetching unlisted host %s", host)


def resolve_in_root(root: Path, name: str) -> Path:
    candidate = (root / name).resolve()
    if not candidate.is_relative_to(root.resolve()):
        raise ScopeError(f"path escapes {root}: {name!r}")
    return candidate


_TABLE_RE = re.compile(r"\b(?:from|join)\s+([A-Za-z_][A-Za-z0-9_]*)", re.IGNORECASE)


def ensure_known_tables(sql: str) -> str:
    tables = {t.lower() for t in _TABLE_RE.findall(sql)}
    if not tables or not tables <= READABLE_TABLES:
        raise ScopeError(f"query touches tables outside the allowlist: {sorted(tables)}")
    if ";" in sql.strip().rstrip(";"):
        raise ScopeError("multiple statements are not allowed")
    return sql
