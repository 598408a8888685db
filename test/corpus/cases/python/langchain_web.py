"""Web research tools for the LangChain research assistant."""
import logging
from urllib.parse import urljoin

import requests
from langchain_core.tools import tool as lc_tool

logger = logging.getLogger(__name__)

PARTNER_BASE = "https://partner.example.com/api/"
DOCS_SEARCH = "https://docs.example.com/api/search"


@lc_tool
def fetch_url(url: str) -> str:
    """Fetch the raw text of a web page."""
    resp = requests.get(url, timeout=10)
    resp.raise_for_status()
    return resp.text[:5000]


@lc_tool
def search_docs(query: str) -> str:
    """Search the product documentation."""
    logger.info("docs search: %s", query)
    resp = requests.get(f"{DOCS_SEARCH}?q={query}", timeout=10)
    return resp.text


@lc_tool("partner_lookup")
def partner_lookup(path: str) -> dict:
    """Look up a resource on the partner API by relative path."""
    target = urljoin(PARTNER_BASE, path)
    data = requests.get(target, timeout=5).json()
    return data


def _summarise(text: str) -> str:
    return text[:200]


if __name__ == "__main__":
    print(_summarise(requests.get("https://example.com").text))
