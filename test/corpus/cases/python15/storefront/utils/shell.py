"""Subprocess helpers for ops tasks (deploys, reports, document conversion)."""
import subprocess

from storefront import settings


def run(command, cwd=None, timeout=120):
    """Run a shell command line in the repository and capture its output."""
    return subprocess.run(
        command,
        shell=True,
        cwd=cwd or settings.REPO_DIR,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def git(*args):
    result = subprocess.run(
        ["git", *args],
        cwd=settings.REPO_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def convert_to_pdf(src_path, out_dir):
    subprocess.run(
        ["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", out_dir, src_path],
        check=True,
        timeout=300,
    )
