import logging
import os
import subprocess
from typing import Type

from langchain.tools import BaseTool, StructuredTool, Tool
from pydantic import BaseModel, Field

log = logging.getLogger("notes")
NOTES_DIR = "/srv/agent/notes"


def read_note(name: str) -> str:
    """Read a note from the notes directory."""
    path = os.path.join(NOTES_DIR, name)
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def read_note_safe(name: str) -> str:
    """Read a note, by file name only."""
    fname = os.path.basename(name)
    log.info("reading note %s", fname)
    with open(os.path.join(NOTES_DIR, fname), encoding="utf-8") as fh:
        return fh.read()


def calc(expression: str) -> str:
    """Evaluate an arithmetic expression."""
    return str(eval(expression))


class ShellInput(BaseModel):
    command: str = Field(description="shell command to run")


class ShellTool(BaseTool):
    name: str = "shell"
    description: str = "Run a shell command on the build box"
    args_schema: Type[BaseModel] = ShellInput

    def _run(self, command: str) -> str:
        proc = subprocess.run(command, shell=True, capture_output=True, text=True)
        return proc.stdout + proc.stderr


note_tool = StructuredTool.from_function(func=read_note, name="read_note", description="read a note")
safe_note_tool = StructuredTool.from_function(func=read_note_safe, name="read_note_safe")
calc_tool = Tool(name="calculator", func=calc, description="math")
TOOLS = [note_tool, safe_note_tool, calc_tool, ShellTool()]
