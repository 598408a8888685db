"""Two-agent AutoGen team: a researcher with web access and a coder that runs Python."""
from __future__ import annotations

import ast
import asyncio
import contextlib
import io
import logging
import operator
import os
import sys
from pathlib import Path
from urllib.parse import urlparse

import httpx
from autogen_agentchat.agents import AssistantAgent
from autogen_agentchat.conditions import TextMentionTermination
from autogen_agentchat.teams import RoundRobinGroupChat
from autogen_agentchat.ui import Console
from autogen_core.tools import FunctionTool
from autogen_ext.models.openai import OpenAIChatCompletionClient

logger = logging.getLogger("autogen_team")

# Optional allowlist, e.g. "docs.python.org,pypi.org". Leave unset in dev.
FETCH_ALLOWED_HOSTS = {h.strip() for h in os.environ.get("FETCH_ALLOWED_HOSTS", "").split(",") if h.strip()}
ARTIFACT_DIR = Path(os.environ.get("ARTIFACT_DIR", "./artifacts")).resolve()

_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
    ast.USub: operator.neg,
}


async def web_fetch(url: str) -> str:
    """Fetch a URL and return the first 10k characters of the body."""
    host = urlparse(url).hostname or ""
    if FETCH_ALLOWED_HOSTS and host not in FETCH_ALLOWED_HOSTS:
        return f"Host {host} is not allowed."
    logger.info("web_fetch %s", url)
    async with httpx.AsyncClient(follow_redirects=True, timeout=20) as client:
        resp = await client.get(url)
    return resp.text[:10_000]


def run_python(code: str) -> str:
    """Execute a Python snippet and return whatever it printed."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(code, {"__name__": "__agent__"})
    return buf.getvalue()


def _eval_node(node: ast.AST) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_eval_node(node.left), _eval_node(node.right))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_eval_node(node.operand))
    raise ValueError("unsupported expression")


def calculate(expression: str) -> str:
    """Evaluate an arithmetic expression such as '(3 + 4) * 2 ** 3'."""
    tree = ast.parse(expression, mode="eval")
    return str(_eval_node(tree.body))


def save_artifact(filename: str, content: str) -> str:
    """Save generated code or notes as a new file in the artifacts folder."""
    target = (ARTIFACT_DIR / filename).resolve()
    if os.path.commonpath([ARTIFACT_DIR, target]) != str(ARTIFACT_DIR):
        raise ValueError("artifacts must stay inside the artifacts folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    logger.info("save_artifact %s (%d chars)", target, len(content))
    with open(target, "x", encoding="utf-8") as fh:
        fh.write(content)
    return str(target)


save_artifact_tool = FunctionTool(save_artifact, description="Save a new artifact file (never overwrites).")


def build_team() -> RoundRobinGroupChat:
    model_client = OpenAIChatCompletionClient(model="gpt-4o")
    researcher = AssistantAgent(
        "researcher",
        model_client=model_client,
        tools=[web_fetch],
        system_message="Find sources on the web and summarise them for the coder.",
    )
    coder = AssistantAgent(
        "coder",
        model_client=model_client,
        tools=[run_python, calculate, save_artifact_tool],
        reflect_on_tool_use=True,
        system_message="Write and test Python. Say TERMINATE when the task is done.",
    )
    return RoundRobinGroupChat([researcher, coder], termination_condition=TextMentionTermination("TERMINATE"))


async def main(task: str) -> None:
    logging.basicConfig(level=logging.INFO)
    await Console(build_team().run_stream(task=task))


if __name__ == "__main__":
    asyncio.run(main(" ".join(sys.argv[1:]) or "Plot the download trend of httpx on PyPI."))
