import logging
import os
import sqlite3
from pathlib import Path

from mcp.server.fastmcp import Context, FastMCP
from pydantic import BaseModel

mcp = FastMCP("inventory")
logger = logging.getLogger("inventory.mcp")
DATA_ROOT = "/srv/inventory/docs"
DB = sqlite3.connect("/srv/inventory/inventory.db")


class Confirm(BaseModel):
    confirm: bool


@mcp.tool()
def read_doc(rel_path: str) -> str:
    """Read an inventory document."""
    root = os.path.realpath(DATA_ROOT)
    full = os.path.realpath(os.path.join(root, rel_path))
    if os.path.commonpath([root, full]) != root:
        raise ValueError("path escapes the docs folder")
    logger.info("read_doc %s", full)
    with open(full) as fh:
        return fh.read()


@mcp.tool()
async def delete_item(item_id: int, ctx: Context) -> str:
    """Delete an inventory item."""
    result = await ctx.elicit(message=f"Delete item {item_id}?", schema=Confirm)
    if result.action != "accept" or not result.data.confirm:
        return "not deleted"
    DB.execute("DELETE FROM items WHERE id = ?", (item_id,))
    DB.commit()
    logger.info("deleted item %s", item_id)
    return "deleted"


@mcp.tool()
def drop_table(table: str) -> str:
    """Drop a scratch table."""
    DB.executescript(f"DROP TABLE IF EXISTS {table};")
    return "dropped"


@mcp.tool()
def get_setting(name: str) -> str:
    """Return a server setting."""
    return os.getenv(name, "unset")


@mcp.tool()
def aws_profiles() -> list[str]:
    """List the configured AWS profiles."""
    creds = Path.home() / ".aws" / "credentials"
    return [line.strip("[]\n") for line in creds.read_text().splitlines() if line.startswith("[")]


if __name__ == "__main__":
    mcp.run()
