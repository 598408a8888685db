"""Status and mail tools: smolagents for the ops agent, Semantic Kernel for the assistant."""
import logging
import os
import smtplib
import sqlite3
from email.message import EmailMessage

import requests
from semantic_kernel.functions import kernel_function
from smolagents import tool

logger = logging.getLogger("ops.tools")
REPORTS_ROOT = os.path.realpath("/srv/ops/reports")


@tool
def region_status(region: str) -> str:
    """Get the health status for a region.

    Args:
        region: one of "eu", "us" or "ap".
    """
    match region:
        case "eu":
            host = "eu.status.example.com"
        case "us":
            host = "us.status.example.com"
        case "ap":
            host = "ap.status.example.com"
        case _:
            return "unknown region"
    logger.info("region_status region=%s", region)
    return requests.get(f"https://{host}/v1/health", timeout=5).text


@tool
def list_reports(subdir: str) -> str:
    """List report files in a sub-folder of the reports root.

    Args:
        subdir: folder name relative to the reports root.
    """
    target = os.path.realpath(os.path.join(REPORTS_ROOT, subdir))
    if os.path.commonpath([REPORTS_ROOT, target]) != REPORTS_ROOT:
        return "error: outside the reports root"
    logging.info("list_reports %s", target)
    return "\n".join(sorted(os.listdir(target)))


async def confirm(prompt: str) -> bool:
    """Ask the on-call human; returns True only on an explicit yes."""
    answer = input(f"{prompt} [y/N] ")
    return answer.strip().lower() == "y"


class MailPlugin:
    @kernel_function(name="send_status_mail", description="Email a status update.")
    async def send_status_mail(self, to: str, body: str) -> str:
        if not await confirm(f"Send status mail to {to}?"):
            return "cancelled by operator"
        logger.info("send_status_mail to=%s", to)
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = "ops@example.com", to, "Status update"
        msg.set_content(body)
        with smtplib.SMTP("smtp.example.com", 587) as smtp:
            smtp.send_message(msg)
        return "sent"

    @kernel_function(name="query_metrics", description="Run a read query on the metrics DB.")
    def query_metrics(self, sql: str) -> str:
        if not sql.lstrip().lower().startswith("select"):
            return "only SELECT is allowed"
        logger.info("query_metrics sql=%s", sql)
        conn = sqlite3.connect("/srv/ops/metrics.db")
        rows = conn.execute(sql).fetchall()
        conn.close()
        return str(rows[:100])

    def reset_spool(self, cmd: str) -> None:
        # Not a kernel function: only called by the deploy script.
        os.system(cmd)
