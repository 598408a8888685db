"""AutoGen AgentChat agent for the on-call engineer."""
from __future__ import annotations

import logging
import os
import shutil
import subprocess

import httpx
from autogen_agentchat.agents import AssistantAgent
from autogen_core.tools import FunctionTool
from autogen_ext.models.openai import OpenAIChatCompletionClient

from opsdesk import repo
from opsdesk.approvals import request_approval
from opsdesk.audit import audit_event
from opsdesk.config import ALLOWED_COMMANDS, CACHE_DIR, LOG_DIR
from opsdesk.sandbox import safe_path

logger = logging.getLogger(__name__)


async def fetch_status_page(url: str) -> str:
    """Fetch a vendor status page and return the first 4 KB of its body."""
    logger.info("fetch_status_page url=%s", url)
    async with httpx.AsyncClient(timeout=10, follow_redirects=True) as client:
        resp = await client.get(url)
    resp.raise_for_status()
    return resp.text[:4096]


def lookup_customer(email: str) -> dict:
    """Look up a customer record by e-mail address."""
    audit_event("lookup_customer", email=email)
    with repo.connect() as conn:
        row = repo.find_customer(conn, email.strip().lower())
    if row is None:
        return {"found": False}
    return {"found": True, "id": row[0], "name": row[1], "plan": row[3]}


def run_diagnostic(command: str) -> str:
    """Run a read-only diagnostic command such as `df -h` or `uptime`."""
    program = command.split()[0] if command.strip() else ""
    if program not in ALLOWED_COMMANDS:
        logger.warning("run_diagnostic: %r is not in the diagnostic allowlist", program)
    logger.info("run_diagnostic command=%s", command)
    proc = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=30)
    return proc.stdout[-4000:] or proc.stderr[-4000:]


def tail_log(name: str, lines: int = 50) -> str:
    """Return the last `lines` lines of a log file in the log directory."""
    path = safe_path(name, root=LOG_DIR)
    with open(path, encoding="utf-8", errors="replace") as fh:
        return "".join(fh.readlines()[-lines:])


def purge_cache(prefix: str) -> str:
    """Delete a cache directory, for example `thumbnails/2024`."""
    target = os.path.join(CACHE_DIR, prefix)
    request_approval("purge_cache", {"path": target})
    audit_event("purge_cache", path=target)
    shutil.rmtree(target, ignore_errors=True)
    return f"purged {target}"


def clear_stale_cache() -> None:
    """Nightly cron job; not exposed to the model."""
    for entry in os.listdir(CACHE_DIR):
        shutil.rmtree(os.path.join(CACHE_DIR, entry), ignore_errors=True)


status_tool = FunctionTool(fetch_status_page, description="Fetch a vendor status page.")
customer_tool = FunctionTool(
    lookup_customer, name="customer_lookup", description="Look up a customer by e-mail address."
)
purge_tool = FunctionTool(purge_cache, description="Delete a cache directory.")


def build_oncall_agent(model: str = "gpt-4o-mini") -> AssistantAgent:
    client = OpenAIChatCompletionClient(model=model)
    return AssistantAgent(
        name="oncall",
        model_client=client,
        tools=[status_tool, customer_tool, purge_tool, run_diagnostic, tail_log],
        system_message="You help the on-call engineer triage incidents. Prefer read-only tools.",
        reflect_on_tool_use=True,
    )
