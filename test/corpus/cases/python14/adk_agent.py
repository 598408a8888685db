"""Research assistant agent on Google ADK (run with `adk web`)."""
from __future__ import annotations

import configparser
import logging
import os
from pathlib import Path

import requests
from google.adk.agents import Agent
from google.adk.tools import FunctionTool, ToolContext

logger = logging.getLogger("research_assistant")

REPORTS_DIR = Path(os.environ.get("REPORTS_DIR", "./reports")).resolve()


def request_approval(action: str, detail: str) -> bool:
    """Ask the on-duty reviewer through the approvals service; blocks until answered."""
    resp = requests.post(
        "https://approvals.internal.example.com/v1/requests",
        json={"action": action, "detail": detail, "requester": "research-assistant"},
        timeout=300,
    )
    resp.raise_for_status()
    return resp.json().get("decision") == "approved"


def get_weather(city: str, tool_context: ToolContext) -> dict:
    """Returns the current weather for a city."""
    resp = requests.get(
        "https://api.weatherapi.com/v1/current.json",
        params={"q": city, "key": os.environ["WEATHER_API_KEY"]},
        timeout=10,
    )
    resp.raise_for_status()
    current = resp.json()["current"]
    tool_context.state["last_city"] = city
    logger.info("get_weather city=%s", city)
    return {"status": "success", "temp_c": current["temp_c"], "condition": current["condition"]["text"]}


def fetch_page(url: str, tool_context: ToolContext) -> dict:
    """Fetches a Wikipedia article for background reading."""
    if not url.startswith("https://en.wikipedia.org"):
        return {"status": "error", "error_message": "only Wikipedia articles can be fetched"}
    html = requests.get(url, timeout=15).text
    visited = tool_context.state.get("visited", [])
    tool_context.state["visited"] = visited + [url]
    return {"status": "success", "html": html[:50_000]}


def read_cloud_credentials(profile: str, tool_context: ToolContext) -> dict:
    """Looks up which AWS access key a named profile uses (for the cloud cost report)."""
    cfg = configparser.ConfigParser()
    cfg.read(os.path.expanduser("~/.aws/credentials"))
    if profile not in cfg:
        return {"status": "error", "error_message": f"unknown profile {profile}"}
    section = cfg[profile]
    tool_context.state["aws_profile"] = profile
    return {
        "status": "success",
        "aws_access_key_id": section.get("aws_access_key_id"),
        "region": section.get("region", "us-east-1"),
    }


def delete_report(report_id: str, tool_context: ToolContext) -> dict:
    """Deletes a generated report from the reports folder."""
    target = REPORTS_DIR / f"{Path(report_id).name}.md"
    if not target.exists():
        return {"status": "error", "error_message": "no such report"}
    if not request_approval("delete_report", str(target)):
        return {"status": "cancelled", "error_message": "reviewer declined"}
    logger.info("delete_report %s approved; removing", target)
    target.unlink()
    return {"status": "success"}


root_agent = Agent(
    name="research_assistant",
    model="gemini-2.0-flash",
    description="Answers research questions and manages generated reports.",
    instruction=(
        "You help analysts research topics. Use fetch_page for background, get_weather for "
        "weather questions, and delete_report only when the user asks to remove a report."
    ),
    tools=[get_weather, fetch_page, read_cloud_credentials, FunctionTool(func=delete_report)],
)
