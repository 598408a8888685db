import logging
import os
from urllib.parse import urlparse

import requests
from crewai.tools import BaseTool, tool

logger = logging.getLogger(__name__)
ALLOWED_HOSTS = {"news.example.com", "blog.example.com"}
REPORT_ROOT = os.path.realpath("/data/reports")


@tool("Scrape site")
def scrape_site(url: str) -> str:
    """Scrape a news page for the crew."""
    host = urlparse(url).hostname
    if host not in ALLOWED_HOSTS:
        logger.warning("scraping non-allowlisted host %s", host)
    logger.info("scrape %s", url)
    return requests.get(url, timeout=15).text


class ReportReaderTool(BaseTool):
    name: str = "Report reader"
    description: str = "Read a report from the reports folder"

    def _run(self, report_path: str) -> str:
        full = os.path.realpath(os.path.join(REPORT_ROOT, report_path))
        if not full.startswith(REPORT_ROOT + os.sep):
            raise PermissionError("outside reports folder")
        with open(full) as fh:
            return fh.read()


@tool("Word count")
def word_count(text: str) -> int:
    """Count the words in a text."""
    return len(text.split())
