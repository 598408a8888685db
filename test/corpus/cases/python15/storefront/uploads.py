"""Storage of customer uploads (return photos, invoices, CSV imports)."""
import os
import uuid

from werkzeug.utils import secure_filename

from storefront import settings


def save_upload(file_storage):
    name = f"{uuid.uuid4().hex}-{secure_filename(file_storage.filename)}"
    dest = os.path.join(settings.UPLOAD_ROOT, name)
    file_storage.save(dest)
    return name


def upload_path(filename):
    return os.path.join(settings.UPLOAD_ROOT, filename)


def read_upload(filename):
    with open(upload_path(filename), "rb") as fh:
        return fh.read()


def list_uploads():
    return sorted(os.listdir(settings.UPLOAD_ROOT))


def safe_path(root, name):
    """Resolve `name` under `root`, refusing anything that escapes it."""
    root_real = os.path.realpath(root)
    candidate = os.path.realpath(os.path.join(root_real, name))
    if not candidate.startswith(root_real + os.sep):
        raise PermissionError(f"{name!r} is outside {root}")
    return candidate


def delete_upload(filename):
    os.remove(os.path.join(settings.UPLOAD_ROOT, os.path.basename(filename)))
