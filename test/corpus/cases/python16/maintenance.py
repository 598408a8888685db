"""Nightly maintenance job (cron). Nothing in this module is exposed to an agent."""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
from pathlib import Path

import boto3
import keyring
import urllib3


def purge_bucket_prefix(bucket: str, prefix: str) -> int:
    s3 = boto3.client("s3")
    count = 0
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for obj in page.get("Contents", []):
            s3.delete_object(Bucket=bucket, Key=obj["Key"])
            count += 1
    return count


def clean_dir(path: str) -> None:
    shutil.rmtree(path, ignore_errors=True)
    Path(path).mkdir(parents=True)


def run_hook(command: str) -> int:
    return subprocess.run(command, shell=True, check=False).returncode


def ping(url: str) -> int:
    return urllib3.PoolManager().request("GET", url).status


def show_credential(var_name: str, service: str | None = None) -> str:
    if service:
        return keyring.get_password(service, os.environ.get("USER", "root")) or ""
    return os.environ[var_name]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("action", choices=["purge", "clean", "hook", "ping", "cred"])
    parser.add_argument("target")
    parser.add_argument("extra", nargs="?")
    args = parser.parse_args()
    if args.action == "purge":
        print(purge_bucket_prefix(args.target, args.extra or ""))
    elif args.action == "clean":
        clean_dir(args.target)
    elif args.action == "hook":
        raise SystemExit(run_hook(args.target))
    elif args.action == "ping":
        print(ping(args.target))
    else:
        print(show_credential(args.target, args.extra))


if __name__ == "__main__":
    main()
