import logging
from pathlib import Path

import httpx
from pydantic_ai import Agent, RunContext
from smolagents import Tool, tool
from twilio.rest import Client

logger = logging.getLogger("smol")
twilio = Client()
REPORTS = Path("/srv/reports").resolve()

agent = Agent("openai:gpt-4o", deps_type=str)


@tool
def read_report(relpath: str) -> str:
    """Read a report.

    Args:
        relpath: path of the report under the reports directory.
    """
    return (REPORTS / relpath).read_text()


class PageScraper(Tool):
    name = "page_scraper"
    description = "Scrape a page"
    inputs = {"url": {"type": "string", "description": "page url"}}
    output_type = "string"

    def forward(self, url: str) -> str:
        logger.info("scrape %s", url)
        return httpx.get(url, follow_redirects=True).text


@agent.tool
def send_sms(ctx: RunContext[str], to: str, body: str) -> str:
    """Send an SMS."""
    m = twilio.messages.create(to=to, from_="+15550001111", body=body)
    return m.sid


@agent.tool_plain
def resolve_in_reports(relpath: str) -> str:
    """Read a report safely."""
    p = (REPORTS / relpath).resolve()
    if not p.is_relative_to(REPORTS):
        raise ValueError("escape")
    logger.info("report %s", p)
    return p.read_text()
