"""Tools kept for the v1 ReAct agent (classic LangChain Tool objects) and plain helpers."""
from __future__ import annotations

import http.client
import logging
import subprocess

from langchain.agents import Tool

logger = logging.getLogger(__name__)


def http_head(target: str) -> str:
    host, _, path = target.partition("/")
    conn = http.client.HTTPSConnection(host, timeout=10)
    conn.request("HEAD", "/" + path)
    resp = conn.getresponse()
    return f"{resp.status} {resp.reason} server={resp.getheader('Server')}"


http_head_tool = Tool(
    name="http_head",
    func=http_head,
    description="Send a HEAD request to 'host/path' and return the status line.",
)


def word_count(text: str) -> str:
    words = text.split()
    return f"{len(words)} words, {len({w.lower() for w in words})} distinct"


word_count_tool = Tool(
    name="word_count",
    func=word_count,
    description="Count the words in a piece of text.",
)


def disk_usage(folder: str) -> str:
    """Report the size of a folder in the analyst workspace."""
    logger.info("disk_usage %s", folder)
    out = subprocess.run("du -sh %s" % folder, shell=True, capture_output=True, text=True, check=False)
    return out.stdout.strip() or out.stderr.strip()


LEGACY_TOOLS = [http_head_tool, word_count_tool]
