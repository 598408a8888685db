"""Subprocess helpers."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ProcResult:
    returncode: int
    stdout: str
    stderr: str


async def run_argv(
    argv: Sequence[str],
    *,
    timeout: float = 30.0,
    cwd: str | None = None,
    env: Mapping[str, str] | None = None,
) -> ProcResult:
    """Run a program without a shell and capture its output."""
    proc = await asyncio.create_subprocess_exec(
        *argv,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        cwd=cwd,
        env=dict(env) if env is not None else None,
    )
    try:
        out, err = await asyncio.wait_for(proc.communicate(), timeout)
    except asyncio.TimeoutError:
        proc.kill()
        await proc.wait()
        raise
    return ProcResult(proc.returncode or 0, out.decode(errors="replace"), err.decode(errors="replace"))


def run_shell(command: str, *, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run an operator-supplied shell pipeline.  Admin CLI and cron only."""
    return subprocess.run(command, shell=True, check=check, text=True, capture_output=True)
