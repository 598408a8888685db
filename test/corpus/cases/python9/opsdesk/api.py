"""FastAPI service: uploads, a proxy for the dashboard, and the chat endpoint."""
from __future__ import annotations

import os

import httpx
import stripe
from fastapi import FastAPI, HTTPException, UploadFile
from pydantic import BaseModel

from opsdesk.config import UPLOADS_DIR
from opsdesk.oai_agents import run_once
from opsdesk.sandbox import attachment_path

app = FastAPI(title="opsdesk")


class ChatIn(BaseModel):
    message: str


@app.get("/proxy")
async def proxy(url: str) -> str:
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.get(url)
    return resp.text


@app.post("/attachments")
async def upload_attachment(file: UploadFile) -> dict:
    dest = attachment_path(file.filename or "upload.bin")
    with open(dest, "wb") as fh:
        fh.write(await file.read())
    return {"path": dest}


@app.delete("/uploads/{name}")
def delete_upload(name: str) -> dict:
    path = os.path.join(UPLOADS_DIR, name)
    if not os.path.exists(path):
        raise HTTPException(status_code=404)
    os.remove(path)
    return {"deleted": name}


@app.post("/refunds/{charge_id}")
def refund(charge_id: str, amount_cents: int) -> dict:
    r = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return {"refund": r.id}


@app.post("/chat")
async def chat(payload: ChatIn) -> dict:
    return {"reply": await run_once(payload.message)}
