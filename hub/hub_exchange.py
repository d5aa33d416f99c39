"""The hub service ``kit-exchange``: each learner's progress document, readable only by trainers.

Run by JupyterHub as a managed service (``hub/jupyterhub_config.py`` on one server; the chart's
``hub.services`` on Kubernetes). Every request is authenticated by the hub (``HubAuthenticated``): the caller's
token must carry ``access:services!service=kit-exchange``, which the hub grants to the servers of people on the
class list.

- ``PUT  <prefix>api/progress``: store the caller's own document (``{"version": 1, "items": {...}}``, checked
  and capped at ``MAX_BYTES``) under the caller's hub name; nobody can write anyone else's.
- ``GET  <prefix>api/progress``: the caller's own document.
- ``GET  <prefix>api/cohort``: every document, only for a token with ``custom:kit-exchange:read-all`` (trainers'
  servers: the hub gives that scope only to members of the ``trainers`` group).

Documents are files ``<KIT_EXCHANGE_DIR>/<name>.json`` (the folder 0700, files 0600, written atomically), so a
learner's server, which runs as the learner's own system user, can never read them directly.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import sys
import tempfile
from pathlib import Path

from jupyterhub.services.auth import HubAuthenticated
from jupyterhub.utils import url_path_join
from tornado import web

READ_ALL = "custom:kit-exchange:read-all"
MAX_BYTES = 200_000
MAX_ITEMS = 2_000
ITEM = re.compile(r"[a-z_]{1,40}:[A-Za-z0-9_.\-]{1,120}")
NAME = re.compile(r"[a-z][a-z0-9]{0,19}")


def check_document(document) -> str | None:
    """What is wrong with a progress document (in English, for the log and the API), or ``None``."""
    if not isinstance(document, dict) or set(document) != {"version", "items"}:
        return 'a document is {"version": 1, "items": {...}}'
    if document["version"] != 1:
        return "version must be 1"
    items = document["items"]
    if not isinstance(items, dict) or len(items) > MAX_ITEMS:
        return f"items must be an object of at most {MAX_ITEMS} entries"
    for key, entry in items.items():
        if not ITEM.fullmatch(key):
            return f"item names look like kind:id ({key[:40]!r} does not)"
        if not isinstance(entry, dict) or len(entry) > 20:
            return f"{key}: an entry is an object of at most 20 fields"
        for field, value in entry.items():
            if not isinstance(field, str) or len(field) > 40:
                return f"{key}: field names are short strings"
            if (isinstance(value, str) and len(value) > 200) or not isinstance(
                value, (str, int, float, bool, type(None))
            ):
                return f"{key}.{field}: values are short strings, numbers, booleans or null"
    return None


class Store:
    """One JSON file per learner in a folder only this service can read."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)

    def path(self, name: str) -> Path:
        if not NAME.fullmatch(name):
            raise ValueError(f"not a kit hub name: {name!r}")
        return self.folder / f"{name}.json"

    def put(self, name: str, document: dict) -> None:
        target = self.path(name)
        handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(document, out, ensure_ascii=False)
            os.chmod(temporary, 0o600)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def get(self, name: str) -> dict | None:
        try:
            return json.loads(self.path(name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def all(self) -> dict[str, dict]:
        found = {}
        for file in sorted(self.folder.glob("*.json")):
            if NAME.fullmatch(file.stem) and (document := self.get(file.stem)) is not None:
                found[file.stem] = document
        return found


class Base(HubAuthenticated, web.RequestHandler):
    def initialize(self, store: Store):
        self.store = store

    def get_login_url(self):
        raise web.HTTPError(403)  # an API: no redirect to a login page

    def reply(self, status: int, body: dict) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(body, ensure_ascii=False))

    def write_error(self, status_code, **kwargs):
        self.reply(status_code, {"error": self._reason})

    def caller(self) -> str:
        user = self.current_user
        if user.get("kind", "user") != "user" or not NAME.fullmatch(user["name"]):
            raise web.HTTPError(403, reason="only the servers of people on the class list may use the exchange")
        return user["name"]


class Progress(Base):
    @web.authenticated
    def put(self):
        name = self.caller()
        if len(self.request.body) > MAX_BYTES:
            raise web.HTTPError(413, reason=f"a progress document is at most {MAX_BYTES} bytes")
        try:
            document = json.loads(self.request.body.decode("utf-8"))
        except (UnicodeError, ValueError):
            raise web.HTTPError(400, reason="the body is not JSON") from None
        problem = check_document(document)
        if problem:
            raise web.HTTPError(400, reason=problem)
        self.store.put(name, document)
        self.reply(200, {"stored": name, "items": len(document["items"])})

    @web.authenticated
    def get(self):
        self.reply(200, {"name": (name := self.caller()), "document": self.store.get(name)})


class Cohort(Base):
    @web.authenticated
    def get(self):
        self.caller()
        if not self.hub_auth.check_scopes({READ_ALL}, self.current_user):
            raise web.HTTPError(403, reason="only trainers may read the whole class")
        self.reply(200, {"learners": self.store.all()})


def make_app(store: Store, prefix: str) -> web.Application:
    return web.Application(
        [
            (url_path_join(prefix, "api/progress"), Progress, {"store": store}),
            (url_path_join(prefix, "api/cohort"), Cohort, {"store": store}),
        ],
        max_body_size=MAX_BYTES * 2,
    )


async def serve() -> None:
    """Serve until the hub stops the service (SIGINT or SIGTERM: at once, whatever the parent ignored)."""
    from urllib.parse import urlparse

    store = Store(Path(os.environ["KIT_EXCHANGE_DIR"]))
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/kit-exchange/")
    url = urlparse(os.environ.get("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:10101"))
    host = os.environ.get("KIT_EXCHANGE_BIND", url.hostname)  # Kubernetes: 0.0.0.0 inside the hub pod
    make_app(store, prefix).listen(url.port, host, max_buffer_size=MAX_BYTES * 2)
    print(f"kit-exchange: serving {prefix} on {host}:{url.port}, documents in {store.folder}", flush=True)
    stopped = asyncio.Event()
    for stop_signal in (signal.SIGINT, signal.SIGTERM):
        asyncio.get_running_loop().add_signal_handler(stop_signal, stopped.set)
    await stopped.wait()


def main() -> int:
    asyncio.run(serve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
