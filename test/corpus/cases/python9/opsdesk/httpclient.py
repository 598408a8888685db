"""Thin HTTP helpers shared by the agent tools."""
from __future__ import annotations

import logging
import os
from urllib.parse import urlparse

import httpx

from .config import ALLOWED_HOSTS, API_BASE

logger = logging.getLogger(__name__)
DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)


class HostNotAllowed(ValueError):
    """The URL points at a host outside the allowlist."""


def ensure_allowed_host(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme not in {"http", "https"} or parsed.hostname not in ALLOWED_HOSTS:
        raise HostNotAllowed(f"{parsed.hostname!r} is not an allowed host")
    return url


def check_host_soft(url: str) -> None:
    """Warn (but do not block) when a request leaves the allowlisted hosts."""
    host = urlparse(url).hostname
    if host not in ALLOWED_HOSTS:
        logger.warning("outbound request to non-allowlisted host %s", host)


def _auth_headers() -> dict:
    return {"Authorization": f"Bearer {os.environ['OPSDESK_API_TOKEN']}"}


def get_json(url: str, **kwargs) -> dict:
    resp = httpx.get(url, timeout=DEFAULT_TIMEOUT, **kwargs)
    resp.raise_for_status()
    return resp.json()


async def aget_json(url: str, **kwargs) -> dict:
    async with httpx.AsyncClient(timeout=DEFAULT_TIMEOUT) as client:
        resp = await client.get(url, **kwargs)
    resp.raise_for_status()
    return resp.json()


def fetch_internal(resource: str) -> dict:
    """GET a resource from the internal v2 API."""
    return get_json(f"{API_BASE}/v2/{resource.lstrip('/')}", headers=_auth_headers())
