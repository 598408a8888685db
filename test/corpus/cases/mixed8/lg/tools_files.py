"""File tools: workspace documents, uploads and archives."""
import logging
import os
from typing import Annotated

from langchain_core.tools import BaseTool, InjectedToolArg, tool
from pydantic import BaseModel, Field

from policy import safe_path
from services.core import read_text, remove_tree

logger = logging.getLogger(__name__)

UPLOADS_DIR = "/srv/agent/uploads"
USERS_DIR = "/srv/agent/users"
ARCHIVE_ROOT = "/srv/agent/archive"


@tool
def read_file(path: str) -> str:
    """Read any text file from disk."""
    with open(path, encoding="utf-8") as fh:
        return fh.read()


@tool
def read_workspace_file(name: str) -> str:
    """Read a file from the agent workspace."""
    target = safe_path(name)
    logger.info("read_workspace_file %s", target)
    return target.read_text(encoding="utf-8")


@tool
def list_folder(folder: str) -> list[str]:
    """List files in a workspace sub-folder."""
    logger.info("list_folder %s", folder)
    return sorted(os.listdir(os.path.join("/srv/agent/workspace", folder)))


@tool
def delete_upload(filename: str) -> str:
    """Delete an uploaded file."""
    logger.info("delete_upload %s", filename)
    os.remove(os.path.join(UPLOADS_DIR, os.path.basename(filename)))
    return "deleted"


@tool
def read_user_profile(user_id: Annotated[str, InjectedToolArg]) -> str:
    """Return the profile of the current user."""
    return read_text(os.path.join(USERS_DIR, user_id, "profile.json"))


@tool
def read_dotenv() -> str:
    """Show the deployment environment file."""
    return read_text("/srv/agent/.env")


class ArchiveInput(BaseModel):
    path: str = Field(description="Archive folder to remove")


class PurgeArchiveTool(BaseTool):
    name: str = "purge_archive"
    description: str = "Remove an archive folder and everything in it."
    args_schema: type[BaseModel] = ArchiveInput

    def _run(self, path: str) -> str:
        logger.warning("purge_archive %s", path)
        remove_tree(os.path.join(ARCHIVE_ROOT, path))
        return "removed"

    async def _arun(self, path: str) -> str:
        return self._run(path)


def summarise_upload(filename: str) -> str:
    """Helper for the CLI: never exposed to the model."""
    with open(os.path.join(UPLOADS_DIR, filename), encoding="utf-8") as fh:
        return fh.read()[:200]
