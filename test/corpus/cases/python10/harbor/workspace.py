"""Workspace sandbox: every file the coding agent touches lives under one root."""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .settings import settings


class WorkspaceError(PermissionError):
    """Raised when a path would leave the agent's workspace."""


@dataclass
class Workspace:
    root: Path
    ignore: tuple[str, ...] = (".git", ".venv", "node_modules", "__pycache__", ".mypy_cache")

    def __post_init__(self) -> None:
        self.root = Path(self.root).expanduser().resolve()

    def resolve(self, rel: str | os.PathLike[str]) -> Path:
        """Resolve *rel* against the root (following symlinks) and refuse escapes."""
        candidate = (self.root / rel).resolve()
        if not candidate.is_relative_to(self.root):
            raise WorkspaceError(f"{os.fspath(rel)!r} is outside the workspace")
        return candidate

    def path_for(self, rel: str) -> Path:
        """Path for a file that may not exist yet (no symlink resolution needed)."""
        return self.root / rel.lstrip("/")

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def iter_files(self, base: Path) -> Iterator[Path]:
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = [d for d in dirnames if d not in self.ignore]
            for name in filenames:
                yield Path(dirpath, name)


def safe_join(root: str, name: str) -> str:
    """Join *name* below *root*; rejects `..`, absolute paths and symlink escapes."""
    real_root = os.path.realpath(root)
    full = os.path.realpath(os.path.join(real_root, name))
    if not full.startswith(real_root + os.sep):
        raise WorkspaceError(f"{name!r} escapes {root}")
    return full


def within_root(root: str, name: str) -> str:
    """Older variant of safe_join kept for the CrewAI tools."""
    full = os.path.realpath(os.path.join(root, name))
    if not full.startswith(os.path.realpath(root)):
        raise WorkspaceError(f"{name!r} escapes {root}")
    return full


def default_workspace() -> Workspace:
    root = settings.workspace_root
    root.mkdir(parents=True, exist_ok=True)
    return Workspace(root)
