"""FastAPI service and CLI serving the graphs."""
import argparse
import logging
import sys
import uuid

import requests
from fastapi import FastAPI, HTTPException
from langgraph.types import Command
from pydantic import BaseModel

from graph import GRAPHS
from tools_files import summarise_upload

logger = logging.getLogger(__name__)
api = FastAPI(title="acme-agents")


class ChatRequest(BaseModel):
    graph: str
    message: str
    thread_id: str | None = None


class ResumeRequest(BaseModel):
    graph: str
    thread_id: str
    decision: str


def _config(thread_id: str) -> dict:
    return {"configurable": {"thread_id": thread_id}}


@api.post("/chat")
def chat(req: ChatRequest) -> dict:
    graph = GRAPHS.get(req.graph)
    if graph is None:
        raise HTTPException(404, "unknown graph")
    thread_id = req.thread_id or str(uuid.uuid4())
    result = graph.invoke({"messages": [("user", req.message)], "thread_id": thread_id}, _config(thread_id))
    return {"thread_id": thread_id, "reply": result["messages"][-1].content}


@api.post("/resume")
def resume(req: ResumeRequest) -> dict:
    graph = GRAPHS[req.graph]
    if req.graph == "ops":
        result = graph.invoke(None, _config(req.thread_id)) if req.decision == "approve" else None
    else:
        result = graph.invoke(Command(resume=req.decision), _config(req.thread_id))
    return {"reply": result["messages"][-1].content if result else "rejected"}


def cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="acme-agents")
    parser.add_argument("--graph", default="support")
    parser.add_argument("--probe", help="check that a URL answers before chatting")
    parser.add_argument("--upload", help="print the start of an uploaded file")
    parser.add_argument("message", nargs="?")
    args = parser.parse_args(argv)
    if args.probe:
        print(requests.get(args.probe, timeout=5).status_code)
    if args.upload:
        print(summarise_upload(args.upload))
    if args.message:
        thread_id = str(uuid.uuid4())
        out = GRAPHS[args.graph].invoke({"messages": [("user", args.message)]}, _config(thread_id))
        print(out["messages"][-1].content)
    return 0


if __name__ == "__main__":
    sys.exit(cli(sys.argv[1:]))
