"""Outbound host policy for agent HTTP calls."""
from __future__ import annotations

import logging
import os
from urllib.parse import urlparse

logger = logging.getLogger(__name__)

ALLOWED_HOSTS = frozenset({"partners.example.com", "status.example.com", "hooks.example.com"})

# Optional extra hosts for the status checker, configured per deployment.
_EXTRA_HOSTS = {
    h.strip() for h in os.environ.get("AGENTSVC_STATUS_HOSTS", "").split(",") if h.strip()
}


class HostNotAllowed(PermissionError):
    pass


def require_allowed_host(url: str) -> str:
    """Raise unless the URL's host is on the fixed allowlist."""
    host = urlparse(url).hostname
    if host not in ALLOWED_HOSTS:
        raise HostNotAllowed(f"host {host!r} is not allowed")
    return url


def is_configured_host(url: str) -> bool:
    """True if the host is in AGENTSVC_STATUS_HOSTS (everything allowed when unset)."""
    if not _EXTRA_HOSTS:
        return True
    return urlparse(url).hostname in _EXTRA_HOSTS


def warn_if_unknown_host(url: str) -> None:
    host = urlparse(url).hostname
    if host not in ALLOWED_HOSTS:
        logger.warning("request to unlisted host %s", host)
