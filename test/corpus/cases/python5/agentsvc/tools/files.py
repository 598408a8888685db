"""Document and file tools for the OpenAI Agents back-office agent."""
from __future__ import annotations

import logging
import os
import shutil

from agents import RunContextWrapper, function_tool

from ..deps import Deps
from ..security import join_under_root, request_approval, resolve_in_sandbox
from ..settings import settings

logger = logging.getLogger(__name__)


@function_tool
def read_document(name: str) -> str:
    """Read a document from the shared docs folder."""
    path = os.path.join(settings.docs_root, name)
    with open(path, encoding="utf-8") as fh:
        return fh.read()


@function_tool
def read_workspace_file(ctx: RunContextWrapper[Deps], path: str) -> str:
    """Read a file from the agent's sandbox workspace."""
    target = resolve_in_sandbox(path, ctx.context.settings.sandbox_root)
    logger.info("read workspace file %s", target)
    return target.read_text(encoding="utf-8")


@function_tool
def list_reports(folder: str) -> list[str]:
    """List the generated reports in a sub-folder of the reports area."""
    logger.info("list reports in %s", folder)
    full = join_under_root(folder)
    return sorted(os.listdir(full))


@function_tool
def delete_upload(filename: str) -> str:
    """Delete a customer upload by file name."""
    logger.info("deleting upload %s", filename)
    os.remove(os.path.join(settings.uploads_dir, os.path.basename(filename)))
    return "deleted"


@function_tool
def purge_workspace_dir(path: str) -> str:
    """Remove a directory (and its contents) from the sandbox workspace."""
    target = resolve_in_sandbox(path)
    logger.info("purge requested for %s", target)
    if not request_approval("purge_workspace_dir", str(target)):
        return "The operator declined the purge."
    shutil.rmtree(target)
    logger.info("purged %s", target)
    return "purged"


@function_tool
def word_count(text: str) -> int:
    """Count the words in a piece of text."""
    return len(text.split())
