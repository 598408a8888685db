"""Operations helpers exposed to the LangGraph ops agent (see agents.py)."""
from __future__ import annotations

import logging
import shutil
import subprocess
import time
from pathlib import Path

from ..security.approval import request_approval

logger = logging.getLogger(__name__)

DIAGNOSTIC_PROGRAMS = frozenset({"uptime", "df", "free", "nproc"})
RESTARTABLE_UNITS = frozenset({"agentsvc-worker", "agentsvc-scheduler"})


def run_shell(command: str) -> str:
    """Run a shell command on the ops host and return its output."""
    proc = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60)
    return proc.stdout + proc.stderr


def git_log(limit: int = 10) -> str:
    """Show the most recent commits of the deployed service."""
    logger.info("git log, limit=%d", limit)
    proc = subprocess.run(
        ["git", "-C", "/srv/agentsvc/app", "log", "--oneline", f"-n{int(limit)}"],
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


def run_diagnostic(program: str, args: list[str] | None = None) -> str:
    """Run one of the approved diagnostic programs (uptime, df, free, nproc)."""
    if program not in DIAGNOSTIC_PROGRAMS:
        raise PermissionError(f"{program} is not an approved diagnostic")
    logger.info("diagnostic %s %s", program, args)
    proc = subprocess.run([program, *(args or [])], capture_output=True, text=True, timeout=30)
    return proc.stdout


def evaluate_expression(expression: str) -> str:
    """Evaluate a Python arithmetic expression."""
    print("evaluating", expression)
    return str(eval(expression))


def disk_usage() -> str:
    """Report disk usage on the ops host."""
    proc = subprocess.run(["df", "-h"], capture_output=True, text=True)
    return proc.stdout


def restart_service(unit: str) -> str:
    """Restart one of the agentsvc systemd units."""
    if unit not in RESTARTABLE_UNITS:
        raise PermissionError(f"{unit} cannot be restarted by the agent")
    logger.info("restart %s", unit)
    if not request_approval("restart_service", unit):
        return "restart declined"
    subprocess.run(["systemctl", "restart", unit], check=True)
    return f"{unit} restarted"


def cleanup_old_logs(log_dir: str, max_age_days: int = 14) -> int:
    """Delete rotated log directories older than max_age_days (used by scripts/)."""
    cutoff = time.time() - max_age_days * 86400
    removed = 0
    for entry in Path(log_dir).iterdir():
        if entry.is_dir() and entry.stat().st_mtime < cutoff:
            shutil.rmtree(entry)
            removed += 1
    return removed
