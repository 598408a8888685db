"""CrewAI tools for the research and maintenance crews."""
from __future__ import annotations

import configparser
import logging
import os
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Type

from crewai import Agent, Crew, Task
from crewai.tools import BaseTool, tool
from playwright.sync_api import sync_playwright
from pydantic import BaseModel, Field

from opsdesk.audit import audit_event
from opsdesk.config import ALLOWED_HOSTS, ALLOWED_TABLES, DB_PATH, REPORTS_DIR
from opsdesk.sandbox import safe_path

logger = logging.getLogger(__name__)


@tool("Scrape Website")
def scrape_website(url: str) -> str:
    """Open a page in a headless browser and return its visible text (sites in ALLOWED_HOSTS only)."""
    print(f"[scrape] {url}")
    with sync_playwright() as p:
        browser = p.chromium.launch(headless=True)
        page = browser.new_page()
        page.goto(url, wait_until="domcontentloaded", timeout=30_000)
        text = page.inner_text("body")
        browser.close()
    return text[:12000]


@tool("AWS Account Info")
def aws_account_info(profile: str = "default") -> str:
    """Report which AWS access key id a named CLI profile uses."""
    logger.info("aws_account_info profile=%s", profile)
    creds = configparser.ConfigParser()
    creds.read(os.path.expanduser("~/.aws/credentials"))
    if profile not in creds:
        return f"no profile named {profile}"
    return f"profile {profile} uses key {creds[profile]['aws_access_key_id']}"


class CleanupInput(BaseModel):
    table: str = Field(..., description="Reporting table to clean up")
    older_than_days: int = Field(90, description="Delete rows older than this many days")


class DatabaseCleanupTool(BaseTool):
    name: str = "database_cleanup"
    description: str = "Delete old rows from a reporting table."
    args_schema: Type[BaseModel] = CleanupInput

    def _run(self, table: str, older_than_days: int = 90) -> str:
        audit_event("database_cleanup", table=table, older_than_days=older_than_days)
        if table not in ALLOWED_TABLES:
            logger.warning("database_cleanup called for non-standard table %s", table)
        cutoff = (datetime.now(timezone.utc) - timedelta(days=older_than_days)).isoformat()
        with sqlite3.connect(DB_PATH) as conn:
            cur = conn.execute(f"DELETE FROM {table} WHERE created_at < ?", (cutoff,))
        return f"deleted {cur.rowcount} rows from {table}"


class ReportInput(BaseModel):
    filename: str = Field(..., description="Report file name, e.g. weekly/2024-W12.md")
    content: str = Field(..., description="Markdown to append")


class ReportWriterTool(BaseTool):
    name: str = "write_report"
    description: str = "Append a section to a markdown report in the reports folder."
    args_schema: Type[BaseModel] = ReportInput

    def _run(self, filename: str, content: str) -> str:
        path = safe_path(filename, root=Path(REPORTS_DIR))
        audit_event("write_report", path=str(path), chars=len(content))
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(content.rstrip() + "\n\n")
        return f"appended {len(content)} chars to {path.name}"


researcher = Agent(
    role="Researcher",
    goal="Collect facts about incidents from public pages",
    backstory="A meticulous SRE.",
    tools=[scrape_website, aws_account_info],
)
janitor = Agent(
    role="Janitor",
    goal="Keep the reporting database small and write the weekly report",
    backstory="Keeps things tidy.",
    tools=[DatabaseCleanupTool(), ReportWriterTool()],
)


def weekly_crew(topic: str) -> Crew:
    research = Task(description=f"Research {topic}", expected_output="Notes", agent=researcher)
    tidy = Task(description="Clean up and write the weekly report", expected_output="Report", agent=janitor)
    return Crew(agents=[researcher, janitor], tasks=[research, tidy])
