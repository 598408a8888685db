"""Operator CLI.

    python -m harbor.cli sql "SELECT count(*) FROM orders"
    python -m harbor.cli refund ch_123 --amount 1500
"""
from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys

import requests

from .db import connect
from .notify import post_slack
from .payments import refund_charge
from .settings import missing_secrets, settings


def cmd_sql(args: argparse.Namespace) -> int:
    conn = connect(args.db)
    for row in conn.execute(args.query):
        print(tuple(row))
    conn.commit()
    return 0


def cmd_fetch(args: argparse.Namespace) -> int:
    resp = requests.get(args.url, timeout=args.timeout)
    sys.stdout.write(resp.text)
    return 0 if resp.ok else 1


def cmd_rm(args: argparse.Namespace) -> int:
    target = os.path.join(settings.workspace_root, args.path)
    if os.path.isdir(target):
        shutil.rmtree(target)
    else:
        os.remove(target)
    return 0


def cmd_refund(args: argparse.Namespace) -> int:
    refund = refund_charge(args.charge, args.amount, args.reason)
    print(refund.id, refund.status)
    return 0


def cmd_shell(args: argparse.Namespace) -> int:
    return subprocess.run(args.command, shell=True, cwd=settings.workspace_root).returncode


def cmd_env(args: argparse.Namespace) -> int:
    print(os.environ[args.name])
    return 0


def cmd_announce(args: argparse.Namespace) -> int:
    post_slack(args.channel, args.text)
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    missing = missing_secrets()
    for name in missing:
        print(f"missing: {name}")
    return 1 if missing else 0


COMMANDS = {
    "sql": cmd_sql,
    "fetch": cmd_fetch,
    "rm": cmd_rm,
    "refund": cmd_refund,
    "shell": cmd_shell,
    "env": cmd_env,
    "announce": cmd_announce,
    "doctor": cmd_doctor,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="harbor")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("sql", help="run a SQL statement against the analytics DB")
    p.add_argument("query")
    p.add_argument("--db", default=None)

    p = sub.add_parser("fetch", help="GET a URL")
    p.add_argument("url")
    p.add_argument("--timeout", type=float, default=15)

    p = sub.add_parser("rm", help="remove a path from the workspace")
    p.add_argument("path")

    p = sub.add_parser("refund", help="refund a Stripe charge")
    p.add_argument("charge")
    p.add_argument("--amount", type=int)
    p.add_argument("--reason", default="requested_by_customer")

    p = sub.add_parser("shell", help="run a shell command in the workspace")
    p.add_argument("command")

    p = sub.add_parser("env", help="print an environment variable")
    p.add_argument("name")

    p = sub.add_parser("announce", help="post to Slack")
    p.add_argument("channel")
    p.add_argument("text")

    sub.add_parser("doctor", help="check configuration")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else settings.log_level)
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    raise SystemExit(main())
