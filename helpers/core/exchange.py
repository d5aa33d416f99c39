"""The class's exchange on a JupyterHub: the learner's progress goes to a place only trainers can read.

On a hub started by ``python3 kit.py hub`` (or the Kubernetes deployment, ``deploy/kubernetes``), each learner's
server has ``JUPYTERHUB_API_TOKEN`` (its own token, from the hub) and ``KIT_EXCHANGE_URL`` (the hub service
``kit-exchange``). After every recorded item, ``progress.record`` hands the whole progress document
(``{"version": 1, "items": {...}}``) to ``publish``, which sends it to the service under the learner's hub name;
the service keeps one document per learner and gives all of them only to trainers (``fetch_all``). Anywhere else
(a learner's own PC, the browser edition, the tests) both variables are missing and nothing is sent.

It knows nothing of lessons, uses only the standard library, never waits long (``TIMEOUT_SECONDS``) and
``publish`` never raises: a failure is a message for the learner, and the progress stays recorded at home.
"""

from __future__ import annotations

import json
import os

URL_ENV = "KIT_EXCHANGE_URL"
TOKEN_ENV = "JUPYTERHUB_API_TOKEN"
TIMEOUT_SECONDS = 3
MAX_BYTES = 200_000  # the service refuses bigger documents; the kit's own stay at a few kilobytes


class Unavailable(ValueError):
    """The exchange could not be reached or refused the request; the message says what to do."""


def configured() -> bool:
    """Whether this server runs on the class's hub (both variables set by the hub's spawner)."""
    return bool(os.environ.get(URL_ENV)) and bool(os.environ.get(TOKEN_ENV))


def publish(document: dict) -> str | None:
    """Send this learner's progress document to the exchange; return a message when it could not be sent.

    Does nothing (returns ``None``) off the hub. Never raises.
    """
    if not configured():
        return None
    try:
        body = json.dumps(document, ensure_ascii=False).encode("utf-8")
        if len(body) > MAX_BYTES:
            return _too_big()
        _request("PUT", "api/progress", body)
    except Exception:
        return _not_sent()
    return None


def _too_big() -> str:
    return "進み具合が大きすぎるため、研修担当者には送りませんでした（この環境には記録済みです）。"


def _not_sent() -> str:
    return "進み具合を研修担当者に送れませんでした（この環境には記録済みです。次の記録のときに、もう一度送ります）。"


def fetch_all() -> dict[str, dict]:
    """Every learner's progress document, by hub name: for trainers only.

    Raises ``Unavailable`` (a ``ValueError``) with a Japanese message off the hub, for a learner, or when the
    exchange cannot be reached.
    """
    if not configured():
        raise Unavailable(
            "この一覧は、研修用の JupyterHub の上でだけ使えます（KIT_EXCHANGE_URL がありません）。"
            "研修担当者として、ハブにログインしてから開いてください。"
        )
    answer = _request("GET", "api/cohort")
    learners = answer.get("learners") if isinstance(answer, dict) else None
    if not isinstance(learners, dict):
        raise Unavailable(
            "受講者の進み具合を読めませんでした（応答の形が違います）。ハブを管理する人に知らせてください。"
        )
    return {str(name): document for name, document in learners.items() if isinstance(document, dict)}


def _request(method: str, path: str, body: bytes | None = None) -> dict:
    import urllib.error
    import urllib.request

    base = os.environ[URL_ENV]
    if not base.startswith(("http://", "https://")):
        raise Unavailable(f"{URL_ENV} が http:// か https:// で始まっていないため、送りません。")
    request = urllib.request.Request(
        base.rstrip("/") + "/" + path,
        data=body,
        method=method,
        headers={"Authorization": f"token {os.environ[TOKEN_ENV]}", "Content-Type": "application/json; charset=utf-8"},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            content = response.read(MAX_BYTES * 200 + 1)
    except urllib.error.HTTPError as exc:
        if exc.code == 403:
            raise Unavailable("この一覧を見られるのは研修担当者だけです。") from None
        raise Unavailable(
            f"研修用のハブが要求を受け付けませんでした（HTTP {exc.code}）。しばらくしてから、もう一度試してください。"
        ) from None
    except (OSError, ValueError):
        raise Unavailable("研修用のハブにつながりませんでした。しばらくしてから、もう一度試してください。") from None
    try:
        return json.loads(content.decode("utf-8")) if content else {}
    except (UnicodeError, ValueError):
        raise Unavailable("研修用のハブの応答を読めませんでした。ハブを管理する人に知らせてください。") from None
