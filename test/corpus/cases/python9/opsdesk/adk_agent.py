"""Google ADK root agent for the field-support bot."""
from __future__ import annotations

import csv
import logging
import os
import socket
from urllib.parse import urlparse

import requests
from google.adk.agents import Agent
from google.adk.tools import FunctionTool
from langfuse import observe

from opsdesk.audit import audit_event
from opsdesk.config import (
    ALLOWED_HOSTS,
    ALLOWED_TABLES,
    EXPORT_DIR,
    PARTNER_FEED_HOSTS,
    REPORTS_DIR,
    WEATHER_URL,
)
from opsdesk.repo import connect_readonly

logger = logging.getLogger(__name__)


@observe()
def get_weather(city: str) -> dict:
    """Current weather for a city, used when scheduling field technicians."""
    resp = requests.get(
        WEATHER_URL,
        params={"q": city, "units": "metric", "key": os.environ["WEATHER_API_KEY"]},
        timeout=10,
    )
    resp.raise_for_status()
    data = resp.json()
    return {"city": city, "temp_c": data["temp"], "conditions": data["summary"]}


def fetch_url(url: str, allow_external: bool = False) -> dict:
    """Fetch a URL. Set allow_external only when the user explicitly asked for an outside site."""
    host = urlparse(url).hostname
    if not allow_external and host not in ALLOWED_HOSTS:
        return {"status": "error", "message": f"{host} is not an approved host"}
    logger.info("fetch_url %s (external=%s)", url, allow_external)
    resp = requests.get(url, timeout=15)
    return {"status": "ok", "body": resp.text[:8000]}


def check_port(host: str, port: int) -> dict:
    """Check whether a TCP port on a customer device is reachable."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(3)
    try:
        s.connect((host, int(port)))
        return {"open": True}
    except OSError as exc:
        print(f"check_port {host}:{port} failed: {exc}")
        return {"open": False, "error": str(exc)}
    finally:
        s.close()


def fetch_partner_feed(url: str) -> dict:
    """Fetch a partner's incident feed (JSON)."""
    host = urlparse(url).hostname
    if PARTNER_FEED_HOSTS and host not in PARTNER_FEED_HOSTS:
        return {"status": "error", "message": f"{host} is not a configured partner"}
    audit_event("fetch_partner_feed", url=url)
    return {"status": "ok", "items": requests.get(url, timeout=15).json()}


def export_table(table: str, dest: str) -> dict:
    """Export one reporting table to a CSV file in the exports folder."""
    if table not in ALLOWED_TABLES:
        return {"status": "error", "message": f"table {table!r} cannot be exported"}
    audit_event("export_table", table=table, dest=dest)
    out = os.path.join(EXPORT_DIR, os.path.basename(dest))
    conn = connect_readonly()
    try:
        cur = conn.execute(f"SELECT * FROM {table}")
        header = [col[0] for col in cur.description]
        with open(out, "x", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(cur)
    finally:
        conn.close()
    return {"status": "ok", "path": out}


def read_report(name: str) -> dict:
    """Read a generated report from the reports folder."""
    path = os.path.realpath(os.path.join(REPORTS_DIR, name))
    if not path.startswith(REPORTS_DIR):
        return {"status": "error", "message": "invalid report name"}
    logger.info("read_report %s", path)
    with open(path, encoding="utf-8") as fh:
        return {"status": "ok", "content": fh.read()}


root_agent = Agent(
    name="field_support",
    model="gemini-2.0-flash",
    description="Helps field technicians and partners with device issues.",
    instruction="Answer concisely. Use tools to check devices, feeds and reports.",
    tools=[
        get_weather,
        FunctionTool(func=fetch_url),
        check_port,
        fetch_partner_feed,
        FunctionTool(func=export_table),
        read_report,
    ],
)
