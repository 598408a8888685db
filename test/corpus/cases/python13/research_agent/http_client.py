"""Thin aiohttp helpers used by the web tools."""
from __future__ import annotations

from typing import Any, Mapping

import aiohttp

_TIMEOUT = aiohttp.ClientTimeout(total=20)
_HEADERS = {"User-Agent": "research-agent/0.4 (+https://example.com/bot)"}


async def _get_text(session: aiohttp.ClientSession, url: str, params: Mapping[str, Any] | None) -> str:
    async with session.get(url, params=params, headers=_HEADERS) as resp:
        resp.raise_for_status()
        return await resp.text()


async def fetch_text(url: str, params: Mapping[str, Any] | None = None) -> str:
    async with aiohttp.ClientSession(timeout=_TIMEOUT) as session:
        return await _get_text(session, url, params)


async def fetch_json(url: str, params: Mapping[str, Any] | None = None) -> Any:
    async with aiohttp.ClientSession(timeout=_TIMEOUT, headers=_HEADERS) as session:
        async with session.get(url, params=params) as resp:
            resp.raise_for_status()
            return await resp.json()


class PageFetcher:
    """Fetches one page described by a FetchRequest and trims it for the model."""

    def __init__(self, req, max_chars: int = 20_000) -> None:
        self.req = req
        self.max_chars = max_chars

    def _target(self) -> str:
        return self.req.url

    async def run(self) -> str:
        body = await fetch_text(self._target(), params=self.req.query or None)
        return body[: self.max_chars]
