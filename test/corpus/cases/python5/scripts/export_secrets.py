#!/usr/bin/env python3
"""Print selected environment variables for the deploy pipeline."""
import os
import sys


def export(names: list[str]) -> None:
    for name in names:
        print(f"{name}={os.environ[name]}")


if __name__ == "__main__":
    export(sys.argv[1:])
