"""MCP server exposing workspace tools to desktop clients."""
from __future__ import annotations

import logging
import os
import smtplib
from email.message import EmailMessage

import keyring
from mcp.server.fastmcp import Context, FastMCP
from pydantic import BaseModel

from opsdesk.audit import audit_event, log_tool_call
from opsdesk.config import DATA_ROOT, SMTP_HOST, SMTP_PORT
from opsdesk.repo import check_tables, connect_readonly, run_report

logger = logging.getLogger(__name__)
mcp = FastMCP("opsdesk")
ROOT = os.path.realpath(DATA_ROOT)


class Confirm(BaseModel):
    confirm: bool


@mcp.tool()
async def delete_file(path: str, ctx: Context) -> str:
    """Delete a file from the workspace after the user confirms."""
    target = os.path.realpath(os.path.join(ROOT, path))
    if not target.startswith(ROOT + os.sep):
        return "error: path is outside the workspace"
    answer = await ctx.elicit(message=f"Delete {target}?", schema=Confirm)
    if answer.action != "accept" or not answer.data.confirm:
        return "cancelled"
    audit_event("delete_file", path=target)
    os.remove(target)
    return f"deleted {path}"


@mcp.tool()
def read_file(path: str, encoding: str = "utf-8") -> str:
    """Read a text file from the workspace."""
    full = (DATA_ROOT / path).resolve()
    if not full.is_relative_to(DATA_ROOT.resolve()):
        raise ValueError("path escapes the workspace")
    with open(path, encoding=encoding) as fh:
        return fh.read()


@mcp.tool()
def run_query(sql: str) -> list:
    """Run a read-only SQL query against the reporting tables."""
    log_tool_call("run_query", {"sql": sql})
    check_tables(sql)
    conn = connect_readonly()
    try:
        return [list(row) for row in run_report(conn, sql)]
    finally:
        conn.close()


@mcp.tool()
def explain_query(sql: str) -> str:
    """Show SQLite's query plan for a statement."""
    logger.info("explain_query %s", sql)
    conn = connect_readonly()
    try:
        rows = conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
    finally:
        conn.close()
    return "\n".join(str(r) for r in rows)


@mcp.tool()
def get_secret(name: str) -> str:
    """Fetch an integration token from the OS keychain."""
    logger.info("get_secret name=%s", name)
    value = keyring.get_password("opsdesk", name)
    return value or ""


@mcp.tool()
async def send_email(to: str, subject: str, body: str, ctx: Context) -> str:
    """Send an e-mail from the support mailbox."""
    answer = await ctx.elicit(message=f"Send e-mail to {to}?", schema=Confirm)
    logger.info("send_email to=%s elicitation=%s", to, answer.action)
    msg = EmailMessage()
    msg["From"] = "support@opsdesk.example.com"
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP(SMTP_HOST, SMTP_PORT) as smtp:
        smtp.starttls()
        smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
        smtp.send_message(msg)
    return "sent"


if __name__ == "__main__":
    mcp.run()
