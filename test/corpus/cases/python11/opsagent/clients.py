"""Infrastructure clients.  Constructed once in :mod:`opsagent.container` and
injected into services; never instantiate these inside a tool."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Mapping
from email.message import EmailMessage
from typing import Any

import aiosmtplib
import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from opsagent import __version__
from opsagent.logging_utils import get_logger

logger = get_logger(__name__)

_RETRYABLE_STATUS = frozenset({429, 502, 503, 504})


class HttpClient:
    """httpx wrapper with bounded retries and jittered exponential backoff."""

    def __init__(self, *, timeout: float = 15.0, retries: int = 3) -> None:
        self._client = httpx.AsyncClient(
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": f"opsagent/{__version__}"},
        )
        self._retries = max(1, retries)

    async def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        delay = 0.5
        for attempt in range(1, self._retries + 1):
            try:
                response = await self._client.request(method, url, **kwargs)
            except httpx.TransportError as exc:
                if attempt == self._retries:
                    raise
                logger.warning("http %s %s failed (attempt %d/%d): %s", method, url, attempt, self._retries, exc)
            else:
                if response.status_code not in _RETRYABLE_STATUS or attempt == self._retries:
                    response.raise_for_status()
                    return response
                logger.warning("http %s %s -> %d, retrying", method, url, response.status_code)
            await asyncio.sleep(delay + random.uniform(0, delay / 2))
            delay *= 2
        raise RuntimeError("unreachable")

    async def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("GET", url, **kwargs)

    async def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("POST", url, **kwargs)

    async def aclose(self) -> None:
        await self._client.aclose()


class Database:
    """Thin async SQLAlchemy facade used by tools, jobs and the admin CLI."""

    def __init__(self, dsn: str) -> None:
        self.engine: AsyncEngine = create_async_engine(dsn, pool_pre_ping=True, pool_size=5)

    async def fetch_all(self, sql: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        async with self.engine.connect() as conn:
            result = await conn.execute(text(sql), dict(params or {}))
            return [dict(row._mapping) for row in result]

    async def execute(self, sql: str, params: Mapping[str, Any] | None = None) -> int:
        async with self.engine.begin() as conn:
            result = await conn.execute(text(sql), dict(params or {}))
            return result.rowcount


class Mailer:
    """Outbound mail through the internal relay."""

    def __init__(self, *, host: str, port: int, username: str, password: str, sender: str) -> None:
        self._host = host
        self._port = port
        self._username = username
        self._password = password
        self._sender = sender

    async def send(self, *, to: str | list[str], subject: str, body: str, reply_to: str | None = None) -> None:
        message = EmailMessage()
        message["From"] = self._sender
        message["To"] = to if isinstance(to, str) else ", ".join(to)
        message["Subject"] = subject
        if reply_to:
            message["Reply-To"] = reply_to
        message.set_content(body)
        await aiosmtplib.send(
            message,
            hostname=self._host,
            port=self._port,
            username=self._username,
            password=self._password,
            start_tls=True,
        )
