import logging
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlparse

from pydantic_ai import Agent, RunContext
from smolagents import Tool

logger = logging.getLogger(__name__)
ALLOWED_HOSTS = {"data.example.org"}
BASE = "https://data.example.org"
agent = Agent("openai:gpt-4o")


# @label download: | early-return hostname allowlist, logger
@agent.tool_plain
def download(url: str) -> str:
    """Download a document."""
    if urlparse(url).hostname not in ALLOWED_HOSTS:
        return "host not allowed"
    logger.info("download %s", url)
    return urllib.request.urlopen(url).read().decode()
# @end


# @label download_nested: | nested-if hostname allowlist, logger
@agent.tool_plain
def download_nested(url: str) -> str:
    """Download a document (nested check)."""
    logger.info("download_nested %s", url)
    parsed = urlparse(url)
    if parsed.scheme == "https":
        if parsed.hostname in ALLOWED_HOSTS:
            return urllib.request.urlopen(url).read().decode()
    return "denied"
# @end


# @label fetch_relative: net,audit | urljoin(BASE, path) is not scoped
@agent.tool_plain
def fetch_relative(path: str) -> str:
    """Fetch a path on the data host."""
    full = urljoin(BASE, path)
    return urllib.request.urlopen(full).read().decode()
# @end


# @label read_report: fs,audit | agent.tool with ctx, Path(x).read_text chain
@agent.tool
def read_report(ctx: RunContext[None], report_path: str) -> str:
    """Read a report file."""
    return Path(report_path).expanduser().read_text()[:2000]
# @end


# @label PageFetchTool: net | smolagents Tool.forward, requests via urllib, logger
class PageFetchTool(Tool):
    name = "page_fetch"
    description = "Fetch a web page"
    inputs = {"url": {"type": "string", "description": "the URL"}}
    output_type = "string"

    def forward(self, url: str) -> str:
        logger.info("page_fetch %s", url)
        req = urllib.request.Request(url, headers={"User-Agent": "bot"})
        return urllib.request.urlopen(req).read().decode()[:5000]
# @end
