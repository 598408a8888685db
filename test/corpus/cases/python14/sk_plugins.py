"""Semantic Kernel plugins for an on-call DevOps copilot."""
from __future__ import annotations

import asyncio
import logging
import os
import smtplib
import subprocess
from email.message import EmailMessage
from typing import Annotated
from urllib.parse import urlparse

import aiohttp
from semantic_kernel import Kernel
from semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion
from semantic_kernel.functions import kernel_function

logger = logging.getLogger("devops_copilot")

ALLOWED_API_HOSTS = frozenset({"api.github.com", "status.atlassian.com", "api.pagerduty.com"})


class ShellPlugin:
    """Lets the copilot run short scripts in the checked-out project."""

    def __init__(self, workdir: str, warmup_cmd: str | None = None) -> None:
        self.workdir = workdir
        if warmup_cmd:
            self._warmup(warmup_cmd)

    def _warmup(self, cmd: str) -> None:
        # operator-configured, runs once when the kernel is built
        subprocess.run(cmd, shell=True, cwd=self.workdir, check=False)

    @kernel_function(name="run_script", description="Run a short bash script in the project directory")
    def run_script(
        self,
        script: Annotated[str, "bash script to run"],
    ) -> Annotated[str, "combined stdout and stderr"]:
        logger.info("run_script: %s", script)
        proc = subprocess.run(
            ["bash", "-c", script],
            cwd=self.workdir,
            capture_output=True,
            text=True,
            timeout=120,
        )
        return proc.stdout + proc.stderr


class HttpPlugin:
    """Read-only access to the incident tooling APIs."""

    @kernel_function(name="get_json", description="GET a JSON document from an approved API host")
    async def get_json(self, url: Annotated[str, "absolute https URL"]) -> str:
        host = urlparse(url).hostname
        if host not in ALLOWED_API_HOSTS:
            raise ValueError(f"host {host!r} is not on the allowlist")
        logger.info("get_json %s", url)
        async with aiohttp.ClientSession() as session:
            async with session.get(url, allow_redirects=False) as resp:
                return await resp.text()


class MailPlugin:
    """Sends status e-mails as the on-call engineer."""

    def __init__(self, smtp_host: str, sender: str, password: str) -> None:
        self.smtp_host = smtp_host
        self.sender = sender
        self.password = password

    @kernel_function(name="send_email", description="Send an e-mail on behalf of the on-call engineer")
    def send_email(
        self,
        to: Annotated[str, "recipient address"],
        subject: Annotated[str, "subject line"],
        body: Annotated[str, "plain-text body"],
    ) -> str:
        msg = EmailMessage()
        msg["From"] = self.sender
        msg["To"] = to
        msg["Subject"] = subject
        msg.set_content(body)
        logger.info("send_email to=%s subject=%s", to, subject)
        with smtplib.SMTP_SSL(self.smtp_host, 465) as smtp:
            smtp.login(self.sender, self.password)
            smtp.send_message(msg)
        return f"sent to {to}"


def build_kernel() -> Kernel:
    kernel = Kernel()
    kernel.add_service(OpenAIChatCompletion(service_id="chat", ai_model_id="gpt-4o"))
    kernel.add_plugin(
        ShellPlugin(os.environ.get("PROJECT_DIR", "."), os.environ.get("COPILOT_WARMUP")),
        plugin_name="shell",
    )
    kernel.add_plugin(HttpPlugin(), plugin_name="http")
    kernel.add_plugin(
        MailPlugin(os.environ["SMTP_HOST"], os.environ["ONCALL_EMAIL"], os.environ["SMTP_PASSWORD"]),
        plugin_name="mail",
    )
    return kernel


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    kernel = build_kernel()
    result = await kernel.invoke_prompt("Summarise open incidents and e-mail the team lead.")
    print(result)


if __name__ == "__main__":
    asyncio.run(main())
