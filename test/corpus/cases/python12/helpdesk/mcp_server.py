"""FastMCP server exposing operations tools to desktop assistants."""

from __future__ import annotations

import contextlib
import io
import json
import os
import socket

import logfire
from mcp.server.fastmcp import Context, FastMCP
from pydantic import BaseModel

from .common import DATA_ROOT, connect_db, logger

mcp = FastMCP("helpdesk-ops")
SHARED_ROOT = os.path.realpath(str(DATA_ROOT / "shared"))


class ConfirmDrop(BaseModel):
    confirm: bool


@mcp.tool()
async def tcp_probe(host: str, port: int, ctx: Context) -> str:
    """Check whether a TCP port is reachable from the ops host."""
    logger.info("tcp_probe %s:%d", host, port)
    await ctx.report_progress(0, 1)
    try:
        with socket.create_connection((host, port), timeout=3):
            return "open"
    except OSError as exc:
        return f"closed ({exc})"


@mcp.tool()
async def drop_table(table: str, ctx: Context) -> str:
    """Drop a scratch table after the user confirms."""
    answer = await ctx.elicit(
        message=f"Drop table {table}? This cannot be undone.", schema=ConfirmDrop
    )
    if answer.action != "accept" or not answer.data.confirm:
        return "Cancelled."
    logger.warning("drop_table %s confirmed by user", table)
    conn = connect_db()
    conn.execute(f"DROP TABLE IF EXISTS {table}")
    conn.commit()
    return f"Dropped {table}."


@mcp.tool()
@logfire.instrument("run_script")
def run_script(code: str) -> str:
    """Run a short Python snippet and return what it printed."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(code, "<agent>", "exec"), {})
    return buf.getvalue()


@mcp.tool()
def list_shared(subdir: str = ".") -> list[str]:
    """List the files in a folder of the shared drive."""
    target = os.path.realpath(os.path.join(SHARED_ROOT, subdir))
    if os.path.commonpath([SHARED_ROOT, target]) != SHARED_ROOT:
        raise ValueError("outside the shared drive")
    return sorted(os.listdir(target))


@mcp.resource("config://limits")
def limits() -> str:
    """Rate limits and quotas, as JSON."""
    with open(os.path.join(DATA_ROOT, "limits.json"), encoding="utf-8") as fh:
        return fh.read()


@mcp.prompt()
def incident_summary(incident_id: str) -> str:
    return f"Summarise incident {incident_id} for the status page. Be factual and brief."


def _load_seed_tables(path: str) -> None:
    """Local bootstrap helper, run by hand before first start."""
    conn = connect_db()
    with open(path, encoding="utf-8") as fh:
        conn.executescript(fh.read())
    print(json.dumps({"seeded": path}))


if __name__ == "__main__":
    if os.environ.get("HELPDESK_SEED"):
        _load_seed_tables(os.environ["HELPDESK_SEED"])
    mcp.run()
