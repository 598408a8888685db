"""CrewAI research crew: scraping and reference tools."""
import logging
from typing import Type

import keyring
import requests
from bs4 import BeautifulSoup
from crewai import Agent
from crewai.tools import BaseTool
from pydantic import BaseModel, Field

from workspace_helpers import check_scrape_host

logger = logging.getLogger(__name__)


def _download(url: str) -> str:
    resp = requests.get(url, timeout=15, headers={"User-Agent": "research-crew/1.0"})
    resp.raise_for_status()
    return resp.text


class UrlInput(BaseModel):
    url: str = Field(..., description="Absolute URL of the page.")


class TrustedScrapeTool(BaseTool):
    name: str = "trusted_scrape"
    description: str = "Return the visible text of a page on a trusted research site."
    args_schema: Type[BaseModel] = UrlInput

    def _run(self, url: str) -> str:
        check_scrape_host(url)
        logger.info("trusted_scrape url=%s", url)
        soup = BeautifulSoup(_download(url), "html.parser")
        return soup.get_text(" ", strip=True)[:8000]


class PageTitleTool(BaseTool):
    name: str = "page_title"
    description: str = "Return the <title> of any web page."
    args_schema: Type[BaseModel] = UrlInput

    def _run(self, url: str) -> str:
        soup = BeautifulSoup(_download(url), "html.parser")
        return soup.title.string if soup.title else ""


class CredentialInput(BaseModel):
    service: str = Field(..., description="Name of the service, e.g. 'semantic-scholar'.")
    username: str = Field(..., description="Account name for the service.")


class ServiceLoginTool(BaseTool):
    name: str = "service_login"
    description: str = "Fetch the stored password for a research service account."
    args_schema: Type[BaseModel] = CredentialInput

    def _run(self, service: str, username: str) -> str:
        logger.info("service_login service=%s user=%s", service, username)
        password = keyring.get_password(service, username)
        return "available" if password else "missing"


class CitationFormatTool(BaseTool):
    name: str = "format_citation"
    description: str = "Format author, year and title as an APA citation."

    def _run(self, author: str, year: int, title: str) -> str:
        return f"{author} ({year}). {title}."


researcher = Agent(
    role="Researcher",
    goal="Collect trustworthy sources",
    backstory="A meticulous research assistant.",
    tools=[TrustedScrapeTool(), PageTitleTool(), ServiceLoginTool(), CitationFormatTool()],
)
