"""Web access tools exposed to the research agent."""
from __future__ import annotations

import asyncio
import logging
import urllib.request
from urllib.parse import urljoin

import aiohttp
from agents import function_tool
from langchain_core.tools import StructuredTool, tool as lc_tool

from .audit import audit_event
from .config import PARTNER_API, STATUS_API
from .guards import ensure_allowed_host, ensure_mirror_host, note_unlisted_host
from .http_client import PageFetcher, fetch_json, fetch_text
from .models import FetchRequest, MirrorInput

logger = logging.getLogger(__name__)


@function_tool
async def fetch_page(req: FetchRequest) -> str:
    """Fetch a web page and return its text (truncated)."""
    fetcher = PageFetcher(req)
    return await fetcher.run()


@function_tool
async def fetch_reference(url: str) -> str:
    """Fetch a page from one of the approved reference sites."""
    audit_event("fetch_reference", url=url)
    ensure_allowed_host(url)
    return await fetch_text(url)


@lc_tool
async def partner_catalog(path: str) -> dict:
    """Look up an item in the partner catalog, e.g. '/items/123'."""
    logger.info("partner_catalog path=%s", path)
    return await fetch_json(PARTNER_API + path)


@lc_tool
async def wiki_summary(url: str) -> str:
    """Summarise an English Wikipedia article given its URL."""
    note_unlisted_host(url)
    if not url.startswith("https://en.wikipedia.org"):
        raise ValueError("only English Wikipedia articles are supported")
    logger.info("wiki_summary url=%s", url)
    text = await fetch_text(url)
    return text[:4000]


def _mirror_fetch(url: str) -> str:
    logger.info("mirror_fetch url=%s", url)
    ensure_mirror_host(url)
    with urllib.request.urlopen(url, timeout=30) as resp:
        return resp.read(200_000).decode("utf-8", "replace")


mirror_fetch = StructuredTool.from_function(
    func=_mirror_fetch,
    name="mirror_fetch",
    description="Fetch a dataset file from one of the configured mirrors.",
    args_schema=MirrorInput,
)


@lc_tool
async def status_batch(components: list[str]) -> dict[str, str]:
    """Check several components on the internal status page at once."""
    urls = [urljoin(STATUS_API, name) for name in components]
    print(f"status_batch: checking {len(urls)} components")
    bodies = await asyncio.gather(*(fetch_text(u) for u in urls))
    return {name: body[:200] for name, body in zip(components, bodies)}


async def warm_sitemap_cache(sitemap_url: str) -> int:
    """Nightly cron helper (scripts/maintenance.py); not exposed to the model."""
    async with aiohttp.ClientSession() as session:
        async with session.get(sitemap_url, ssl=False) as resp:
            text = await resp.text()
    return text.count("<loc>")


async def download_dataset(url: str, dest: str) -> None:
    """Old helper from the notebook days. Not registered as a tool anywhere."""
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            data = await resp.read()
    with open(dest, "wb") as fh:
        fh.write(data)
