"""Web access tools for the LangGraph support agent."""
from __future__ import annotations

import logging
import re
from urllib.parse import urljoin

import httpx
import requests
from langchain_core.tools import BaseTool
from langchain_core.tools import tool as lc_tool

from ..audit import audit_event
from ..clients.http import HttpClient
from ..deps import get_deps
from agentsvc.security import is_configured_host, require_allowed_host, warn_if_unknown_host

logger = logging.getLogger(__name__)

DOCS_BASE = "https://docs.example.com"
_TITLE_RE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)


@lc_tool
def fetch_url(url: str) -> str:
    """Fetch any web page and return the first 5000 characters."""
    print(f"fetching {url}")
    resp = httpx.get(url, timeout=10, follow_redirects=True)
    return resp.text[:5000]


@lc_tool
def fetch_partner_page(url: str) -> str:
    """Fetch a page from one of our partner sites."""
    audit_event("tool.fetch_partner_page", url=url)
    require_allowed_host(url)
    return get_deps().http.get_text(url)[:5000]


@lc_tool
def fetch_status(url: str) -> str:
    """Check a status page and report whether it is up."""
    if not is_configured_host(url):
        raise PermissionError("status host not configured")
    logger.info("status check %s", url)
    resp = requests.get(url, timeout=5)
    return "up" if resp.ok else f"down ({resp.status_code})"


@lc_tool
def search_kb(query: str) -> str:
    """Search the internal knowledge base."""
    logger.info("kb search: %s", query)
    resp = requests.get(f"https://kb.example.com/api/search?q={query}", timeout=10)
    resp.raise_for_status()
    hits = resp.json().get("hits", [])
    return "\n".join(h["title"] for h in hits[:10])


@lc_tool
def fetch_docs_page(path: str) -> str:
    """Fetch a page of the product documentation by its path."""
    url = urljoin(DOCS_BASE, path)
    logger.info("docs fetch %s", url)
    return get_deps().http.get_text(url)


class WebhookPingTool(BaseTool):
    name: str = "ping_webhook"
    description: str = "Send a test event to a customer's webhook endpoint."
    client: HttpClient

    def _run(self, url: str, event: str = "ping") -> str:
        logger.info("webhook ping %s (%s)", url, event)
        warn_if_unknown_host(url)
        status = self.client.post_json(url, {"event": event, "source": "agentsvc"})
        return f"endpoint answered {status}"


@lc_tool
def extract_title(html: str) -> str:
    """Return the <title> of an HTML document."""
    match = _TITLE_RE.search(html)
    return match.group(1).strip() if match else ""
