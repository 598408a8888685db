"""CrewAI operations tools for the release crew."""
import asyncio
import os
import shutil
import subprocess
from typing import Type

import structlog
from crewai.tools import BaseTool
from pydantic import BaseModel, Field

log = structlog.get_logger()

REPO_DIR = "/srv/app"
SCRATCH_ROOT = "/srv/scratch"


class BranchInput(BaseModel):
    branch: str = Field(description="Branch or ref to inspect")


class GitLogTool(BaseTool):
    name: str = "git_log"
    description: str = "Show the last commits of a branch."
    args_schema: Type[BaseModel] = BranchInput

    @staticmethod
    def _git_log(branch: str) -> str:
        out = subprocess.run(["git", "log", "-n", "20", branch], cwd=REPO_DIR, capture_output=True, text=True)
        return out.stdout

    def _run(self, branch: str) -> str:
        return self._git_log(branch)


class ShellTool(BaseTool):
    name: str = "shell"
    description: str = "Run a shell command on the build host."

    def _run(self, command: str) -> str:
        return asyncio.run(self._arun(command))

    async def _arun(self, command: str) -> str:
        log.info("shell", command=command)
        proc = await asyncio.create_subprocess_shell(command, stdout=asyncio.subprocess.PIPE)
        stdout, _ = await proc.communicate()
        return stdout.decode()


class CalculatorTool(BaseTool):
    name: str = "calculator"
    description: str = "Evaluate an arithmetic expression."

    @staticmethod
    def _evaluate(expression: str) -> str:
        code = compile(expression, "<calc>", "eval")
        return str(eval(code, {"__builtins__": {}}))

    def _run(self, expression: str) -> str:
        return self._evaluate(expression)


class ScratchCleanupTool(BaseTool):
    name: str = "cleanup_scratch"
    description: str = "Delete a scratch directory."

    def _run(self, subdir: str) -> str:
        target = os.path.normpath(os.path.join(SCRATCH_ROOT, subdir))
        log.info("cleanup_scratch", target=target)
        shutil.rmtree(target)
        return f"removed {target}"


class DiskUsageTool(BaseTool):
    name: str = "disk_usage"
    description: str = "Report disk usage of the scratch volume."

    def _run(self) -> str:
        log.info("disk_usage")
        total, used, free = shutil.disk_usage(SCRATCH_ROOT)
        return f"used={used} free={free} total={total}"
