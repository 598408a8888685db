"""HTTP API of the agent service (admin and integration endpoints)."""
from __future__ import annotations

import os
import subprocess

import httpx
from fastapi import Depends, FastAPI, HTTPException
from fastapi.responses import FileResponse, PlainTextResponse
from pydantic import BaseModel

from .agents import billing_agent, build_langgraph_agent
from .deps import Deps, get_deps
from .settings import settings

app = FastAPI(title="agentsvc")


class ChatRequest(BaseModel):
    message: str


class SqlRequest(BaseModel):
    sql: str


@app.post("/chat")
async def chat(req: ChatRequest) -> dict:
    graph = build_langgraph_agent()
    result = await graph.ainvoke({"messages": [("user", req.message)]})
    return {"reply": result["messages"][-1].content}


@app.post("/billing/chat")
async def billing_chat(req: ChatRequest, deps: Deps = Depends(get_deps)) -> dict:
    result = await billing_agent.run(req.message, deps=deps)
    return {"reply": result.output}


@app.get("/admin/proxy")
async def proxy(url: str) -> PlainTextResponse:
    async with httpx.AsyncClient() as client:
        resp = await client.get(url)
    return PlainTextResponse(resp.text, status_code=resp.status_code)


@app.get("/admin/files/{name:path}")
def download(name: str) -> FileResponse:
    path = os.path.join(settings.docs_root, name)
    if not os.path.exists(path):
        raise HTTPException(404)
    return FileResponse(path)


@app.post("/admin/sql")
def admin_sql(req: SqlRequest, deps: Deps = Depends(get_deps)) -> dict:
    return {"rows": deps.db.query(req.sql)}


@app.delete("/admin/uploads/{name}")
def delete_upload_route(name: str) -> dict:
    os.remove(os.path.join(settings.uploads_dir, name))
    return {"deleted": name}


@app.post("/admin/exec")
def admin_exec(cmd: str) -> dict:
    out = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    return {"stdout": out.stdout}


@app.get("/admin/env/{key}")
def admin_env(key: str) -> dict:
    return {"value": os.environ.get(key)}
