"""Google ADK on-call assistant."""
from __future__ import annotations

import logging
import shlex
import subprocess as sp

import requests
from google.adk.agents import Agent as AdkAgent
from google.adk.tools import FunctionTool, ToolContext
from opentelemetry import trace

from ..httpclient import STATUS_API
from ..notify import send_sms
from ..settings import settings

logger = logging.getLogger("harbor.oncall")
tracer = trace.get_tracer("harbor.oncall")

RESTARTABLE = frozenset({"harbor-api", "harbor-worker", "harbor-scheduler"})
RUNBOOK_PREFIX = "https://wiki.example.com"


def get_service_status(service: str) -> dict:
    """Return the health of an internal service as reported by the status API."""
    with tracer.start_as_current_span("get_service_status") as span:
        span.set_attribute("harbor.service", service)
        resp = requests.get(f"{STATUS_API}/services/{service}/health", timeout=5)
        resp.raise_for_status()
        return resp.json()


def query_status_api(path: str) -> dict:
    """Query any status-API endpoint, e.g. path='/incidents?state=open'."""
    logger.info("status api %s", path)
    resp = requests.get(STATUS_API + path, timeout=5)
    resp.raise_for_status()
    return resp.json()


def restart_service(service: str, tool_context: ToolContext) -> dict:
    """Restart one of the harbor systemd units on this host."""
    if service not in RESTARTABLE:
        return {"error": f"{service} cannot be restarted by the assistant"}
    print(f"[audit] restarting {service}")
    proc = sp.run(["sudo", "systemctl", "restart", f"{service}.service"], capture_output=True, text=True)
    tool_context.state["last_restart"] = service
    return {"service": service, "returncode": proc.returncode, "stderr": proc.stderr[-2000:]}


def run_diagnostic(command: str) -> str:
    """Run a diagnostic command such as 'df -h' or 'journalctl -u harbor-api -n 50'."""
    argv = shlex.split(command)
    logger.info("run_diagnostic %s", argv)
    proc = sp.run(argv, capture_output=True, text=True, timeout=60)
    return (proc.stdout + proc.stderr)[-6000:]


def page_oncall(summary: str, severity: str = "high") -> str:
    """Page the on-call engineer by SMS."""
    sid = send_sms(settings.oncall_number, f"[{severity.upper()}] {summary}")
    logger.warning("paged on-call (%s): %s", sid, summary)
    return f"paged ({sid})"


def fetch_runbook(url: str) -> str:
    """Fetch a runbook page from the internal wiki."""
    if not url.startswith(RUNBOOK_PREFIX):
        return "only wiki.example.com runbooks can be fetched"
    logger.info("fetch_runbook %s", url)
    resp = requests.get(url, timeout=10)
    resp.raise_for_status()
    return resp.text[:30_000]


root_agent = AdkAgent(
    name="oncall_assistant",
    model="gemini-2.0-flash",
    description="Helps the on-call engineer triage incidents.",
    instruction="Check service health first. Only page a human for customer-facing outages.",
    tools=[
        FunctionTool(func=get_service_status),
        query_status_api,
        restart_service,
        run_diagnostic,
        page_oncall,
        fetch_runbook,
    ],
)
