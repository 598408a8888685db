"""Admin script: rotate the partner API key and push it to the secrets manager.

Usage: python -m storefront.scripts.rotate_keys --var ACME_PARTNER_KEY --push https://vault.internal/v1/kv/storefront
"""
import argparse
import os
import shutil
import sys

import requests


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--var", required=True)
    parser.add_argument("--push", required=True, help="secrets manager URL")
    parser.add_argument("--wipe-cache", default=None)
    args = parser.parse_args(argv)

    old_value = os.environ[args.var]
    resp = requests.post(
        f"{args.push}/rotate",
        json={"name": args.var, "previous": old_value[-4:]},
        headers={"X-Vault-Token": os.environ["VAULT_TOKEN"]},
        timeout=30,
    )
    resp.raise_for_status()
    if args.wipe_cache:
        shutil.rmtree(args.wipe_cache, ignore_errors=True)
    print(f"rotated {args.var}; new version {resp.json()['version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
