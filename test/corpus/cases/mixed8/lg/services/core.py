"""Plain helpers that do the risky work. They never check anything themselves."""
import os
import shutil
import smtplib
import sqlite3
import subprocess
from email.message import EmailMessage

import boto3
import requests

DB_PATH = "/srv/agent/data/shop.db"
SMTP_HOST = "smtp.example.com"
BUCKET = "acme-agent-exports"


def http_get(url: str, params: dict | None = None) -> str:
    resp = requests.get(url, params=params, timeout=10)
    resp.raise_for_status()
    return resp.text


def http_post(url: str, payload: dict) -> dict:
    resp = requests.post(url, json=payload, timeout=10)
    resp.raise_for_status()
    return resp.json()


def read_text(path: str) -> str:
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def remove_tree(path: str) -> None:
    shutil.rmtree(path)


def rw_connect() -> sqlite3.Connection:
    return sqlite3.connect(DB_PATH)


def ro_connect() -> sqlite3.Connection:
    return sqlite3.connect(f"file:{DB_PATH}?mode=ro", uri=True)


def run_sql(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list:
    with conn:
        return conn.execute(sql, params).fetchall()


def run_argv(argv: list[str]) -> str:
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    return done.stdout


def send_mail(to: str, subject: str, body: str) -> None:
    msg = EmailMessage()
    msg["From"] = "agent@example.com"
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP(SMTP_HOST, 587) as smtp:
        smtp.starttls()
        smtp.login("agent@example.com", os.environ["SMTP_PASSWORD"])
        smtp.send_message(msg)


def delete_object(key: str) -> None:
    boto3.client("s3").delete_object(Bucket=BUCKET, Key=key)
