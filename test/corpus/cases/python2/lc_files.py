import os
import shutil
from pathlib import Path
from typing import Type

import structlog
from langchain_core.tools import BaseTool
from pydantic import BaseModel

log = structlog.get_logger()
WORKSPACE = "/srv/agent/workspace"


class PathArgs(BaseModel):
    path: str


class ReadWorkspaceFile(BaseTool):
    name: str = "read_workspace_file"
    description: str = "Read a file from the workspace."
    args_schema: Type[BaseModel] = PathArgs

    def _run(self, path: str) -> str:
        full = os.path.realpath(os.path.join(WORKSPACE, path))
        if not full.startswith(WORKSPACE + os.sep):
            raise ValueError("outside workspace")
        log.info("read_file", path=full)
        with open(full, encoding="utf-8") as fh:
            return fh.read()


class PurgeFolder(BaseTool):
    name: str = "purge_folder"
    description: str = "Delete a folder in the workspace."
    args_schema: Type[BaseModel] = PathArgs

    def _run(self, path: str) -> str:
        target = os.path.join(WORKSPACE, path)
        shutil.rmtree(target)
        return f"deleted {target}"


class ListDir(BaseTool):
    name: str = "list_dir"
    description: str = "List a directory."

    def _run(self, path: str) -> str:
        raise NotImplementedError

    async def _arun(self, path: str) -> str:
        d = Path(path).expanduser()
        return "\n".join(sorted(p.name for p in d.iterdir()))


def cleanup_tmp() -> None:
    for p in Path("/tmp/agent").glob("*.tmp"):
        p.unlink()
