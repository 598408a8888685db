import os
from pathlib import Path

from smolagents import CodeAgent, HfApiModel, Tool, tool

from web_helpers import fetch_text as get_page, STATUS_BASE

SCRATCH = Path("/tmp/agent-scratch").resolve()


@tool
def visit_webpage(url: str) -> str:
    """Visit a webpage and return its text.

    Args:
        url: the address of the page
    """
    content = get_page(url)
    return content[:10000]


@tool
def check_status(service: str) -> str:
    """Get the status of one of our services.

    Args:
        service: service name
    """
    return get_page(f"{STATUS_BASE}{service}")


class DeleteScratchFile(Tool):
    name = "delete_scratch_file"
    description = "Delete a file from the scratch directory"
    inputs = {"path": {"type": "string", "description": "file to delete"}}
    output_type = "string"

    def forward(self, path: str) -> str:
        target = (SCRATCH / path).resolve()
        if not target.is_relative_to(SCRATCH):
            return "refused: outside scratch"
        os.remove(target)
        return f"deleted {target.name}"


agent = CodeAgent(tools=[visit_webpage, check_status, DeleteScratchFile()], model=HfApiModel())
