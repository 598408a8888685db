import subprocess

import pytest

from agentsvc.tools import ops, web


def test_run_shell_echo():
    assert ops.run_shell("echo hello").strip() == "hello"


def test_evaluate_expression():
    assert ops.evaluate_expression("2 * 21") == "42"


def test_run_diagnostic_rejects_unknown_program():
    with pytest.raises(PermissionError):
        ops.run_diagnostic("rm", ["-rf", "/"])


def test_restart_service_declined(monkeypatch):
    monkeypatch.setattr("builtins.input", lambda _prompt: "n")
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("should not run"))
    assert ops.restart_service("agentsvc-worker") == "restart declined"


def test_fetch_url(httpx_mock):
    httpx_mock.add_response(url="https://example.org/", text="<title>Hi</title>")
    assert "Hi" in web.fetch_url.invoke({"url": "https://example.org/"})


def test_extract_title():
    assert web.extract_title.invoke({"html": "<title> Docs </title>"}) == "Docs"
