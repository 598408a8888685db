"""Google ADK operations agent."""

from __future__ import annotations

import asyncio
import functools
import os
from typing import AsyncGenerator
from urllib.parse import urljoin

import requests
from google.adk.agents import Agent
from google.adk.tools import FunctionTool, LongRunningFunctionTool, ToolContext
from google.cloud import storage
from playwright.async_api import async_playwright

from .common import audit_event, logger, request_approval

REPORTS_DIR = "/srv/helpdesk/reports"
LOG_DIR = "/var/log/helpdesk"
DOCS_BASE = "https://docs.example.com/"


def read_report(name: str, root: str = REPORTS_DIR) -> str:
    """Return the text of a generated report."""
    logger.info("read_report name=%s", name)
    with open(os.path.join(root, name), encoding="utf-8") as fh:
        return fh.read()


def get_doc_page(path: str) -> str:
    """Fetch a page from the product documentation."""
    url = urljoin(DOCS_BASE, path)
    logger.info("get_doc_page %s", url)
    return requests.get(url, timeout=10).text


async def crawl_site(start_url: str, max_pages: int, tool_context: ToolContext) -> dict:
    """Crawl a site starting from a URL and collect page titles. Long running."""
    titles: dict[str, str] = {}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch()
        page = await browser.new_page()
        queue = [start_url]
        while queue and len(titles) < max_pages:
            url = queue.pop(0)
            await page.goto(url)
            titles[url] = await page.title()
            hrefs = await page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
            queue.extend(h for h in hrefs if h not in titles)
        await browser.close()
    tool_context.state["last_crawl"] = list(titles)
    return {"status": "done", "pages": titles}


async def watch_logs(service: str, pattern: str) -> AsyncGenerator[str, None]:
    """Stream new log lines of a service that contain a pattern."""
    logger.info("watch_logs service=%s pattern=%s", service, pattern)
    path = f"{LOG_DIR}/{service}.log"
    with open(path, encoding="utf-8", errors="replace") as fh:
        fh.seek(0, os.SEEK_END)
        while True:
            line = fh.readline()
            if not line:
                await asyncio.sleep(1.0)
                continue
            if pattern in line:
                yield line.rstrip()


class CloudOps:
    @staticmethod
    def get_config_value(key: str) -> str:
        """Read a deployment configuration value by name."""
        logger.info("get_config_value key=%s", key)
        return os.environ.get(key, "<unset>")

    @staticmethod
    def rotate_bucket_keys() -> None:
        """Run by cron, not by the agent."""
        for blob in storage.Client().bucket("helpdesk-keys").list_blobs(prefix="old/"):
            blob.delete()


def delete_object(bucket: str, object_name: str) -> str:
    """Delete an object from cloud storage once an operator approves."""
    if not request_approval("delete_object", {"bucket": bucket, "object": object_name}):
        return "Deletion was not approved."
    audit_event("delete_object", bucket=bucket, object=object_name)
    storage.Client().bucket(bucket).blob(object_name).delete()
    return "deleted"


ops_agent = Agent(
    name="ops",
    model="gemini-2.0-flash",
    instruction="You help the operations team investigate incidents.",
    tools=[
        FunctionTool(func=functools.partial(read_report, root=REPORTS_DIR)),
        get_doc_page,
        LongRunningFunctionTool(func=crawl_site),
        watch_logs,
        CloudOps.get_config_value,
        FunctionTool(func=delete_object),
    ],
)
