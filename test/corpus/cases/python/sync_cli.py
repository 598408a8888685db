#!/usr/bin/env python3
"""Operator CLI: mirror a remote file and run a post-sync hook. Not used by the agent."""
import argparse
import os
import shutil
import subprocess

import requests


def mirror(url: str, dest: str) -> None:
    data = requests.get(url, timeout=60).content
    with open(dest, "wb") as fh:
        fh.write(data)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("url")
    p.add_argument("dest")
    p.add_argument("--hook")
    p.add_argument("--clean")
    a = p.parse_args()
    if a.clean:
        shutil.rmtree(a.clean)
    mirror(a.url, a.dest)
    if a.hook:
        subprocess.run(a.hook, shell=True, check=True)
    print(os.environ.get(a.dest.upper(), ""))


if __name__ == "__main__":
    main()
