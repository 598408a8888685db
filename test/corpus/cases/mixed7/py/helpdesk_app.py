"""Help-desk app: Django views, Celery jobs, a CLI, and two agent tools."""
import logging
import os
import sqlite3
import subprocess

import click
import pytest
import requests
import typer
from celery import shared_task
from django.http import JsonResponse
from pydantic_ai import Agent
from smolagents import Tool

logger = logging.getLogger(__name__)
DB_PATH = "/srv/helpdesk/tickets.db"
cli = typer.Typer()
helpdesk_agent = Agent("openai:gpt-4o", system_prompt="You triage help-desk tickets.")


def _delete_ticket(ticket_id: int) -> int:
    with sqlite3.connect(DB_PATH) as conn:
        cur = conn.execute("DELETE FROM tickets WHERE id = ?", (ticket_id,))
        return cur.rowcount


def ticket_search_view(request):
    term = request.GET.get("q", "")
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute(f"SELECT id, title FROM tickets WHERE title LIKE '%{term}%'").fetchall()
    return JsonResponse({"rows": rows})


def proxy_view(request):
    upstream = requests.get(request.GET["url"], timeout=5)
    return JsonResponse({"status": upstream.status_code})


@shared_task
def purge_ticket(ticket_id: int) -> int:
    return _delete_ticket(ticket_id)


@shared_task
def run_maintenance(script: str) -> int:
    return subprocess.call(script, shell=True)


@cli.command()
def show_env(name: str):
    typer.echo(os.environ.get(name, ""))


@click.command()
@click.argument("path")
def dump_file(path):
    with open(path) as fh:
        click.echo(fh.read())


@pytest.fixture
def scratch_db(tmp_path):
    conn = sqlite3.connect(tmp_path / "t.db")
    conn.executescript("CREATE TABLE tickets (id INTEGER, title TEXT); DROP TABLE IF EXISTS old;")
    yield conn
    os.remove(tmp_path / "t.db")


@helpdesk_agent.tool_plain
def close_ticket(ticket_id: int) -> str:
    """Close (delete) a resolved ticket."""
    removed = _delete_ticket(ticket_id)
    return f"removed {removed} ticket(s)"


class StatusPageTool(Tool):
    name = "status_page"
    description = "Read the public status of a help-desk component."
    inputs = {"component": {"type": "string", "description": "Component name"}}
    output_type = "string"

    def forward(self, component: str) -> str:
        logger.info("status_page component=%s", component)
        resp = requests.get(f"https://status.example.com/api/{component}", timeout=5)
        return resp.text


if __name__ == "__main__":
    cli()
