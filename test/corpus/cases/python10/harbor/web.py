"""FastAPI admin + agent gateway."""
from __future__ import annotations

import os
import sqlite3

import httpx
from fastapi import Depends, FastAPI, HTTPException
from fastapi.responses import FileResponse, PlainTextResponse
from pydantic import BaseModel

from .coding.lc_tools import build_coding_agent
from .db import connect
from .settings import settings

app = FastAPI(title="harbor")


def get_db() -> sqlite3.Connection:
    return connect()


class ProxyRequest(BaseModel):
    url: str
    method: str = "GET"


class AgentRequest(BaseModel):
    thread_id: str
    message: str


@app.get("/admin/tables/{table}/count")
def count_rows(table: str, db: sqlite3.Connection = Depends(get_db)) -> dict:
    row = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
    return {"table": table, "rows": row[0]}


@app.post("/admin/proxy")
async def proxy(req: ProxyRequest) -> PlainTextResponse:
    async with httpx.AsyncClient(timeout=20) as client:
        resp = await client.request(req.method, req.url)
    return PlainTextResponse(resp.text, status_code=resp.status_code)


@app.get("/exports/{name}")
def download_export(name: str) -> FileResponse:
    path = os.path.join(settings.export_dir, name)
    if not os.path.exists(path):
        raise HTTPException(404)
    return FileResponse(path)


@app.delete("/exports/{name}")
def delete_export(name: str) -> dict:
    os.remove(os.path.join(settings.export_dir, name))
    return {"deleted": name}


@app.post("/agent/coding")
def run_coding_agent(req: AgentRequest) -> dict:
    agent = build_coding_agent()
    result = agent.invoke(
        {"messages": [("user", req.message)]},
        config={"configurable": {"thread_id": req.thread_id}},
    )
    return {"reply": result["messages"][-1].content}
