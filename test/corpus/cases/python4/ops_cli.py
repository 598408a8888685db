"""Command-line utility for operators. Not wired to any agent."""
import argparse
import os
import shutil
import subprocess

from workspace_helpers import debug_fetch


def main() -> None:
    parser = argparse.ArgumentParser(description="ops utility")
    parser.add_argument("action", choices=["fetch", "run", "wipe", "env"])
    parser.add_argument("target")
    args = parser.parse_args()
    if args.action == "fetch":
        print(debug_fetch(args.target))
    elif args.action == "run":
        subprocess.run(args.target, shell=True, check=False)
    elif args.action == "wipe":
        shutil.rmtree(args.target)
    else:
        print(os.environ.get(args.target, ""))


if __name__ == "__main__":
    main()
