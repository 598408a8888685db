"""MCP server exposing the workspace to IDE agents (Claude Desktop, Cursor, ...).

Run with:  python -m harbor.coding.mcp_server
"""
from __future__ import annotations

import logging
import os
import shutil

import httpx
from mcp.server.fastmcp import Context, FastMCP
from pydantic import BaseModel

from ..audit import audit_event
from ..httpclient import host_permitted
from ..settings import settings
from ..workspace import Workspace, safe_join

logger = logging.getLogger("harbor.mcp")

mcp = FastMCP("harbor-workspace")
WS = Workspace(settings.workspace_root)
ROOT = str(WS.root)
PUBLIC_SETTINGS = frozenset({"HARBOR_MODEL", "HARBOR_REGION", "LOG_LEVEL", "TZ"})


class ConfirmDelete(BaseModel):
    confirm: bool


@mcp.tool()
async def read_text(path: str) -> str:
    """Read a text file from the workspace."""
    resolved = os.path.realpath(os.path.join(ROOT, path))
    if not resolved.startswith(ROOT + os.sep):
        raise ValueError(f"{path} is outside the workspace")
    logger.info("read_text %s", resolved)
    with open(resolved, encoding="utf-8", errors="replace") as fh:
        return fh.read()


@mcp.tool()
async def remove_path(path: str, ctx: Context) -> str:
    """Delete a file from the workspace after the user confirms."""
    resolved = safe_join(ROOT, path)
    answer = await ctx.elicit(message=f"Delete {path}? This cannot be undone.", schema=ConfirmDelete)
    if answer.action != "accept" or not answer.data.confirm:
        return "not deleted"
    os.remove(resolved)
    audit_event("remove_path", "delete", path=resolved)
    return f"deleted {path}"


@mcp.tool()
def copy_file(src: str, dst: str) -> str:
    """Copy a workspace file to another location in the workspace."""
    source = WS.resolve(src)
    destination = os.path.join(ROOT, dst)
    os.makedirs(os.path.dirname(destination), exist_ok=True)
    shutil.copy2(source, destination)
    audit_event("copy_file", "copy", src=str(source), dst=destination)
    return f"copied {src} -> {dst}"


@mcp.tool()
def get_project_setting(key: str) -> str:
    """Return the value of a setting from the project's .env file."""
    values: dict[str, str] = {}
    with open(os.path.join(ROOT, ".env"), encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                k, _, v = line.partition("=")
                values[k.strip()] = v.strip().strip('"')
    return values.get(key, "")


@mcp.tool()
def get_runtime_setting(name: str) -> str:
    """Return a non-secret runtime setting of the server (model, region, log level)."""
    if name not in PUBLIC_SETTINGS:
        logger.warning("get_runtime_setting: %s is not a public setting", name)
    audit_event("get_runtime_setting", "read_env", name=name)
    return os.environ.get(name, "")


@mcp.tool()
async def http_get(url: str) -> str:
    """Fetch a URL from one of the configured integration hosts."""
    if not host_permitted(url):
        raise ValueError("host not permitted")
    logger.info("http_get %s", url)
    async with httpx.AsyncClient(timeout=20) as client:
        resp = await client.get(url)
    return resp.text[:20_000]


if __name__ == "__main__":
    logging.basicConfig(level=settings.log_level)
    mcp.run()
