"""Remote-access tools served over MCP for the on-call assistant."""
from __future__ import annotations

import ftplib
import json
import logging
import os
import subprocess

import paramiko
import websockets
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("oncall-remote")
log = logging.getLogger("oncall.remote")

REPO_DIR = "/srv/opsbot/checkout"
KNOWN_HOSTS = "/etc/opsbot/known_hosts"
SSH_USER = "opsbot"
# Comma-separated partner hosts; unset in most environments.
FTP_HOSTS = {h.strip() for h in os.environ.get("OPSBOT_FTP_HOSTS", "").split(",") if h.strip()}


def _ssh_run(host: str, command: str) -> str:
    client = paramiko.SSHClient()
    client.load_host_keys(KNOWN_HOSTS)
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(hostname=host, username=SSH_USER, timeout=10)
    try:
        _stdin, stdout, stderr = client.exec_command(command, timeout=30)
        return stdout.read().decode() + stderr.read().decode()
    finally:
        client.close()


@mcp.tool()
async def tail_event_stream(ws_url: str, max_events: int = 20) -> list[dict]:
    """Connect to a deployment event-stream websocket and return the latest events."""
    events: list[dict] = []
    async with websockets.connect(ws_url, open_timeout=10) as ws:
        while len(events) < max_events:
            events.append(json.loads(await ws.recv()))
    return events


@mcp.tool()
def check_host_uptime(host: str) -> str:
    """Return the `uptime` output of a fleet host over SSH."""
    log.info("check_host_uptime host=%s", host)
    return _ssh_run(host, "uptime")


@mcp.tool()
def list_ftp_drop(host: str, directory: str = "/outgoing") -> list[str]:
    """List files waiting in a partner's FTP drop directory."""
    if FTP_HOSTS and host not in FTP_HOSTS:
        raise ValueError(f"{host} is not a known partner FTP host")
    log.info("list_ftp_drop host=%s dir=%s", host, directory)
    with ftplib.FTP(host, timeout=20) as ftp:
        ftp.login(user="opsbot", passwd=os.environ["PARTNER_FTP_PASSWORD"])
        return ftp.nlst(directory)


@mcp.tool()
def run_shell_diagnostic(command: str) -> str:
    """Run a diagnostic shell command (df -h, free -m, ss -tlnp ...) on the assistant host."""
    log.info("run_shell_diagnostic command=%s", command)
    proc = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=30)
    return proc.stdout[-8000:] or proc.stderr[-8000:]


@mcp.tool()
def recent_commits(count: int = 10, author: str | None = None) -> str:
    """Show the most recent commits of the deployed checkout."""
    log.info("recent_commits count=%s author=%s", count, author)
    args = ["git", "-C", REPO_DIR, "log", "--oneline", f"-n{int(count)}"]
    if author:
        args.append(f"--author={author}")
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=30).stdout


def bootstrap_host(host: str, script: str) -> str:
    """Provisioning helper run by the platform team from their laptops."""
    return _ssh_run(host, f"sudo bash -c {script!r}")


if __name__ == "__main__":
    mcp.run()
