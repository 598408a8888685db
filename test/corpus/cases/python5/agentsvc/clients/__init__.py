from .db import Database
from .http import HttpClient
from .mail import Mailer
from .payments import PaymentsClient
from .storage import BlobStore

__all__ = ["Database", "HttpClient", "Mailer", "PaymentsClient", "BlobStore"]
