from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from opsagent.approvals import ApprovalDecision
from opsagent.settings import Settings


@dataclass
class FakeApprovals:
    grant: bool = True
    calls: int = 0

    async def request_approval(self, **_: object) -> ApprovalDecision:
        self.calls += 1
        return ApprovalDecision(self.grant, ticket_id=f"T-{self.calls}", approver="tester")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    (tmp_path / "workspace" / "docs").mkdir(parents=True)
    (tmp_path / "scratch").mkdir()
    return Settings(workspace_root=tmp_path / "workspace", scratch_root=tmp_path / "scratch", repo_root=tmp_path / "repo")


@pytest.fixture
def approvals() -> FakeApprovals:
    return FakeApprovals()


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(f"cd {repo} && git init -q && git commit -q --allow-empty -m init", shell=True, check=True)
    yield repo
    shutil.rmtree(repo, ignore_errors=True)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(os.environ):
        if key.startswith("OPSAGENT_"):
            monkeypatch.delenv(key)
