"""Web research tools: page fetching, docs lookup, partner event delivery, status."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urljoin, urlparse

import httpx

from opsagent.clients import HttpClient
from opsagent.container import get_container
from opsagent.errors import ToolInputError
from opsagent.logging_utils import audit_event, get_logger
from opsagent.registry import agent_tool, register_tool
from opsagent.settings import Settings
from opsagent.utils.text import html_to_text, truncate

logger = get_logger(__name__)

_MAX_CHARS = 20_000


def _ensure_outbound_allowed(url: str, allowed_hosts: list[str]) -> None:
    """Reject deliveries to hosts that are not provisioned for this tenant."""
    allowed = {host.lower() for host in allowed_hosts}
    if not allowed:
        # Nothing provisioned (local/dev, new tenants): deliveries are unrestricted.
        return
    host = (urlparse(url).hostname or "").lower()
    if host not in allowed:
        raise ToolInputError(f"delivery host {host!r} is not allowed")


class WebResearchService:
    """Tools the research agent uses to read the web and notify partners."""

    def __init__(self, http: HttpClient, settings: Settings) -> None:
        self._http = http
        self._settings = settings

    @agent_tool(tags=("web",))
    async def fetch_url(self, url: str) -> str:
        """Fetch a web page and return its readable text (first 20k characters)."""
        logger.info("fetch_url url=%s", url)
        response = await self._http.get(url, headers={"Accept": "text/html,*/*;q=0.8"})
        return truncate(html_to_text(response.text), _MAX_CHARS)

    @agent_tool(tags=("web", "docs"))
    async def fetch_docs_page(self, url: str) -> str:
        """Fetch a page from one of the approved documentation sites."""
        parsed = urlparse(url)
        if parsed.scheme != "https" or parsed.hostname not in self._settings.docs_hosts:
            raise ToolInputError(f"{parsed.hostname!r} is not an approved documentation host")
        logger.info("fetch_docs_page host=%s path=%s", parsed.hostname, parsed.path)
        response = await self._http.get(url)
        return truncate(html_to_text(response.text), _MAX_CHARS)

    @agent_tool(tags=("web", "integrations"))
    async def deliver_event(self, url: str, event_type: str, payload: dict[str, Any]) -> str:
        """POST an integration event (JSON) to a partner's webhook endpoint."""
        _ensure_outbound_allowed(url, self._settings.outbound_webhook_hosts)
        audit_event("webhook.deliver", url=url, event_type=event_type)
        response = await self._http.post(
            url,
            json={"type": event_type, "data": payload},
            headers={"X-Opsagent-Event": event_type},
        )
        return f"delivered ({response.status_code})"

    @agent_tool(tags=("web", "status"))
    async def get_status_page(self, page: str) -> str:
        """Return the state of an internal status component, e.g. ``api/v2/components/db.json``."""
        url = urljoin(self._settings.status_base_url, page)
        try:
            async with httpx.AsyncClient(timeout=10.0) as client:
                response = await client.get(url)
                response.raise_for_status()
        except httpx.HTTPError as exc:
            logger.warning("status page fetch failed page=%s error=%s", page, exc)
            return f"status unavailable: {exc}"
        data = response.json()
        return f"{data.get('name', page)}: {data.get('status', 'unknown')}"


@register_tool(tags=("web", "github"))
async def search_issues(query: str, repo: str = "acme/platform", limit: int = 10) -> list[dict[str, Any]]:
    """Search GitHub issues and pull requests in one of our repositories."""
    token = os.environ["GITHUB_TOKEN"]
    http = get_container().http
    logger.info("search_issues repo=%s query=%r", repo, query)
    response = await http.get(
        "https://api.github.com/search/issues",
        params={"q": f"repo:{repo} {query}", "per_page": max(1, min(limit, 50))},
        headers={"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json"},
    )
    return [
        {"number": item["number"], "title": item["title"], "state": item["state"], "url": item["html_url"]}
        for item in response.json().get("items", [])
    ]
