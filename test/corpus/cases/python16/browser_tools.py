"""Browser automation tools for the OpenAI Agents SDK triage agent."""
from __future__ import annotations

import base64
import logging
from urllib.parse import urljoin

import aiohttp
from agents import Agent, function_tool
from playwright.async_api import async_playwright
from selenium import webdriver
from selenium.webdriver.chrome.options import Options

logger = logging.getLogger(__name__)

GRAFANA_BASE = "https://grafana.internal.example.com/"
VENDOR_BASE = "https://support.vendor.example.com"


async def _get_text(url: str) -> str:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15)) as session:
        async with session.get(url) as resp:
            resp.raise_for_status()
            return await resp.text()


@function_tool
async def screenshot_page(url: str) -> str:
    """Open a URL in a headless browser and return a base64 PNG screenshot."""
    logger.info("screenshot_page url=%s", url)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch()
        page = await browser.new_page(viewport={"width": 1440, "height": 900})
        await page.goto(url, wait_until="networkidle")
        png = await page.screenshot(full_page=True)
        await browser.close()
    return base64.b64encode(png).decode("ascii")


@function_tool
def open_grafana_panel(dashboard_uid: str, panel_id: int) -> str:
    """Render one Grafana panel and return the text it shows."""
    logger.info("open_grafana_panel uid=%s panel=%s", dashboard_uid, panel_id)
    options = Options()
    options.add_argument("--headless=new")
    driver = webdriver.Chrome(options=options)
    try:
        driver.get(GRAFANA_BASE + f"d-solo/{dashboard_uid}?panelId={panel_id}")
        return driver.find_element("tag name", "body").text
    finally:
        driver.quit()


@function_tool
async def read_vendor_article(article_path: str) -> str:
    """Read a knowledge-base article from the vendor support site given its path, e.g. 'kb/1234'."""
    url = urljoin(VENDOR_BASE, article_path)
    logger.info("read_vendor_article url=%s", url)
    text = await _get_text(url)
    return text[:15000]


def capture_release_pages(urls: list[str]) -> list[str]:
    """Used by the release checklist script, never by the agent."""
    options = Options()
    options.add_argument("--headless=new")
    driver = webdriver.Chrome(options=options)
    titles = []
    for url in urls:
        driver.get(url)
        titles.append(driver.title)
    driver.quit()
    return titles


triage_agent = Agent(
    name="triage",
    instructions="Investigate alerts. Use screenshots and dashboards to describe what is happening.",
    tools=[screenshot_page, open_grafana_panel, read_vendor_article],
)
