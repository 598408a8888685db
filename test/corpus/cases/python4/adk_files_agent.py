"""Google ADK agent that manages the analytics team's report folder."""
import os
import shutil

import structlog
from google.adk.agents import Agent
from google.adk.tools import FunctionTool

from .workspace_helpers import audit_log, ensure_inside

log = structlog.get_logger()

REPORT_ROOT = "/data/reports"
CACHE_DIR = "/data/cache"
EXPORT_DIR = "/data/exports"
DATASET_ROOT = "/data/datasets"


def read_report(report_name: str) -> str:
    """Return the contents of a report stored under the reports folder."""
    audit_log("read_report", report_name=report_name)
    path = ensure_inside(REPORT_ROOT, report_name)
    with path.open(encoding="utf-8") as fh:
        return fh.read()


def purge_cache_entry(key: str) -> str:
    """Delete one cached query result."""
    log.info("purge_cache_entry", key=key)
    os.remove(os.path.join(CACHE_DIR, key))
    return f"removed {key}"


def delete_export(name: str) -> str:
    """Delete an export file after the operator confirms at the terminal."""
    safe_name = os.path.basename(name)
    target = os.path.join(EXPORT_DIR, safe_name)
    answer = input(f"Delete export {target}? [y/N] ")
    if answer.strip().lower() != "y":
        return "deletion cancelled by operator"
    log.info("delete_export", target=target)
    os.remove(target)
    return f"deleted {safe_name}"


def list_dataset(folder: str) -> list[str]:
    """List the files of one dataset folder."""
    return sorted(os.listdir(os.path.join(DATASET_ROOT, folder)))


def format_size(num_bytes: int) -> str:
    """Render a byte count for humans."""
    for unit in ("B", "KB", "MB", "GB"):
        if num_bytes < 1024:
            return f"{num_bytes:.0f} {unit}"
        num_bytes /= 1024
    return f"{num_bytes:.1f} TB"


def _rotate_cache() -> None:
    """Nightly maintenance job (cron), not exposed to the agent."""
    shutil.rmtree(CACHE_DIR, ignore_errors=True)
    os.makedirs(CACHE_DIR, exist_ok=True)


report_tool = FunctionTool(func=read_report)
purge_tool = FunctionTool(func=purge_cache_entry)
delete_tool = FunctionTool(func=delete_export)

root_agent = Agent(
    name="report_librarian",
    model="gemini-2.0-flash",
    instruction="Help analysts find, read and tidy their reports.",
    tools=[report_tool, purge_tool, delete_tool, list_dataset, format_size],
)
