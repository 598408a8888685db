"""Tests for the coding tools (run with pytest; no network)."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from harbor.workspace import Workspace, WorkspaceError, safe_join


@pytest.fixture()
def workspace(tmp_path: Path) -> Workspace:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text("print('hi')\n")
    subprocess.run("git init -q && git add -A && git commit -qm init", shell=True, cwd=tmp_path, check=False)
    return Workspace(tmp_path)


def read_fixture(name: str) -> str:
    return open(os.path.join(os.path.dirname(__file__), "fixtures", name)).read()


def test_resolve_rejects_parent(workspace: Workspace) -> None:
    with pytest.raises(WorkspaceError):
        workspace.resolve("../outside.txt")


def test_safe_join_rejects_absolute(workspace: Workspace) -> None:
    with pytest.raises(WorkspaceError):
        safe_join(str(workspace.root), "/etc/passwd")


def test_resolve_inside(workspace: Workspace) -> None:
    assert workspace.resolve("src/app.py").read_text() == "print('hi')\n"


def test_cleanup_tmp(tmp_path: Path) -> None:
    victim = tmp_path / "build"
    victim.mkdir()
    os.rmdir(victim)
    assert not victim.exists()
