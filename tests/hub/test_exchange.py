"""The exchange: the learner's kernel publishes its progress document (helpers.core.exchange), the hub service
(hub/hub_exchange.py) checks and keeps it, and only trainers read everyone's."""

from __future__ import annotations

import contextlib
import http.server
import json
import os
import stat
import threading
import time

import pytest

from helpers.core import exchange, progress

DOCUMENT = {
    "version": 1,
    "items": {
        "walkthrough:PROC-SELLER-CENTRAL": {"done_at": "2026-12-02T10:00:00+09:00"},
        "quiz:final": {"done_at": "2026-12-02T10:00:00+09:00", "score": 7, "best": 7},
    },
}


@contextlib.contextmanager
def fake_exchange(status: int = 200, answer: dict | None = None):
    """A stand-in for the service on 127.0.0.1 that records each request."""
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def _reply(self):
            length = int(self.headers.get("Content-Length") or 0)
            seen.append((self.command, self.path, self.headers.get("Authorization"), self.rfile.read(length)))
            body = json.dumps(answer or {}).encode()
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_PUT = _reply

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/services/kit-exchange/", seen
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def on_hub(monkeypatch):
    def configure(url: str):
        monkeypatch.setenv(exchange.URL_ENV, url)
        monkeypatch.setenv(exchange.TOKEN_ENV, "secret-token")

    return configure


def test_off_the_hub_nothing_is_sent_and_fetching_says_where_it_works(monkeypatch):
    monkeypatch.delenv(exchange.URL_ENV, raising=False)
    monkeypatch.delenv(exchange.TOKEN_ENV, raising=False)
    assert exchange.publish(DOCUMENT) is None and not exchange.configured()
    with pytest.raises(exchange.Unavailable, match="JupyterHub の上でだけ"):
        exchange.fetch_all()


def test_recording_progress_publishes_the_whole_document_with_the_servers_token(on_hub, fresh_progress):
    with fake_exchange() as (url, seen):
        on_hub(url)
        assert progress.record("walkthrough:PROC-SELLER-CENTRAL") is None
    ((method, path, authorization, body),) = seen
    assert (method, path, authorization) == ("PUT", "/services/kit-exchange/api/progress", "token secret-token")
    sent = json.loads(body)
    assert sent["version"] == 1 and list(sent["items"]) == ["walkthrough:PROC-SELLER-CENTRAL"]
    assert json.loads(fresh_progress.read_text(encoding="utf-8")) == sent


def test_an_unreachable_exchange_never_stops_the_lesson(on_hub, fresh_progress):
    from tools.hub import free_port

    on_hub(f"http://127.0.0.1:{free_port()}/services/kit-exchange/")
    start = time.monotonic()
    message = progress.safely_record("exercise:03-not-found")
    assert time.monotonic() - start < exchange.TIMEOUT_SECONDS + 1
    assert "研修担当者に送れませんでした" in message and "記録済み" in message
    assert "exercise:03-not-found" in progress.load()[0], "the progress is kept at home"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/"])
def test_only_http_urls_are_used(on_hub, url):
    on_hub(url)
    assert "送れませんでした" in exchange.publish(DOCUMENT)


def test_a_trainer_fetches_everyone_and_a_learner_is_told_it_is_for_trainers(on_hub):
    with fake_exchange(answer={"learners": {"tanaka": DOCUMENT, "broken": "x"}}) as (url, seen):
        on_hub(url)
        assert exchange.fetch_all() == {"tanaka": DOCUMENT}
    assert seen[0][:2] == ("GET", "/services/kit-exchange/api/cohort")
    with fake_exchange(status=403) as (url, _):
        on_hub(url)
        with pytest.raises(exchange.Unavailable, match="研修担当者だけ"):
            exchange.fetch_all()
    with fake_exchange(answer={"unexpected": 1}) as (url, _):
        on_hub(url)
        with pytest.raises(exchange.Unavailable, match="応答の形"):
            exchange.fetch_all()


def test_a_document_too_big_is_not_sent(on_hub):
    with fake_exchange() as (url, seen):
        on_hub(url)
        big = {"version": 1, "items": {f"exercise:x{i}": {"note": "あ" * 150} for i in range(600)}}
        assert "大きすぎる" in exchange.publish(big)
    assert seen == []


# ---------------------------------------------------------------- the service's own checks and store


def test_the_service_accepts_the_kits_documents_and_refuses_anything_else():
    pytest.importorskip("jupyterhub")
    from hub_exchange import check_document

    assert check_document(DOCUMENT) is None
    for bad in (
        [],
        {"version": 2, "items": {}},
        {"version": 1, "items": []},
        {"version": 1, "items": {}, "x": 1},
        {"version": 1, "items": {"no kind": {}}},
        {"version": 1, "items": {"quiz:final": {"a": [1]}}},
        {"version": 1, "items": {"quiz:final": {"a": "x" * 201}}},
        {"version": 1, "items": {f"exercise:{i}": {} for i in range(2001)}},
    ):
        assert check_document(bad), bad


def test_the_store_keeps_one_private_file_per_learner(tmp_path):
    pytest.importorskip("jupyterhub")
    from hub_exchange import Store

    store = Store(tmp_path / "exchange")
    store.put("tanaka", DOCUMENT)
    store.put("sato", {"version": 1, "items": {}})
    assert store.get("tanaka") == DOCUMENT and store.get("nobody") is None
    assert set(store.all()) == {"tanaka", "sato"}
    assert stat.S_IMODE(os.stat(store.folder).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(store.path("tanaka")).st_mode) == 0o600
    for name in ("../etc", "Tanaka", "a/b", ""):
        with pytest.raises(ValueError):
            store.path(name)
