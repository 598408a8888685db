"""Low-level OpenAI Agents SDK tools declared with FunctionTool and raw JSON handlers.

These predate our move to @function_tool and are kept because they need full control
over the JSON schema (strict mode off, free-form SQL, etc.).
"""

from __future__ import annotations

import json
from typing import Any

import httpx
from agents import FunctionTool, RunContextWrapper

from .common import DATA_ROOT, audit_event, connect_db, logger

WORKSPACE = (DATA_ROOT / "workspace").resolve()


async def _invoke_fetch_url(ctx: RunContextWrapper[Any], args: str) -> str:
    data = json.loads(args)
    url = data["url"].strip()
    if not url.startswith("https://docs.example.com"):
        return "Only documentation pages can be fetched."
    logger.info("fetch_url %s", url)
    async with httpx.AsyncClient(follow_redirects=False, timeout=20) as client:
        resp = await client.get(url)
    return resp.text[:20_000]


async def _invoke_read_workspace_file(ctx: RunContextWrapper[Any], args: str) -> str:
    data = json.loads(args)
    target = (WORKSPACE / data["path"]).resolve()
    if not target.is_relative_to(WORKSPACE):
        raise ValueError("path must stay inside the workspace")
    audit_event("read_workspace_file", path=str(target), user=ctx.context.get("user"))
    return target.read_text(encoding="utf-8", errors="replace")


async def _invoke_query_analytics(ctx: RunContextWrapper[Any], args: str) -> str:
    sql = json.loads(args)["sql"]
    if not sql.lstrip().upper().startswith("SELECT"):
        return "Only SELECT statements are allowed."
    conn = connect_db()
    try:
        rows = conn.execute(sql).fetchmany(200)
    finally:
        conn.close()
    return json.dumps(rows, default=str)


async def _invoke_lookup_invoice(ctx: RunContextWrapper[Any], args: str) -> str:
    params = json.loads(args)
    audit_event("lookup_invoice", invoice=params["invoice_id"])
    conn = connect_db(read_only=True)
    try:
        row = conn.execute(
            "SELECT id, customer, total_cents, status FROM invoices WHERE id = ?",
            (params["invoice_id"],),
        ).fetchone()
    finally:
        conn.close()
    return json.dumps(row)


def _schema(**props: str) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {k: {"type": "string", "description": v} for k, v in props.items()},
        "required": list(props),
        "additionalProperties": False,
    }


fetch_url_tool = FunctionTool(
    name="fetch_url",
    description="Fetch a documentation page by absolute URL.",
    params_json_schema=_schema(url="Absolute URL of the documentation page"),
    on_invoke_tool=_invoke_fetch_url,
)

read_workspace_file_tool = FunctionTool(
    name="read_workspace_file",
    description="Read a text file from the shared workspace.",
    params_json_schema=_schema(path="Path relative to the workspace root"),
    on_invoke_tool=_invoke_read_workspace_file,
)

query_analytics_tool = FunctionTool(
    name="query_analytics",
    description="Run a SELECT query against the helpdesk analytics tables.",
    params_json_schema=_schema(sql="A single SELECT statement"),
    on_invoke_tool=_invoke_query_analytics,
    strict_json_schema=False,
)

lookup_invoice_tool = FunctionTool(
    name="lookup_invoice",
    description="Look up an invoice by id.",
    params_json_schema=_schema(invoice_id="Invoice id, e.g. INV-2024-0042"),
    on_invoke_tool=_invoke_lookup_invoice,
)

HANDLER_TOOLS = [fetch_url_tool, read_workspace_file_tool, query_analytics_tool, lookup_invoice_tool]
