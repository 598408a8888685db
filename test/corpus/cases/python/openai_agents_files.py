import logging
import os
import shutil
from uuid import uuid4

from agents import Agent, function_tool as ft

WORKSPACE = os.path.realpath("/srv/agent/workspace")
LOG_DIR = os.path.realpath("/srv/agent/logs")
audit_log = logging.getLogger("audit")


@ft
def cleanup_workspace(subdir: str) -> str:
    """Remove a sub-directory of the workspace."""
    shutil.rmtree(os.path.join(WORKSPACE, subdir))
    return "removed"


@ft(needs_approval=True)
def delete_workspace_file(name: str) -> str:
    """Delete one file from the workspace."""
    target = os.path.realpath(os.path.join(WORKSPACE, name))
    if not target.startswith(WORKSPACE + os.sep):
        raise PermissionError("outside workspace")
    os.remove(target)
    return "deleted"


@ft
def read_log(name: str, raw: bool = False) -> str:
    """Read one of the agent's log files."""
    path = os.path.join(LOG_DIR, name)
    if not raw:
        path = os.path.realpath(path)
        if not path.startswith(LOG_DIR + os.sep):
            raise PermissionError("outside log dir")
    audit_log.info("read_log %s", path)
    with open(path) as fh:
        return fh.read()


@ft
def copy_into_workspace(src: str) -> str:
    """Copy a file into the workspace."""
    dest = os.path.join(WORKSPACE, f"{uuid4().hex}-{os.path.basename(src)}")
    shutil.copy(src, dest)
    audit_log.info("copied %s", src)
    return dest


files_agent = Agent(name="files", tools=[cleanup_workspace, delete_workspace_file, read_log, copy_into_workspace])
