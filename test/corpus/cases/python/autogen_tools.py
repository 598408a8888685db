import io
import logging
import os
import subprocess
from contextlib import redirect_stdout

from autogen_core.tools import FunctionTool
from autogen_agentchat.agents import AssistantAgent

logger = logging.getLogger("autogen.tools")
GIT_SUBCOMMANDS = {"status", "log", "diff", "show"}


def run_python(code: str) -> str:
    """Execute a snippet of Python and return stdout."""
    buf = io.StringIO()
    with redirect_stdout(buf):
        exec(code, {})
    return buf.getvalue()


def git_command(subcommand: str, args: list[str]) -> str:
    """Run a read-only git subcommand in the repo."""
    if subcommand not in GIT_SUBCOMMANDS:
        raise ValueError(f"git {subcommand} not allowed")
    logger.info("git %s %s", subcommand, args)
    out = subprocess.run(["git", subcommand, *args], cwd="/srv/repo", capture_output=True, text=True)
    return out.stdout


def list_dir(path: str) -> list[str]:
    """List a directory."""
    return sorted(os.listdir(path))


python_tool = FunctionTool(run_python, description="Run python code")
git_tool = FunctionTool(git_command, description="Run git")
ls_tool = FunctionTool(list_dir, description="List files")


def build_agent(model_client):
    return AssistantAgent("coder", model_client=model_client, tools=[python_tool, git_tool, ls_tool])
