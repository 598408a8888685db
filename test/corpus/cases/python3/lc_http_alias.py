import logging
from urllib.parse import urlparse

import httpx as hx
import requests
from langchain_core.tools import tool as lc_tool

logger = logging.getLogger(__name__)
ALLOWED = {"api.example.com", "docs.example.com"}


def _clean_url(url: str) -> str:
    host = urlparse(url).hostname
    if host not in ALLOWED:
        raise ValueError("host not allowed")
    return url.strip()


# @label fetch_url: net,audit | aliased httpx, model URL, no log
@lc_tool
def fetch_url(url: str) -> str:
    """Fetch a page."""
    resp = hx.get(url, timeout=10)
    return resp.text
# @end


# @label api_search: | constant host built in steps, logger
@lc_tool
def api_search(query: str) -> str:
    """Search the API."""
    base = "https://api.example.com/"
    path = "v1/search?q="
    url = base + path
    url = f"{url}{query}"
    logger.info("api_search %s", query)
    return hx.get(url).text
# @end


# @label request_opts: net,audit | kwargs plumbing into requests.request
@lc_tool
def request_opts(url: str, method: str = "GET") -> str:
    """Send an HTTP request."""
    opts = {"method": method, "url": url, "timeout": 5}
    r = requests.request(**opts)
    return r.text
# @end


# @label fetch_checked: | helper returns cleaned value after allowlist raise, logger
@lc_tool
def fetch_checked(url: str) -> str:
    """Fetch an allowed URL."""
    safe = _clean_url(url)
    logger.info("fetch_checked %s", safe)
    return hx.get(safe).text
# @end


def cli_main(argv):
    # not a tool
    return requests.get(argv[1]).text


if __name__ == "__main__":
    import sys
    print(cli_main(sys.argv))
