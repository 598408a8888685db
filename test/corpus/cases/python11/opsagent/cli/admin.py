"""opsagent-admin — operator CLI.  Runs with operator credentials on the ops host;
nothing here is exposed to the agent."""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys

import httpx
from sqlalchemy import text

from opsagent.container import get_container
from opsagent.logging_utils import configure_logging, get_logger
from opsagent.utils.proc import run_argv, run_shell

logger = get_logger("opsagent.admin")


def cmd_reset_scratch(args: argparse.Namespace) -> int:
    target = os.path.join(get_container().settings.scratch_root, args.subdir)
    if not args.yes and input(f"rm -rf {target}? [y/N] ").strip().lower() != "y":
        return 1
    shutil.rmtree(target, ignore_errors=args.force)
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    async def _run() -> None:
        async with get_container().warehouse.engine.begin() as conn:
            result = await conn.execute(text(args.statement))
            if result.returns_rows:
                for row in result:
                    print(dict(row._mapping))

    asyncio.run(_run())
    return 0


def cmd_drop_table(args: argparse.Namespace) -> int:
    async def _run() -> None:
        await get_container().warehouse.execute(f"DROP TABLE IF EXISTS {args.table} CASCADE")

    asyncio.run(_run())
    return 0


def cmd_sh(args: argparse.Namespace) -> int:
    result = run_shell(args.command, check=False)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.returncode


def cmd_pg_dump(args: argparse.Namespace) -> int:
    result = asyncio.run(run_argv([args.pg_dump or "pg_dump", "--schema-only", args.dsn], timeout=300))
    sys.stdout.write(result.stdout)
    return result.returncode


def cmd_probe(args: argparse.Namespace) -> int:
    response = httpx.get(args.url, verify=not args.insecure, timeout=10)
    print(response.status_code, response.headers.get("server"))
    return 0 if response.is_success else 2


def cmd_env(args: argparse.Namespace) -> int:
    print(os.environ[args.name])
    return 0


def main(argv: list[str] | None = None) -> int:
    configure_logging()
    parser = argparse.ArgumentParser(prog="opsagent-admin")
    sub = parser.add_subparsers(dest="cmd", required=True)

    p = sub.add_parser("reset-scratch")
    p.add_argument("subdir")
    p.add_argument("--yes", action="store_true")
    p.add_argument("--force", action="store_true")
    p.set_defaults(fn=cmd_reset_scratch)

    p = sub.add_parser("sql")
    p.add_argument("statement")
    p.set_defaults(fn=cmd_sql)

    p = sub.add_parser("drop-table")
    p.add_argument("table")
    p.set_defaults(fn=cmd_drop_table)

    p = sub.add_parser("sh")
    p.add_argument("command")
    p.set_defaults(fn=cmd_sh)

    p = sub.add_parser("pg-dump")
    p.add_argument("dsn")
    p.add_argument("--pg-dump")
    p.set_defaults(fn=cmd_pg_dump)

    p = sub.add_parser("probe")
    p.add_argument("url")
    p.add_argument("--insecure", action="store_true")
    p.set_defaults(fn=cmd_probe)

    p = sub.add_parser("env")
    p.add_argument("name")
    p.set_defaults(fn=cmd_env)

    args = parser.parse_args(argv)
    logger.info("admin command %s", args.cmd)
    return args.fn(args)


if __name__ == "__main__":
    raise SystemExit(main())
