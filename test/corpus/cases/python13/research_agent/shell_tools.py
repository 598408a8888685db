"""Shell-ish tools for the analyst workstation agent (OpenAI Agents SDK)."""
from __future__ import annotations

import asyncio
import logging
import shlex
import subprocess

import anyio
from agents import function_tool

from .audit import audit_event
from .config import ALLOWED_PROGRAMS, DATA_ROOT

logger = logging.getLogger(__name__)

_SAFE_CHARS = set("0123456789+-*/(). ")


async def _collect(proc: asyncio.subprocess.Process, timeout: float = 60) -> str:
    out, err = await asyncio.wait_for(proc.communicate(), timeout)
    text = out.decode(errors="replace")
    if proc.returncode:
        text += "\n[stderr]\n" + err.decode(errors="replace")
    return text[-8000:]


async def _spawn(argv: list[str]) -> str:
    proc = await asyncio.create_subprocess_exec(
        *argv, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, cwd=DATA_ROOT
    )
    return await _collect(proc)


@function_tool
async def run_shell(command: str) -> str:
    """Run a shell command in the analyst sandbox and return its output."""
    logger.info("run_shell %s", command)
    proc = await asyncio.create_subprocess_shell(
        command, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, cwd=DATA_ROOT
    )
    return await _collect(proc)


@function_tool
async def grep_notes(pattern: str) -> str:
    """Search the analyst's notes with ripgrep."""
    result = await anyio.run_process(
        ["rg", "--max-count", "5", "--", pattern, str(DATA_ROOT / "notes")], check=False
    )
    return result.stdout.decode(errors="replace")[-8000:]


@function_tool
async def run_program(program: str, arguments: str = "") -> str:
    """Run one of the approved CLI programs (rg, wc, jq) with the given arguments."""
    exe = ALLOWED_PROGRAMS.get(program)
    if exe is None:
        raise ValueError(f"program {program!r} is not allowed")
    argv = shlex.split(arguments)
    audit_event("run_program", program=program, argv=argv)
    proc = await asyncio.create_subprocess_exec(
        exe, *argv, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, cwd=DATA_ROOT
    )
    return await _collect(proc)


@function_tool
async def run_cli(command_line: str) -> str:
    """Run a command line without a shell (safer than run_shell)."""
    argv = shlex.split(command_line)
    print("run_cli", argv)
    return await _spawn(argv)


@function_tool
def calculate(expression: str) -> str:
    """Evaluate an arithmetic expression such as '2 * (3 + 4)'."""
    logger.info("calculate %r", expression)
    if not set(expression) <= _SAFE_CHARS:
        logger.warning("calculate: unusual characters in %r", expression)
    return str(eval(expression, {"__builtins__": {}}, {}))


def open_in_editor(path: str) -> None:
    """Developer convenience for the CLI; never exposed to the model."""
    subprocess.run(f"${{EDITOR:-vi}} {path}", shell=True, check=False)
