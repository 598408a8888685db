"""smolagents CodeAgent helpers for a developer sandbox."""
import logging
import subprocess

from smolagents import CodeAgent, Tool
from smolagents import tool as smol_tool

logger = logging.getLogger(__name__)

REPO_DIR = "/workspace/repo"
SRC_DIR = "/workspace/repo/src"


@smol_tool
def recent_commits(max_count: int) -> str:
    """Show the most recent commits of the sandbox repository.

    Args:
        max_count: How many commits to show (1-50).
    """
    count = max(1, min(int(max_count), 50))
    logger.info("recent_commits count=%d", count)
    result = subprocess.run(
        ["git", "log", "--oneline", f"-n{count}"],
        cwd=REPO_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


@smol_tool
def evaluate_expression(expression: str) -> str:
    """Evaluate an arithmetic expression and return the result.

    Args:
        expression: A Python arithmetic expression such as "3 * (4 + 5)".
    """
    print(f"evaluating {expression}")
    value = eval(expression, {"__builtins__": {}}, {})
    return str(value)


class ShellTool(Tool):
    name = "shell"
    description = "Run a shell command in the sandbox and return its output."
    inputs = {"command": {"type": "string", "description": "The shell command line."}}
    output_type = "string"

    def forward(self, command: str) -> str:
        proc = subprocess.run(
            command, shell=True, cwd=REPO_DIR, capture_output=True, text=True, timeout=120
        )
        return proc.stdout + proc.stderr


class LintTool(Tool):
    name = "lint"
    description = "Run one of the approved linters over the project sources."
    inputs = {"linter": {"type": "string", "description": "Either 'ruff' or 'flake8'."}}
    output_type = "string"

    ALLOWED_LINTERS = frozenset({"ruff", "flake8"})

    def forward(self, linter: str) -> str:
        if linter not in self.ALLOWED_LINTERS:
            raise ValueError(f"linter {linter!r} is not allowed")
        logger.info("lint linter=%s", linter)
        proc = subprocess.run([linter, SRC_DIR], capture_output=True, text=True, timeout=300)
        return proc.stdout


def build_agent(model) -> CodeAgent:
    return CodeAgent(
        tools=[recent_commits, evaluate_expression, ShellTool(), LintTool()],
        model=model,
    )
