"""CrewAI tools for the 'maintainer' crew (triage + housekeeping)."""
from __future__ import annotations

import logging
import os
import shlex
import shutil
import subprocess
from typing import Type

from crewai.tools import BaseTool, tool
from pydantic import BaseModel, Field

from ..audit import audit_event
from ..settings import settings
from ..workspace import safe_join, within_root

log = logging.getLogger("harbor.crew")

ROOT = os.path.realpath(settings.workspace_root)
ALLOWED_BINARIES = frozenset({"ls", "cat", "head", "wc", "pytest", "ruff", "mypy"})


class FileReadInput(BaseModel):
    file_path: str = Field(..., description="Path relative to the project root")


class FileReadTool(BaseTool):
    name: str = "read_project_file"
    description: str = "Read a file from the project checkout."
    args_schema: Type[BaseModel] = FileReadInput
    root: str = ROOT

    def _run(self, file_path: str) -> str:
        full = safe_join(self.root, file_path)
        audit_event(self.name, "read", path=full)
        with open(full, encoding="utf-8", errors="replace") as fh:
            return fh.read(50_000)


class FileWriteInput(BaseModel):
    filename: str = Field(..., description="Path relative to the project root")
    content: str = Field(..., description="Full new file content")


class FileWriterTool(BaseTool):
    name: str = "write_project_file"
    description: str = "Write content to a file in the project checkout."
    args_schema: Type[BaseModel] = FileWriteInput
    directory: str = ROOT

    def _run(self, filename: str, content: str) -> str:
        path = within_root(self.directory, filename)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(content)
        log.info("wrote %s (%d bytes)", path, len(content))
        return f"wrote {filename}"


class CleanupInput(BaseModel):
    subdir: str = Field(..., description="Generated directory to remove, e.g. 'dist' or 'build'")


class DirectoryCleanupTool(BaseTool):
    name: str = "clean_directory"
    description: str = "Remove a generated directory (build output, caches) from the project."
    args_schema: Type[BaseModel] = CleanupInput

    def _run(self, subdir: str) -> str:
        target = os.path.realpath(os.path.join(ROOT, subdir))
        if os.path.commonpath([ROOT, target]) != ROOT or target == ROOT:
            return "refusing to remove a path outside the project"
        shutil.rmtree(target, ignore_errors=True)
        log.info("removed %s", target)
        return f"removed {subdir}"


@tool("run_linter")
def run_linter(path: str = ".") -> str:
    """Run ruff on a file or directory of the project and return the findings."""
    proc = subprocess.run(
        f"ruff check --output-format concise {path}", shell=True, cwd=ROOT, capture_output=True, text=True
    )
    return proc.stdout[-8000:] or "clean"


@tool("execute_command")
def execute_command(command: str) -> str:
    """Run one allowed read-only command (ls, cat, head, wc, pytest, ruff, mypy) without a shell."""
    argv = shlex.split(command)
    if not argv or argv[0] not in ALLOWED_BINARIES:
        return f"command not allowed: {argv[:1]}"
    audit_event("execute_command", "exec", argv=argv)
    proc = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=300)
    return (proc.stdout + proc.stderr)[-8000:]


@tool("quick_shell")
def quick_shell(command: str) -> str:
    """Run a short shell pipeline. The first program must be one of the allowed commands."""
    program = command.strip().split()[0] if command.strip() else ""
    if program not in ALLOWED_BINARIES:
        return f"program not allowed: {program}"
    log.info("quick_shell %s", command)
    proc = subprocess.run(command, shell=True, cwd=ROOT, capture_output=True, text=True, timeout=300)
    return (proc.stdout + proc.stderr)[-8000:]


def build_crew(llm=None):
    from crewai import Agent, Crew, Process, Task

    maintainer = Agent(
        role="Repository maintainer",
        goal="Keep the project healthy: lint clean, tests green, no stale build output.",
        backstory="A meticulous maintainer who explains every change.",
        tools=[
            FileReadTool(),
            FileWriterTool(),
            DirectoryCleanupTool(),
            run_linter,
            execute_command,
            quick_shell,
        ],
        llm=llm,
        allow_delegation=False,
    )
    housekeeping = Task(
        description="Lint the project, fix trivial findings and remove stale build directories.",
        expected_output="A short report of what was changed.",
        agent=maintainer,
    )
    return Crew(agents=[maintainer], tasks=[housekeeping], process=Process.sequential)
