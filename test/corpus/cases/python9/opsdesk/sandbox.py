"""Filesystem and command sandboxing helpers."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from .config import ALLOWED_COMMANDS, ATTACHMENTS_DIR, DATA_ROOT

logger = logging.getLogger(__name__)


class SandboxError(PermissionError):
    """A path or command falls outside what the agent may touch."""


def safe_path(name: str, root: Path = DATA_ROOT) -> Path:
    """Resolve `name` under `root`, refusing anything that escapes it."""
    base = Path(root).resolve()
    candidate = (base / name).resolve()
    if not candidate.is_relative_to(base):
        raise SandboxError(f"{name!r} escapes {base}")
    return candidate


def resolve_in_root(root: str, rel: str) -> str:
    root_real = os.path.realpath(root)
    target = os.path.realpath(os.path.join(root_real, rel))
    if os.path.commonpath([root_real, target]) != root_real:
        raise SandboxError(f"{rel!r} escapes {root_real}")
    return target


def warn_if_outside(path: str, root=DATA_ROOT) -> str:
    """Log a warning when `path` resolves outside `root`; returns the path unchanged."""
    real = os.path.realpath(path)
    root_real = os.path.realpath(root)
    if not real.startswith(root_real + os.sep):
        logger.warning("path %s resolves outside %s", real, root_real)
    return path


def attachment_path(name: str) -> str:
    return os.path.join(ATTACHMENTS_DIR, os.path.basename(name))


def ensure_allowed_command(program: str) -> str:
    if os.path.basename(program) != program or program not in ALLOWED_COMMANDS:
        raise SandboxError(f"{program!r} is not an allowed command")
    return program
