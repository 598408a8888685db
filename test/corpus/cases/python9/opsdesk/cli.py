"""opsdesk operator CLI.

The sub-commands are for operators at a terminal; only `chat` talks to a model,
through the small tool-calling loop at the bottom of this file.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys

import requests
from openai import OpenAI

from opsdesk import repo
from opsdesk.config import ALLOWED_SERVICES, CONFIG_DIR

logger = logging.getLogger("opsdesk.cli")


# --- operator commands (not reachable by the model) -------------------------

def cmd_fetch(args: argparse.Namespace) -> int:
    resp = requests.get(args.url, timeout=10)
    print(resp.text)
    return 0 if resp.ok else 1


def cmd_purge(args: argparse.Namespace) -> int:
    shutil.rmtree(args.path)
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    with repo.connect() as conn:
        for row in repo.run_report(conn, args.sql):
            print(row)
    return 0


def cmd_sh(args: argparse.Namespace) -> int:
    return subprocess.run(args.command, shell=True, check=False).returncode


def cmd_env(args: argparse.Namespace) -> int:
    print(os.environ.get(args.name, ""))
    return 0


# --- model-facing tools -----------------------------------------------------

def restart_service(service: str) -> str:
    if service not in ALLOWED_SERVICES:
        return f"{service} is not a restartable service"
    print(f"restarting {service}")
    proc = subprocess.run(["systemctl", "restart", service], capture_output=True, text=True)
    return "ok" if proc.returncode == 0 else proc.stderr


def read_config(name: str) -> str:
    logger.info("read_config %s", name)
    with open(os.path.join(CONFIG_DIR, name), encoding="utf-8") as fh:
        return fh.read()


TOOLS = {"restart_service": restart_service, "read_config": read_config}
TOOL_SCHEMAS = [
    {
        "type": "function",
        "function": {
            "name": "restart_service",
            "description": "Restart one of the opsdesk services.",
            "parameters": {
                "type": "object",
                "properties": {"service": {"type": "string"}},
                "required": ["service"],
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "read_config",
            "description": "Read a configuration file from /etc/opsdesk.",
            "parameters": {
                "type": "object",
                "properties": {"name": {"type": "string"}},
                "required": ["name"],
            },
        },
    },
]


def cmd_chat(args: argparse.Namespace) -> int:
    client = OpenAI()
    messages: list = [
        {"role": "system", "content": "You are the opsdesk operator assistant."},
        {"role": "user", "content": args.prompt},
    ]
    for _ in range(8):
        resp = client.chat.completions.create(model="gpt-4o-mini", messages=messages, tools=TOOL_SCHEMAS)
        msg = resp.choices[0].message
        messages.append(msg)
        if not msg.tool_calls:
            print(msg.content)
            return 0
        for call in msg.tool_calls:
            result = TOOLS[call.function.name](**json.loads(call.function.arguments))
            messages.append({"role": "tool", "tool_call_id": call.id, "content": str(result)})
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="opsdesk")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("fetch"); p.add_argument("url"); p.set_defaults(func=cmd_fetch)
    p = sub.add_parser("purge"); p.add_argument("path"); p.set_defaults(func=cmd_purge)
    p = sub.add_parser("sql"); p.add_argument("sql"); p.set_defaults(func=cmd_sql)
    p = sub.add_parser("sh"); p.add_argument("command"); p.set_defaults(func=cmd_sh)
    p = sub.add_parser("env"); p.add_argument("name"); p.set_defaults(func=cmd_env)
    p = sub.add_parser("chat"); p.add_argument("prompt"); p.set_defaults(func=cmd_chat)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
