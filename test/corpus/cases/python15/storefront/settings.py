"""Runtime configuration for the storefront app.

Everything comes from the process environment so the same image can run in
staging and production.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

DATABASE_PATH = os.environ.get("STOREFRONT_DB", str(BASE_DIR / "storefront.sqlite3"))
UPLOAD_ROOT = os.environ.get("UPLOAD_ROOT", "/var/lib/storefront/uploads")
INVOICE_DIR = os.environ.get("INVOICE_DIR", "/var/lib/storefront/invoices")
EXPORT_DIR = os.environ.get("EXPORT_DIR", "/var/lib/storefront/exports")
REPO_DIR = os.environ.get("REPO_DIR", str(BASE_DIR))

SECRET_KEY = os.environ["STOREFRONT_SECRET_KEY"]
STRIPE_API_KEY = os.environ["STRIPE_API_KEY"]
STRIPE_WEBHOOK_SECRET = os.environ["STRIPE_WEBHOOK_SECRET"]
GITHUB_WEBHOOK_SECRET = os.environ.get("GITHUB_WEBHOOK_SECRET", "")

SMTP_HOST = os.environ.get("SMTP_HOST", "smtp.mailgun.org")
SMTP_PORT = int(os.environ.get("SMTP_PORT", "587"))
SMTP_USER = os.environ.get("SMTP_USER", "")
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
DEFAULT_FROM_EMAIL = "orders@acme-outfitters.com"

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def env(name, default=None):
    """Read an arbitrary setting from the environment (used by admin scripts)."""
    try:
        return os.environ[name]
    except KeyError:
        return default
