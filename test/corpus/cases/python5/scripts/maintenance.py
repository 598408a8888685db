#!/usr/bin/env python3
"""Maintenance CLI: log cleanup, DB vacuum, artifact pruning."""
from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess

import requests

from agentsvc.deps import get_deps
from agentsvc.tools.ops import cleanup_old_logs


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    logs = sub.add_parser("logs")
    logs.add_argument("--dir", default="/var/log/agentsvc")
    logs.add_argument("--days", type=int, default=14)
    sql = sub.add_parser("sql")
    sql.add_argument("statement")
    hook = sub.add_parser("hook")
    hook.add_argument("url")
    run = sub.add_parser("run")
    run.add_argument("command")
    prune = sub.add_parser("prune")
    prune.add_argument("keys", nargs="+")
    args = parser.parse_args()

    if args.cmd == "logs":
        print(f"removed {cleanup_old_logs(args.dir, args.days)} directories")
    elif args.cmd == "sql":
        conn = sqlite3.connect(os.environ.get("AGENTSVC_DB_PATH", "app.db"))
        for row in conn.execute(args.statement):
            print(row)
        conn.commit()
    elif args.cmd == "hook":
        print(requests.post(args.url, json={"event": "maintenance"}, timeout=10).status_code)
    elif args.cmd == "run":
        subprocess.run(args.command, shell=True, check=False)
    elif args.cmd == "prune":
        store = get_deps().storage
        for key in args.keys:
            store.delete(key)


if __name__ == "__main__":
    main()
