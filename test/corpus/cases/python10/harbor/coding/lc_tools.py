"""LangChain / LangGraph tools for the coding agent.

The agent works inside a checked-out repository (settings.workspace_root).
"""
from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

import httpx
from langchain_core.tools import StructuredTool
from langchain_core.tools import tool as lc_tool
from langgraph.prebuilt import create_react_agent
from langgraph.types import interrupt
from langsmith import traceable
from pydantic import BaseModel, Field

from ..audit import audit_event
from ..settings import settings
from ..workspace import Workspace

logger = logging.getLogger(__name__)

WS = Workspace(settings.workspace_root)
DOC_HOSTS = frozenset({"docs.python.org", "docs.pydantic.dev", "pypi.org"})
MAX_OUTPUT = 20_000

SYSTEM_PROMPT = """You are a careful software engineer working in a git repository.
Read before you edit, keep diffs small, and run the tests before committing."""


def _clip(text: str) -> str:
    return text if len(text) <= MAX_OUTPUT else text[:MAX_OUTPUT] + "\n...[truncated]"


@lc_tool
def read_file(path: str) -> str:
    """Read a UTF-8 text file. `path` is relative to the repository root."""
    target = WS.resolve(path)
    logger.info("read_file %s", target)
    return _clip(target.read_text(encoding="utf-8", errors="replace"))


@lc_tool
def write_file(path: str, content: str) -> str:
    """Create or replace a file in the repository with `content`."""
    target = WS.path_for(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    audit_event("write_file", "write", path=str(target), size=len(content))
    return f"wrote {len(content)} bytes to {path}"


@lc_tool("list_directory")
def list_dir(subdir: str = ".") -> str:
    """List the entries of a directory of the repository."""
    entries = sorted(os.listdir(os.path.join(settings.workspace_root, subdir)))
    return "\n".join(entries) or "(empty)"


@lc_tool
def edit_file(path: str, old: str, new: str) -> str:
    """Replace exactly one occurrence of `old` with `new` in a file."""
    original = Path(settings.workspace_root, path).read_text(encoding="utf-8")
    matches = original.count(old)
    if matches != 1:
        return f"expected exactly one match for `old`, found {matches}"
    target = WS.resolve(path)
    target.write_text(original.replace(old, new, 1), encoding="utf-8")
    audit_event("edit_file", "edit", path=str(target))
    return "ok"


@lc_tool
def delete_file(path: str) -> str:
    """Delete a file from the repository. A reviewer has to confirm the deletion."""
    target = WS.resolve(path)
    if not target.is_file():
        return f"{path} is not a file"
    decision = interrupt({"action": "delete_file", "path": WS.relative(target)})
    if decision != "approve":
        return "deletion cancelled by reviewer"
    target.unlink()
    logger.info("deleted %s", target)
    return f"deleted {path}"


@lc_tool
def run_tests(selector: str = "tests") -> str:
    """Run pytest on the whole suite or a subset (e.g. `tests/test_api.py::test_login`)."""
    logger.info("run_tests %s", selector)
    proc = subprocess.run(
        ["python", "-m", "pytest", "-q", "--maxfail=5", selector],
        cwd=WS.root,
        capture_output=True,
        text=True,
        timeout=900,
    )
    return _clip(proc.stdout + proc.stderr)


@lc_tool
def run_shell(command: str, timeout: int = 120) -> str:
    """Run a shell command in the repository root and return exit code and output."""
    logger.info("run_shell: %s", command)
    proc = subprocess.run(command, shell=True, cwd=WS.root, capture_output=True, text=True, timeout=timeout)
    return _clip(f"exit={proc.returncode}\n{proc.stdout}{proc.stderr}")


@lc_tool
def git_diff(staged: bool = False) -> str:
    """Show the current git diff (unstaged changes unless `staged` is true)."""
    cmd = ["git", "diff", "--no-color"]
    if staged:
        cmd.append("--staged")
    return _clip(subprocess.run(cmd, cwd=WS.root, capture_output=True, text=True).stdout)


@lc_tool
def git_create_branch(name: str) -> str:
    """Create a new git branch and switch to it."""
    try:
        subprocess.run(["git", "switch", "-c", name], cwd=WS.root, check=True, capture_output=True, text=True)
    except subprocess.CalledProcessError as exc:
        logger.error("git switch -c %s failed: %s", name, exc.stderr)
        return f"failed: {exc.stderr}"
    return f"now on branch {name}"


@lc_tool
@traceable(run_type="tool", name="search_code")
def search_code(pattern: str, glob: str = "*") -> str:
    """Search the repository with ripgrep. `pattern` is a regular expression."""
    proc = subprocess.run(
        ["rg", "--line-number", "--max-count", "50", "-g", glob, "-e", pattern, "."],
        cwd=WS.root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return _clip(proc.stdout) or "no matches"


@lc_tool
def fetch_docs(url: str) -> str:
    """Fetch a documentation page (Python, Pydantic, PyPI) and return its text."""
    logger.info("fetch_docs %s", url)
    resp = httpx.get(url, timeout=20, follow_redirects=True)
    resp.raise_for_status()
    return _clip(resp.text)


@lc_tool
def count_tokens(text: str) -> int:
    """Rough token estimate for a piece of text (about four characters per token)."""
    return max(1, len(text) // 4)


class CommitArgs(BaseModel):
    message: str = Field(description="Commit message, imperative mood")
    paths: list[str] = Field(default_factory=list, description="Files to stage; empty stages tracked changes")


def _git_commit(message: str, paths: list[str] | None = None) -> str:
    staged = [str(WS.resolve(p)) for p in paths or []]
    add_cmd = ["git", "add", "--", *staged] if staged else ["git", "add", "-u"]
    subprocess.run(add_cmd, cwd=WS.root, check=True)
    out = subprocess.run(["git", "commit", "-m", message], cwd=WS.root, capture_output=True, text=True)
    audit_event("git_commit", "commit", message=message, paths=staged, rc=out.returncode)
    return out.stdout or out.stderr


git_commit = StructuredTool.from_function(
    func=_git_commit,
    name="git_commit",
    description="Stage the given files (or all tracked changes) and create a commit.",
    args_schema=CommitArgs,
)

CODING_TOOLS = [
    read_file,
    write_file,
    list_dir,
    edit_file,
    delete_file,
    run_tests,
    run_shell,
    git_diff,
    git_create_branch,
    search_code,
    fetch_docs,
    count_tokens,
    git_commit,
]


def build_coding_agent(model=None, checkpointer=None):
    if model is None:
        from langchain_openai import ChatOpenAI

        model = ChatOpenAI(model=settings.model, temperature=0)
    return create_react_agent(model, tools=CODING_TOOLS, checkpointer=checkpointer, prompt=SYSTEM_PROMPT)
