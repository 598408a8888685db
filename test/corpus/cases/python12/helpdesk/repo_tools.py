"""Repository helpers exposed to the coding agent as static and class methods."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from agents import function_tool

from .common import logger

REPO_ROOT = Path("/srv/helpdesk/repo")


class RepoTools:
    ALLOWED_TARGETS = frozenset({"lint", "test", "build", "docs"})

    @staticmethod
    def git_show(rev: str, path: str = "") -> str:
        """Show a commit, or a file as of a revision."""
        if rev.startswith("-") or path.startswith("-"):
            return "Invalid revision or path."
        spec = f"{rev}:{path}" if path else rev
        proc = subprocess.run(
            ["git", "show", "--no-color", spec],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=30,
        )
        return proc.stdout[:40_000] or proc.stderr

    @classmethod
    def run_make(cls, target: str) -> str:
        """Run one of the project's make targets (lint, test, build, docs)."""
        if target not in cls.ALLOWED_TARGETS:
            return f"Unknown target {target!r}; choose one of {sorted(cls.ALLOWED_TARGETS)}"
        logger.info("run_make target=%s", target)
        proc = subprocess.run(
            f"make {target}", shell=True, cwd=REPO_ROOT, capture_output=True, text=True
        )
        return proc.stdout[-10_000:]

    @classmethod
    def reset_worktrees(cls, pattern: str) -> None:
        """Maintenance only: wipe stale worktrees.  Not given to the agent."""
        for wt in REPO_ROOT.parent.glob(pattern):
            shutil.rmtree(wt)
        subprocess.run("git worktree prune", shell=True, cwd=REPO_ROOT)


REPO_TOOLS = [function_tool(RepoTools.git_show), function_tool(RepoTools.run_make)]
