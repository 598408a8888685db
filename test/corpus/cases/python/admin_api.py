"""Admin HTTP API for the support dashboard (humans only, not the agent)."""
import sqlite3

import httpx
from fastapi import FastAPI

app = FastAPI()
db = sqlite3.connect("/srv/support.db", check_same_thread=False)


@app.get("/proxy")
async def proxy(url: str) -> str:
    async with httpx.AsyncClient() as client:
        return (await client.get(url)).text


@app.get("/tickets")
def tickets(status: str) -> list:
    return db.execute(f"SELECT * FROM tickets WHERE status = '{status}'").fetchall()


@app.delete("/tickets/{ticket_id}")
def delete_ticket(ticket_id: int) -> dict:
    db.execute("DELETE FROM tickets WHERE id = ?", (ticket_id,))
    db.commit()
    return {"ok": True}
