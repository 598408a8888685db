"""Operator web console (Flask + FastAPI). Humans use these routes; no model is involved."""
import os
import sqlite3
import subprocess

import requests
from fastapi import FastAPI
from flask import Flask, request

flask_app = Flask(__name__)
api = FastAPI()

EXPORTS = "/data/exports"


@flask_app.route("/proxy")
def proxy():
    url = request.args["url"]
    return requests.get(url, timeout=10).text


@flask_app.route("/exports/<name>", methods=["DELETE"])
def delete_export(name: str):
    os.remove(os.path.join(EXPORTS, name))
    return {"deleted": name}


@api.get("/orders")
def search_orders(q: str):
    with sqlite3.connect("/var/lib/shop/warehouse.db") as conn:
        return conn.execute(f"SELECT * FROM orders WHERE note LIKE '%{q}%'").fetchall()


@api.post("/diagnostics")
def run_diagnostic(cmd: str):
    return {"out": subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout}


@api.get("/env/{name}")
def show_env(name: str):
    return {"value": os.environ.get(name)}
