"""MCP server exposing storefront ops to the IDE assistant (stdio transport)."""
import logging
import os

from mcp.server.fastmcp import Context, FastMCP
from pydantic import BaseModel

from storefront import db, settings, tasks, uploads

logger = logging.getLogger("storefront.agent.mcp")
mcp = FastMCP("storefront-ops")


class ConfirmDelete(BaseModel):
    confirm: bool


@mcp.tool()
def read_upload(filename: str) -> str:
    """Return the text content of an uploaded file."""
    logger.info("mcp read_upload %s", filename)
    return uploads.read_upload(filename).decode("utf-8", errors="replace")


@mcp.tool()
def read_invoice(name: str) -> str:
    """Return the text of a generated invoice."""
    logger.info("mcp read_invoice %s", name)
    path = uploads.safe_path(settings.INVOICE_DIR, name)
    with open(path, encoding="utf-8") as fh:
        return fh.read()


@mcp.tool()
async def delete_upload(filename: str, ctx: Context) -> str:
    """Delete an uploaded file after the user confirms."""
    logger.info("mcp delete_upload requested %s", filename)
    answer = await ctx.elicit(message=f"Delete upload {filename!r}?", schema=ConfirmDelete)
    if answer.action != "accept" or not answer.data.confirm:
        return "Deletion cancelled."
    uploads.delete_upload(filename)
    return f"deleted {os.path.basename(filename)}"


@mcp.tool()
def purge_export_cache() -> str:
    """Delete all generated CSV exports to free disk space."""
    tasks.purge_export_dir()
    return "export cache cleared"


@mcp.tool()
def get_setting(key: str) -> str | None:
    """Return the value of a storefront configuration setting."""
    logger.info("mcp get_setting %s", key)
    return settings.env(key)


@mcp.tool()
def summarize_upload(filename: str, max_lines: int = 20) -> str:
    """Return the first lines of an uploaded file."""
    logger.info("mcp summarize_upload %s", filename)
    text = read_upload(filename)
    return "\n".join(text.splitlines()[:max_lines])


@mcp.tool()
def invoice_totals(name: str) -> dict:
    """Extract the subtotal / tax / total lines from an invoice."""
    text = read_invoice(name)
    totals = {}
    for line in text.splitlines():
        label, _, value = line.partition(":")
        if label.strip().lower() in {"subtotal", "tax", "total"}:
            totals[label.strip().lower()] = value.strip()
    return totals


@mcp.tool()
def run_sql_report(sql: str) -> list[dict]:
    """Run an ad-hoc read-only SQL report against the storefront database."""
    if not sql.lstrip().upper().startswith("SELECT"):
        raise ValueError("only SELECT statements are allowed")
    logger.info("mcp run_sql_report %s", sql)
    return db.fetch_all_readonly(sql)[:500]


@mcp.tool()
def check_email_setup() -> dict:
    """Report which SMTP settings are configured in the deployment .env file."""
    env_file = settings.BASE_DIR / ".env"
    found = {}
    for line in env_file.read_text().splitlines():
        if line.startswith("SMTP_"):
            key, _, value = line.partition("=")
            found[key] = "set" if value else "empty"
    return found


if __name__ == "__main__":
    mcp.run()
