"""Note and report file tools for the LangGraph ops assistant."""
from __future__ import annotations

import logging
import shutil
from datetime import datetime, timezone
from pathlib import Path

from langchain_core.tools import BaseTool, tool
from langgraph.prebuilt import create_react_agent
from langgraph.types import interrupt
from pydantic import BaseModel, Field

from common import DATA_ROOT, audit_event, resolve_in_data_root

logger = logging.getLogger("opsbot.files")

NOTES_DIR = DATA_ROOT / "notes"
ARCHIVE_DIR = DATA_ROOT / "archive"


@tool
def save_note(title: str, body: str) -> str:
    """Append a markdown note under the given title to the shared notes folder."""
    logger.info("save_note title=%s bytes=%d", title, len(body))
    note_path = NOTES_DIR / f"{title}.md"
    note_path.parent.mkdir(parents=True, exist_ok=True)
    with note_path.open("a", encoding="utf-8") as fh:
        fh.write(body.rstrip() + "\n")
    return str(note_path)


class ReportInput(BaseModel):
    name: str = Field(description="Report file name relative to the reports folder, e.g. 'q3/latency.md'")
    content: str = Field(description="Markdown content of the report")


class SaveReportTool(BaseTool):
    name: str = "save_report"
    description: str = "Create a new markdown report in the reports area of the data directory."
    args_schema: type[BaseModel] = ReportInput

    def _run(self, name: str, content: str) -> str:
        target = resolve_in_data_root(f"reports/{name}")
        audit_event("save_report", path=str(target), bytes=len(content))
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as fh:
            fh.write(content)
        return str(target)


@tool
def archive_file(source: str) -> str:
    """Move a processed file into the archive folder."""
    src = Path(source).expanduser()
    ARCHIVE_DIR.mkdir(parents=True, exist_ok=True)
    dest = ARCHIVE_DIR / f"{datetime.now(timezone.utc):%Y%m%d}-{src.name}"
    shutil.move(src, dest)
    return str(dest)


@tool
def delete_note(title: str) -> str:
    """Delete a note from the shared notes folder (the operator is asked first)."""
    note_path = NOTES_DIR / f"{Path(title).name}.md"
    audit_event("delete_note.requested", path=str(note_path))
    decision = interrupt({"action": "delete_note", "path": str(note_path)})
    if decision != "approve":
        return f"kept {note_path.name}"
    note_path.unlink(missing_ok=True)
    audit_event("delete_note.done", path=str(note_path))
    return f"deleted {note_path.name}"


def restore_archive(snapshot_dir: str, target_dir: str) -> None:
    """Disaster-recovery script entry point; run by an operator, not the agent."""
    shutil.rmtree(target_dir, ignore_errors=True)
    shutil.copytree(snapshot_dir, target_dir)


def build_agent(model):
    return create_react_agent(
        model,
        tools=[save_note, SaveReportTool(), archive_file, delete_note],
        prompt="You keep the team's notes and reports tidy.",
    )
