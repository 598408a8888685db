"""Operator maintenance CLI.  Runs from cron or a terminal; no agent calls any of this."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess

from .common import DATA_ROOT, connect_db, get_json


def purge_old_tickets(days: str) -> int:
    conn = connect_db()
    cur = conn.execute(f"DELETE FROM tickets WHERE created_at < date('now', '-{days} days')")
    conn.commit()
    return cur.rowcount


def run_hook(command: str) -> None:
    subprocess.run(command, shell=True, check=True)


def clear_cache(subdir: str) -> None:
    shutil.rmtree(os.path.join(DATA_ROOT, "cache", subdir), ignore_errors=True)


def show_secret(name: str) -> str:
    return os.environ[name]


def main() -> None:
    parser = argparse.ArgumentParser(prog="helpdesk-maint")
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("purge").add_argument("days")
    sub.add_parser("hook").add_argument("command")
    sub.add_parser("clear-cache").add_argument("subdir")
    sub.add_parser("fetch").add_argument("url")
    sub.add_parser("secret").add_argument("name")
    args = parser.parse_args()

    if args.cmd == "purge":
        print(purge_old_tickets(args.days))
    elif args.cmd == "hook":
        run_hook(args.command)
    elif args.cmd == "clear-cache":
        clear_cache(args.subdir)
    elif args.cmd == "fetch":
        print(get_json(args.url))
    elif args.cmd == "secret":
        print(show_secret(args.name))


if __name__ == "__main__":
    main()
