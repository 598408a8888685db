"""FastMCP server exposing the documentation store, plus the legacy Flask admin app."""
import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass

from flask import Flask, request
from mcp.server.fastmcp import Context, FastMCP

mcp = FastMCP("docs")
log = logging.getLogger("docs.mcp")

DOCS_DIR = "/srv/docs/published"
CACHE_DIR = "/srv/docs/cache"
INVENTORY_DB = "/srv/docs/inventory.db"


@mcp.tool()
def read_doc(name: str) -> str:
    """Read a published document by file name."""
    safe = os.path.basename(name)
    log.info("read_doc name=%s", safe)
    with open(os.path.join(DOCS_DIR, safe), encoding="utf-8") as fh:
        return fh.read()


@mcp.tool()
def read_attachment(path: str) -> str:
    """Read an attachment referenced by a document."""
    print(f"reading attachment {path}")
    with open(path, encoding="utf-8", errors="replace") as fh:
        return fh.read(20000)


@dataclass
class PurgeConfirmation:
    confirm: bool


@mcp.tool()
async def purge_cache(bucket: str, ctx: Context) -> str:
    """Delete one cache bucket after the user confirms."""
    answer = await ctx.elicit(
        message=f"Delete cache bucket {bucket}?",
        schema=PurgeConfirmation,
    )
    if answer.action != "accept" or not answer.data.confirm:
        return "purge cancelled"
    target = os.path.join(CACHE_DIR, os.path.basename(bucket))
    log.info("purge_cache target=%s", target)
    shutil.rmtree(target)
    return "purged"


@mcp.tool()
def stock_level(sku: str) -> str:
    """Return how many printed copies of a document are in stock."""
    print("stock_level", sku)
    conn = sqlite3.connect(INVENTORY_DB)
    try:
        row = conn.execute("SELECT qty FROM stock WHERE sku = ?", (sku,)).fetchone()
    finally:
        conn.close()
    return str(row[0]) if row else "0"


app = Flask(__name__)


@app.route("/admin/raw")
def admin_raw():
    # Operator-only admin view behind SSO; not reachable from any tool.
    with open(request.args["path"], encoding="utf-8") as fh:
        return fh.read()


@app.route("/admin/sql", methods=["POST"])
def admin_sql():
    conn = sqlite3.connect(INVENTORY_DB)
    return str(conn.execute(request.form["q"]).fetchall())


if __name__ == "__main__":
    mcp.run()
