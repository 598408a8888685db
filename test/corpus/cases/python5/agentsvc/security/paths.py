"""Filesystem sandboxing helpers."""
from __future__ import annotations

import os
from pathlib import Path

from ..settings import settings


class PathEscape(PermissionError):
    pass


def resolve_in_sandbox(relpath: str, root: Path = settings.sandbox_root) -> Path:
    """Resolve relpath under root and refuse anything that escapes it."""
    base = root.resolve()
    candidate = (base / relpath).resolve()
    if not candidate.is_relative_to(base):
        raise PathEscape(relpath)
    return candidate


def join_under_root(name: str, root: str = settings.reports_root) -> str:
    """Join name onto root and make sure the result still starts with root."""
    full = os.path.join(root, name)
    if not full.startswith(root):
        raise PathEscape(name)
    return full
