"""Docs workspace MCP server: lets an assistant browse and tidy a documentation tree."""
from __future__ import annotations

import argparse
import logging
import os
import shutil
from pathlib import Path

from mcp.server.fastmcp import Context, FastMCP
from pydantic import BaseModel, Field

logger = logging.getLogger("docs_server")

DOCS_ROOT = os.path.realpath(os.environ.get("DOCS_ROOT", "./docs"))
NOTES_DIR = os.path.join(DOCS_ROOT, "notes")
DRAFTS_DIR = Path(DOCS_ROOT) / "drafts"

mcp = FastMCP("docs-workspace")


def _inside_root(candidate: str) -> str:
    real = os.path.realpath(os.path.join(DOCS_ROOT, candidate))
    if real != DOCS_ROOT and not real.startswith(DOCS_ROOT + os.sep):
        raise ValueError(f"{candidate!r} is outside the docs workspace")
    return real


@mcp.tool()
async def read_document(path: str, ctx: Context) -> str:
    """Read a Markdown document from the docs workspace."""
    real = _inside_root(path)
    logger.info("read_document path=%s client=%s", real, ctx.client_id)
    with open(real, encoding="utf-8") as fh:
        return fh.read()


@mcp.tool()
async def read_note(name: str, ctx: Context) -> str:
    """Read one of the team's scratch notes by file name."""
    await ctx.info(f"Reading note {name}")
    note_path = os.path.join(NOTES_DIR, name)
    with open(note_path, encoding="utf-8") as fh:
        return fh.read()


@mcp.tool()
async def quote_section(source: str, heading: str, ctx: Context) -> str:
    """Return the part of a document that sits under the given Markdown heading."""
    src = os.path.realpath(os.path.join(DOCS_ROOT, source))
    if not src.startswith(DOCS_ROOT):
        raise ValueError("source must be inside the docs workspace")
    logger.info("quote_section source=%s heading=%s", src, heading)
    lines = Path(src).read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    capturing = False
    for line in lines:
        if line.startswith("#"):
            capturing = line.lstrip("#").strip().lower() == heading.strip().lower()
            continue
        if capturing:
            out.append(line)
    await ctx.report_progress(1, 1)
    return "\n".join(out) or f"No section named {heading!r}"


class PurgeNote(BaseModel):
    note: str = Field(default="", description="Optional note for the changelog")


@mcp.tool()
async def purge_draft_folder(folder: str, ctx: Context) -> str:
    """Delete a draft folder (and everything in it) from docs/drafts."""
    name = os.path.basename(folder.rstrip("/"))
    if name in ("", ".", ".."):
        raise ValueError("invalid folder name")
    target = DRAFTS_DIR / name
    answer = await ctx.elicit(
        message=f"Purging drafts/{name}. Add a changelog note?",
        schema=PurgeNote,
    )
    if answer.action == "accept" and answer.data.note:
        await ctx.info(f"changelog: {answer.data.note}")
    logger.warning("purging draft folder %s", target)
    shutil.rmtree(target)
    return f"Removed {target}"


@mcp.resource("docs://{name}")
def doc_resource(name: str) -> str:
    """Expose documents as resources; the client picks them, not the model."""
    with open(os.path.join(DOCS_ROOT, name), encoding="utf-8") as fh:
        return fh.read()


@mcp.prompt()
def review_document(path: str) -> str:
    """Prompt template asking for a review of one document."""
    body = Path(DOCS_ROOT, path).read_text(encoding="utf-8")
    return f"Review this document for accuracy and tone:\n\n{body}"


def main() -> None:
    parser = argparse.ArgumentParser(description="docs workspace MCP server")
    parser.add_argument("--clean", metavar="DIR", help="remove a build directory before serving")
    parser.add_argument("--transport", default="stdio", choices=["stdio", "streamable-http"])
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    if args.clean:
        shutil.rmtree(args.clean, ignore_errors=True)
    mcp.run(transport=args.transport)


if __name__ == "__main__":
    main()
