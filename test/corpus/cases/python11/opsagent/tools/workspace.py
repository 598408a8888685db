"""Workspace file tools (shared workspace + per-run scratch area)."""

from __future__ import annotations

import os
import shutil

import aiofiles
from langsmith import traceable

from opsagent.approvals import ApprovalService
from opsagent.errors import ToolInputError
from opsagent.logging_utils import audit_event, get_logger, log_tool_call
from opsagent.registry import agent_tool
from opsagent.settings import Settings
from opsagent.utils.paths import directory_size, resolve_in_root

logger = get_logger(__name__)

_TEXT_SUFFIXES = frozenset({".md", ".txt", ".rst", ".csv", ".json", ".yaml", ".yml"})


class WorkspaceService:
    def __init__(self, settings: Settings, approvals: ApprovalService) -> None:
        self._root = settings.workspace_root
        self._scratch = settings.scratch_root
        self._approvals = approvals

    @agent_tool(tags=("fs",))
    async def read_file(self, path: str, max_bytes: int = 65_536) -> str:
        """Read a text file from the shared workspace."""
        full_path = os.path.abspath(os.path.join(self._root, path))
        if not full_path.startswith(str(self._root)):
            raise ToolInputError(f"{path!r} is outside the workspace")
        logger.info("read_file path=%s", full_path)
        async with aiofiles.open(full_path, encoding="utf-8", errors="replace") as fh:
            return await fh.read(max_bytes)

    @agent_tool(tags=("fs", "docs"))
    @traceable(run_type="tool", name="read_document")
    async def read_document(self, relative_path: str) -> str:
        """Read a Markdown/text document from the workspace ``docs/`` tree."""
        docs_root = (self._root / "docs").resolve()
        document = (docs_root / relative_path).resolve()
        if not document.is_relative_to(docs_root):
            raise ToolInputError(f"{relative_path!r} escapes the docs directory")
        if document.suffix.lower() not in _TEXT_SUFFIXES:
            raise ToolInputError(f"unsupported document type {document.suffix!r}")
        return document.read_text(encoding="utf-8")

    @agent_tool(tags=("fs",))
    async def list_directory(self, subdir: str = ".") -> list[str]:
        """List a workspace directory; sub-directories are suffixed with '/'."""
        target = os.path.join(self._root, subdir)
        entries = []
        for name in sorted(os.listdir(target)):
            suffix = "/" if os.path.isdir(os.path.join(target, name)) else ""
            entries.append(name + suffix)
        return entries

    @agent_tool(tags=("fs", "destructive"))
    async def delete_scratch_file(self, path: str, reason: str) -> str:
        """Delete a file from the scratch area.  An operator must approve the deletion."""
        target = resolve_in_root(self._scratch, path)
        if not target.is_file():
            raise ToolInputError(f"{path!r} is not a file")
        decision = await self._approvals.request_approval(
            action="workspace.delete_file",
            summary=f"Delete scratch file {target.name}: {reason}",
            payload={"path": str(target)},
        )
        if not decision.granted:
            audit_event("workspace.delete_file.denied", path=str(target), ticket=decision.ticket_id)
            return f"Deletion not approved ({decision.reason or 'rejected'})."
        os.remove(target)
        audit_event("workspace.delete_file", path=str(target), approver=decision.approver, ticket=decision.ticket_id)
        return f"Deleted {path}."

    @agent_tool(tags=("fs", "destructive"))
    async def purge_cache_dir(self, subdir: str, dry_run: bool = True) -> str:
        """Remove a cache directory under scratch.  Call with dry_run=True first to preview."""
        target = resolve_in_root(self._scratch, subdir)
        log_tool_call("purge_cache_dir", subdir=subdir, dry_run=dry_run)
        size = directory_size(target)
        if dry_run:
            # Open the approval ticket with the preview so the operator sees it early.
            decision = await self._approvals.request_approval(
                action="workspace.purge_dir",
                summary=f"Purge {target} ({size} bytes)",
                payload={"path": str(target), "bytes": size},
            )
            state = "approved" if decision.granted else "not approved yet"
            return f"Would remove {target} ({size} bytes); approval {state}."
        shutil.rmtree(target)
        return f"Removed {target} ({size} bytes)."
