from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

from opsagent.errors import ToolInputError
from opsagent.tools.devops import ExpressionTool, _MATH_NAMES
from opsagent.tools.workspace import WorkspaceService
from opsagent.utils.paths import resolve_in_root


async def test_read_document_rejects_traversal(settings, approvals) -> None:
    svc = WorkspaceService(settings, approvals)
    with pytest.raises(ToolInputError):
        await svc.read_document("../../etc/passwd")


async def test_delete_scratch_file_requires_approval(settings, approvals) -> None:
    approvals.grant = False
    victim = settings.scratch_root / "a.txt"
    victim.write_text("x")
    svc = WorkspaceService(settings, approvals)
    assert "not approved" in await svc.delete_scratch_file("a.txt", reason="test")
    assert victim.exists()


async def test_purge_cache_dir_removes_tree(settings, approvals) -> None:
    cache = settings.scratch_root / "cache" / "nested"
    cache.mkdir(parents=True)
    (cache / "blob.bin").write_bytes(os.urandom(64))
    svc = WorkspaceService(settings, approvals)
    await svc.purge_cache_dir("cache", dry_run=False)
    assert not (settings.scratch_root / "cache").exists()


def test_resolve_in_root_blocks_sibling(tmp_path: Path) -> None:
    (tmp_path / "root").mkdir()
    (tmp_path / "root-evil").mkdir()
    with pytest.raises(ToolInputError):
        resolve_in_root(tmp_path / "root", "../root-evil/x")


@pytest.mark.parametrize("expr", ["2**10", "sqrt(16) + pi", "max(1, 2, 3) / 7"])
def test_expression_tool_matches_python(expr: str) -> None:
    expected = eval(expr, {"__builtins__": {}}, _MATH_NAMES)
    assert ExpressionTool()._run(expr) == repr(expected)


def test_math_names_exported() -> None:
    assert _MATH_NAMES["pi"] is math.pi


def test_env_cleanup() -> None:
    os.environ["OPSAGENT_CRED_PAGERDUTY"] = "x"
    assert os.environ[os.environ.get("CRED_KEY", "OPSAGENT_CRED_PAGERDUTY")] == "x"
    del os.environ["OPSAGENT_CRED_PAGERDUTY"]
