"""File tools: the analyst's notes, reports and uploads under DATA_ROOT."""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import aiofiles
from langchain_core.tools import tool
from langsmith import traceable
from pydantic_ai import Agent

from .config import DATA_ROOT, REPORTS_DIR, UPLOADS_DIR
from .guards import resolve_in_root
from .models import ReportRequest

logger = logging.getLogger(__name__)

files_agent = Agent("openai:gpt-4o", system_prompt="You manage the analyst's notes and reports.")

NOTES_DIR = DATA_ROOT / "notes"


@tool
async def read_note(name: str) -> str:
    """Read one of the analyst's notes by file name."""
    note_path = Path(NOTES_DIR) / name
    async with aiofiles.open(note_path, encoding="utf-8") as fh:
        return await fh.read()


@files_agent.tool_plain
async def read_report(req: ReportRequest) -> str:
    """Return the first lines of a generated report."""
    path = resolve_in_root(REPORTS_DIR, req.name)
    logger.info("read_report %s", path)
    lines: list[str] = []
    async with aiofiles.open(path, encoding="utf-8") as fh:
        async for line in fh:
            lines.append(line)
            if len(lines) >= req.max_lines:
                break
    return "".join(lines)


@tool
def fetch_upload(filename: str) -> str:
    """Return the text of a file the user uploaded in this session."""
    safe_name = os.path.basename(filename)
    with open(os.path.join(UPLOADS_DIR, safe_name), encoding="utf-8", errors="replace") as fh:
        return fh.read(100_000)


@tool
def append_journal(args: dict) -> str:
    """Append an entry to a journal file. args: {"path": "journal/2024.md", "text": "..."}"""
    target = Path(DATA_ROOT, args["path"]).resolve()
    if not str(target).startswith(str(DATA_ROOT)):
        raise PermissionError("journal must live in the data root")
    logger.info("append_journal %s (%d chars)", target, len(args["text"]))
    with target.open("a", encoding="utf-8") as fh:
        fh.write(args["text"].rstrip() + "\n")
    return f"appended to {target.name}"


@tool
@traceable(name="purge_cache")
def purge_cache(name: str) -> str:
    """Delete a cached download from the agent's cache folder."""
    cache_root = (DATA_ROOT / "cache").resolve()
    victim = (cache_root / name).resolve()
    if not victim.is_relative_to(cache_root):
        raise PermissionError("refusing to delete outside the cache folder")
    os.remove(victim)
    return f"deleted {victim.name}"


def rotate_reports(keep: int = 30) -> int:
    """Maintenance cron: keep only the newest reports. Not a tool."""
    old = sorted(REPORTS_DIR.glob("*.md"), key=lambda p: p.stat().st_mtime)[:-keep]
    for p in old:
        p.unlink()
    return len(old)


def reset_workspace(path: str) -> None:
    """Used by the test harness to wipe a scratch workspace. Not a tool."""
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path, exist_ok=True)
