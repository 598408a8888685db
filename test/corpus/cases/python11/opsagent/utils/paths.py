"""Path helpers shared by workspace tools and the retention job."""

from __future__ import annotations

import os
from pathlib import Path

from opsagent.errors import ToolInputError


def resolve_in_root(root: Path | str, user_path: str) -> Path:
    """Resolve *user_path* against *root*, refusing anything that escapes it.

    Symlinks are resolved before the containment check.
    """
    root_real = os.path.realpath(root)
    candidate = os.path.realpath(os.path.join(root_real, user_path))
    if not candidate.startswith(root_real + os.sep):
        raise ToolInputError(f"{user_path!r} is outside {root}")
    return Path(candidate)


def directory_size(path: Path) -> int:
    total = 0
    for dirpath, _dirnames, filenames in os.walk(path):
        for filename in filenames:
            try:
                total += os.path.getsize(os.path.join(dirpath, filename))
            except OSError:
                continue
    return total
