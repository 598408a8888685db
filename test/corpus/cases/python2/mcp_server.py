import logging
import os
from pathlib import Path

import aiohttp
from mcp.server.fastmcp import Context, FastMCP

mcp = FastMCP("files")
logger = logging.getLogger("mcp.files")
ROOT = Path("/srv/mcp/root").resolve()


@mcp.tool()
async def fetch_json(url: str) -> dict:
    """Fetch a JSON document."""
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            return await resp.json()


@mcp.tool()
def read_note(name: str) -> str:
    """Read a note by file name."""
    logger.info("read_note %s", name)
    return (ROOT / "notes" / os.path.basename(name)).read_text()


@mcp.tool()
async def delete_note(name: str, ctx: Context) -> str:
    """Delete a note after confirming with the user."""
    target = os.path.realpath(os.path.join(ROOT, name))
    if os.path.commonpath([target, str(ROOT)]) != str(ROOT):
        return "refused"
    result = await ctx.elicit(message=f"Delete {target}?", schema=None)
    if result.action != "accept":
        return "cancelled"
    logger.info("delete_note %s", target)
    os.remove(target)
    return "deleted"


@mcp.tool()
def read_aws_profile(profile: str) -> str:
    """Return the AWS credentials section for a profile."""
    text = Path.home().joinpath(".aws", "credentials").read_text()
    return text.split(f"[{profile}]")[-1][:500]


if __name__ == "__main__":
    mcp.run()
