import logging
import os
import shutil
from pathlib import Path

from agents import Agent
from agents import function_tool as ft

from note_store import NoteStore

log = logging.getLogger("notes")
ROOT = Path("/srv/notes").resolve()
store = NoteStore(str(ROOT))


# @label read_note: fs,audit | delegates to helper class in another module
@ft
def read_note(name: str) -> str:
    """Read a note."""
    return store.read(name)
# @end


# @label read_note_safe: | joinpath().resolve() + is_relative_to early return, logger
@ft
def read_note_safe(name: str) -> str:
    """Read a note safely."""
    target = Path(ROOT).joinpath(name).resolve()
    if not target.is_relative_to(ROOT):
        return "denied"
    log.info("read %s", target)
    return target.read_text()
# @end


# @label delete_note: | guarded path, needs_approval=True, logger
@ft(needs_approval=True)
def delete_note(name: str) -> str:
    """Delete a note."""
    target = (ROOT / name).resolve()
    if not target.is_relative_to(ROOT):
        return "denied"
    log.warning("deleting %s", target)
    os.remove(target)
    return "ok"
# @end


# @label purge_folder: fs,txn,audit | rmtree on bare os.path.join, no approval
@ft
def purge_folder(folder: str) -> str:
    """Remove a folder of notes."""
    shutil.rmtree(os.path.join(str(ROOT), folder))
    print("removed", folder)
    return "ok"
# @end


# @label wipe_via_store: fs,txn,audit | delete through helper class method
@ft
def wipe_via_store(folder: str) -> str:
    """Wipe a folder via the store."""
    store.wipe(folder)
    return "ok"
# @end


agent = Agent(name="notes", tools=[read_note, read_note_safe, delete_note, purge_folder, wipe_via_store])
