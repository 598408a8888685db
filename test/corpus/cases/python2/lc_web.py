import logging
from urllib.parse import urljoin

import httpx
from langchain_core.tools import StructuredTool, Tool
from langchain_core.tools import tool as lc_tool

from ws_guards import host_ok, require_allowed_host

logger = logging.getLogger(__name__)
BASE = "https://internal.example.com/api"

@lc_tool
async def fetch_page(url: str) -> str:
    """Fetch a web page and return its text."""
    async with httpx.AsyncClient(timeout=10) as client:
        r = await client.get(url)
        return r.text[:4000]


def _read_docs(url: str) -> str:
    if not host_ok(url):
        return "refused: host not allowed"
    logger.info("read_docs %s", url)
    return httpx.get(url).text


read_docs = StructuredTool.from_function(
    func=_read_docs,
    name="read_docs",
    description="Read documentation from an allowed host.",
)


def _internal(path: str) -> str:
    return httpx.get(urljoin(BASE, path)).text


internal_api = Tool(
    name="internal_api",
    func=_internal,
    description="Call the internal API at a relative path.",
)


def _gh(url: str) -> str:
    require_allowed_host(url)
    logger.info("gh %s", url)
    return httpx.get(url).json()


github_get = Tool(name="github_get", func=_gh, description="GET from GitHub API")


if __name__ == "__main__":
    print(httpx.get("https://example.org").status_code)
