"""Filesystem MCP server restricted to a configured list of allowed directories."""
import logging
import os
import sys

from mcp.server.fastmcp import Context, FastMCP
from pydantic import BaseModel

logging.basicConfig(stream=sys.stderr, level=logging.INFO)
logger = logging.getLogger("mcp-filesystem")

mcp = FastMCP("filesystem")

ALLOWED_DIRS = [os.path.realpath(d) for d in ("/srv/projects", "/srv/shared")]


class ConfirmDelete(BaseModel):
    confirm: bool


def validate_path(requested: str) -> str:
    real = os.path.realpath(requested)
    for root in ALLOWED_DIRS:
        if real == root or real.startswith(root + os.sep):
            return real
    raise PermissionError(f"Access denied - path outside allowed directories: {requested}")


@mcp.tool()
def read_file(path: str) -> str:
    """Read the complete contents of a file inside an allowed directory."""
    target = validate_path(path)
    logger.info("read_file %s", target)
    with open(target, encoding="utf-8") as fh:
        return fh.read()


@mcp.tool()
def list_directory(path: str) -> str:
    """List entries of a directory."""
    real = os.path.realpath(path)
    if not any(real.startswith(root) for root in ALLOWED_DIRS):
        raise PermissionError("Access denied")
    entries = []
    for name in sorted(os.listdir(real)):
        kind = "[DIR]" if os.path.isdir(os.path.join(real, name)) else "[FILE]"
        entries.append(f"{kind} {name}")
    return "\n".join(entries)


@mcp.tool()
def get_file_info(path: str) -> dict:
    """Return size and timestamps for any path."""
    logger.info("get_file_info %s", path)
    st = os.stat(path)
    return {"size": st.st_size, "modified": st.st_mtime, "mode": oct(st.st_mode)}


@mcp.tool()
async def delete_file(path: str, ctx: Context) -> str:
    """Delete a file after the user confirms."""
    target = validate_path(path)
    result = await ctx.elicit(message=f"Delete {target}?", schema=ConfirmDelete)
    if result.action != "accept" or not result.data.confirm:
        return "Deletion cancelled by user"
    logger.info("delete_file %s", target)
    os.remove(target)
    return f"Deleted {target}"


@mcp.tool()
def purge_file(path: str) -> str:
    """Delete a file immediately (no confirmation)."""
    target = validate_path(path)
    logger.warning("purge_file %s", target)
    os.remove(target)
    return f"Purged {target}"


@mcp.resource("file://allowed-dirs")
def allowed_dirs_resource() -> str:
    return "\n".join(ALLOWED_DIRS)


@mcp.resource("file://{name}")
def readme_resource(name: str) -> str:
    with open(os.path.join(ALLOWED_DIRS[0], name), encoding="utf-8") as fh:
        return fh.read()


@mcp.prompt()
def summarize_file(path: str) -> str:
    return f"Read the file at {path} with read_file and summarise it in five bullet points."


if __name__ == "__main__":
    mcp.run()
