"""CrewAI tools for the partner-research crew."""
import logging
import shlex
import sqlite3
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import requests
from crewai.tools import BaseTool, tool
from pydantic import BaseModel, Field

log = logging.getLogger(__name__)

ALLOWED_PARTNER_HOSTS = frozenset({"partners.example.com", "api.partners.example.com"})
BRIEFS_ROOT = Path("/srv/crew/briefs").resolve()
DB_PATH = "/srv/crew/partners.db"


@tool("Fetch partner page")
def fetch_partner_page(url: str) -> str:
    """Fetch a page from the partner portal."""
    if urlparse(url).hostname not in ALLOWED_PARTNER_HOSTS:
        return "denied: host is not a partner host"
    log.info("fetch_partner_page url=%s", url)
    resp = requests.get(url, timeout=10)
    return resp.text[:4000]


class PartnerLookupInput(BaseModel):
    partner_id: str = Field(..., description="Partner identifier")


class PartnerLookupTool(BaseTool):
    name: str = "partner_lookup"
    description: str = "Look up a partner record by id."
    args_schema: type[BaseModel] = PartnerLookupInput

    def _run(self, partner_id: str) -> str:
        logging.getLogger(__name__).info("partner_lookup id=%s", partner_id)
        conn = sqlite3.connect(DB_PATH)
        try:
            cur = conn.cursor()
            cur.execute(
                "SELECT name, tier, country FROM partners WHERE id = ?",
                (partner_id,),
            )
            row = cur.fetchone()
        finally:
            conn.close()
        return str(row) if row else "not found"


@tool("Read brief")
def read_brief(name: str) -> str:
    """Read a research brief from the briefs folder."""
    candidate = (BRIEFS_ROOT / name).resolve()
    try:
        candidate.relative_to(BRIEFS_ROOT)
    except ValueError:
        return "error: brief must be inside the briefs folder"
    return candidate.read_text(encoding="utf-8")


@tool("Bundle briefs")
def bundle_briefs(archive_name: str, files: str) -> str:
    """Create a tar archive of the given brief files (space separated)."""
    log.info("bundle_briefs archive=%s files=%s", archive_name, files)
    cmd = f"tar czf /srv/crew/out/{shlex.quote(archive_name)}.tgz {files}"
    done = subprocess.run(cmd, shell=True, cwd=str(BRIEFS_ROOT), capture_output=True, text=True)
    return done.stdout or done.stderr


class BriefIndexer:
    """Maintenance helper used by a cron job; never handed to an agent."""

    def rebuild(self, pattern: str) -> None:
        subprocess.run(f"find {BRIEFS_ROOT} -name '{pattern}' -delete", shell=True)
