"""Outbound HTTP: host allowlists and a small session wrapper."""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlparse

import requests

logger = logging.getLogger(__name__)

ALLOWED_HOSTS = frozenset(
    {
        "api.github.com",
        "raw.githubusercontent.com",
        "pypi.org",
        "docs.python.org",
        "data.example.com",
    }
)

STATUS_API = "https://status.example.com"
PARTNER_BASE = "https://partners.example.com/api/v3/"
TICKETS_HOST = "tickets.internal.example.com"


class HostNotAllowed(PermissionError):
    pass


def ensure_allowed(url: str) -> str:
    """Raise HostNotAllowed unless *url* points at an allowlisted host."""
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower()
    if parsed.scheme != "https" or host not in ALLOWED_HOSTS:
        raise HostNotAllowed(f"{host or url!r} is not an allowed destination")
    return url


EXTRA_HOSTS = {
    h.strip().lower() for h in os.environ.get("HARBOR_EXTRA_HOSTS", "").split(",") if h.strip()
}


def host_permitted(url: str) -> bool:
    """True if *url* may be fetched.

    HARBOR_EXTRA_HOSTS restricts integrations to a set of hosts; leaving it
    empty disables the restriction (handy in development).
    """
    if not EXTRA_HOSTS:
        return True
    return (urlparse(url).hostname or "").lower() in EXTRA_HOSTS


class HttpClient:
    """requests.Session with a base URL, bearer auth and an optional host allowlist."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        allowed_hosts: Iterable[str] | None = None,
        timeout: float = 15.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.allowed_hosts = frozenset(allowed_hosts) if allowed_hosts is not None else None
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "harbor-agent/0.7"
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def _absolute(self, url: str) -> str:
        if url.startswith(("http://", "https://")):
            return url
        return f"{self.base_url}/{url.lstrip('/')}"

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        full = self._absolute(url)
        if self.allowed_hosts is not None:
            host = urlparse(full).hostname
            if host not in self.allowed_hosts:
                raise HostNotAllowed(f"{host!r} is not allowed for this client")
        logger.info("%s %s", method, full)
        resp = self.session.request(method, full, timeout=self.timeout, **kwargs)
        resp.raise_for_status()
        return resp
