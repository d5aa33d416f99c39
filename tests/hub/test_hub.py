"""A class on a real hub: three learners and a trainer on JupyterHub with its proxy on 127.0.0.1, run as root
with one system user each, driven in Chromium. In file order: the learners log in at once and each finishes a
walkthrough and an exercise; the trainer's cohort view shows all three; nobody reaches another's space; wrong
input is refused in Japanese; the hub stops and leaves no process behind."""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from helpers import records
from helpers.core import data, questions
from support import ROOT
from tools import browser, hub, hub_session

LEARNERS = ("kittest1", "kittest2", "kittest3")  # test-only names: their system users are kit-kittest1 …
TRAINER = "kittestt"
LESSON = "03_seller_central"
WALKTHROUGH = "PROC-SELLER-CENTRAL"
MEMORY_MB = 1536


class Classroom:
    """The running hub, its people (random passwords, made for this run) and their pages."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.passwords = {name: secrets.token_urlsafe(12) for name in (*LEARNERS, TRAINER)}
        self.pages: dict[str, object] = {}
        self.stopped = False


@pytest.fixture(scope="module")
def real_hub(playwright):
    problem = hub.real_hub_problem()
    if problem:
        pytest.skip(f"no real hub here: {problem}")
    folder = Path(tempfile.mkdtemp(prefix="kit-hub-test-"))
    os.chmod(folder, 0o755)  # the learners' homes are inside; each home itself is 0700
    (folder / "home").mkdir(mode=0o755)
    cohort = folder / "cohort.toml"
    cohort.write_text(
        f'[class]\ndefault = "lab"\nmemory_mb = {MEMORY_MB}\n'
        + "".join(f'[[learner]]\nname = "{n}"\n' for n in LEARNERS)
        + f'[[trainer]]\nname = "{TRAINER}"\n',
        encoding="utf-8",
    )
    hub.remove_users((*LEARNERS, TRAINER))  # left over from an interrupted run
    room = Classroom(folder)
    context = hub.running_hub(cohort, folder / "state", folder / "home")
    room.base, room.process = context.__enter__()
    room.stop = lambda: context.__exit__(None, None, None)
    chromium = hub_session.one_chromium(playwright)
    room.browser = chromium.__enter__()
    try:
        yield room
    finally:
        chromium.__exit__(None, None, None)
        if not room.stopped:
            room.stop()
        hub.remove_users((*LEARNERS, TRAINER))
        with contextlib.suppress(OSError):
            (ROOT / "test-artifacts").mkdir(exist_ok=True)
            shutil.copyfile(folder / "state" / "hub.log", ROOT / "test-artifacts" / "hub.log")
        shutil.rmtree(folder, ignore_errors=True)


def server_pid(name: str) -> int:
    """The process id of a person's server (jupyterhub-singleuser, running as kit-<name>)."""
    for pid in hub.processes_of(hub.pwd_uid(name)):
        with contextlib.suppress(OSError):
            if b"jupyterhub.singleuser" in Path(f"/proc/{pid}/cmdline").read_bytes():
                return pid
    raise LookupError(name)


def server_token(name: str) -> str:
    environ = Path(f"/proc/{server_pid(name)}/environ").read_bytes().split(b"\0")
    return next(v.split(b"=", 1)[1] for v in environ if v.startswith(b"JUPYTERHUB_API_TOKEN=")).decode()


def exchange(room, path: str, token: str, method: str = "GET", body: bytes | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{room.base}/services/kit-exchange/{path}",
        data=body,
        method=method,
        headers={"Authorization": f"token {token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, {}


def exercises_of_lesson() -> list[questions.Exercise]:
    return [q for q in questions.exercise_questions() if q.lesson == LESSON]


# ---------------------------------------------------------------- the class


def recorded(name: str) -> dict:
    home = Path(pwd.getpwnam(hub.hub_cohort.system_user(name)).pw_dir)
    try:
        return json.loads((home / ".kit" / "progress.json").read_text(encoding="utf-8"))["items"]
    except (OSError, ValueError):
        return {}


def wait_for_item(name: str, item: str, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while item not in recorded(name):
        assert time.monotonic() < deadline, f"{item} was not recorded for {name}"
        time.sleep(0.2)


def lesson_file() -> str:
    return next(lesson.file for lesson in data.load_lessons() if lesson.id == LESSON)


def test_three_learners_and_a_trainer_log_in_at_once_and_each_learner_finishes_a_walkthrough_and_an_exercise(real_hub):
    room = real_hub
    people = (*LEARNERS, TRAINER)
    for name in people:
        page = hub_session.person(room.browser)
        assert "パスワードを決めました" in hub_session.sign_up(page, room.base, name, room.passwords[name])
        room.pages[name] = page
    started = time.monotonic()
    for name in people:  # every server starts together; each person lands on their first page
        first = "trainer/cohort.ipynb" if name == TRAINER else f"notebooks/{lesson_file()}"
        hub_session.submit_login(
            room.pages[name], room.base, name, room.passwords[name], next_url=f"/user/{name}/lab/tree/{first}"
        )
    for name in LEARNERS:
        hub_session.wait_for_first_lesson(room.pages[name], name)
        print(f"{name}: lesson ready {time.monotonic() - started:.1f} s after the logins", flush=True)
        assert room.pages[name].locator(".lm-MenuBar-itemLabel", has_text="ファイル").count() == 1, "in Japanese"
    for name in LEARNERS:
        room.pages[name].evaluate("() => window.jupyterapp.commands.execute('runmenu:run-all')")
    for name in LEARNERS:
        page = room.pages[name]
        browser.run_all(page)  # waits until every cell has run (running them again is harmless)
        walk = page.locator(".kit-walkthrough").first
        walk.scroll_into_view_if_needed()
        total = int(walk.locator(".kit-step-label").text_content().split("/")[1])
        forward = walk.locator("button", has_text="次へ").last
        for step in range(2, total + 1):
            forward.click()
            walk.locator(".kit-step-label", has_text=f"ステップ {step} / {total}").wait_for(timeout=10_000)
        for question in exercises_of_lesson():  # the whole lesson, as a learner answers it: click or type
            view = page.locator(".kit-exercise").filter(has_text=question.question[:40])
            view.scroll_into_view_if_needed()
            if question.is_choice:
                view.get_by_role("radio", name=question.options[question.answer]).check()
            else:
                browser.type_keys(view.get_by_role("textbox"), question.accept[0])
            view.get_by_role("button", name=data.say("questions.check_button")).click()
            wait_for_item(name, f"exercise:{question.id}")
    print(f"lessons done {time.monotonic() - started:.1f} s after the logins", flush=True)

    for name in LEARNERS:
        home = Path(pwd.getpwnam(hub.hub_cohort.system_user(name)).pw_dir)
        assert (home / "notebooks" / "00_start.ipynb").exists(), "the notebooks were copied into their home"
        assert not (home / "trainer").exists() and not (home / "notebooks" / "trainer").exists(), (
            "learners do not get the trainers' view"
        )
        assert oct(home.stat().st_mode & 0o777) == "0o700"
        expected = {f"walkthrough:{WALKTHROUGH}", *(f"exercise:{q.id}" for q in exercises_of_lesson())}
        assert expected <= set(recorded(name)), name


def test_the_trainer_sees_all_three_learners_with_their_progress(real_hub):
    """The cohort view fills itself: nobody downloaded or handed in anything."""
    room = real_hub
    page = room.pages[TRAINER]
    hub_session.wait_for_first_lesson(page, TRAINER)
    browser.run_all(page)
    view = page.locator(".kit-cohortview")
    view.get_by_role("button", name=data.say("records.reload_button")).click()  # as the trainer would, after class
    expect(view).to_contain_text(data.say("records.hub"))
    table = view.locator("table").first
    heads = table.locator("th").all_inner_texts()
    column = heads.index(records.lesson_mark(LESSON))
    for name in LEARNERS:
        cells = table.locator("tr", has=page.locator("td", has_text=name)).locator("td,th").all_inner_texts()
        assert cells[column].startswith(data.say("records.done_mark")), (name, cells)
    assert data.say("records.everyone_started") in view.inner_text()
    assert TRAINER not in view.inner_text(), "the trainer is not one of the learners"


# ---------------------------------------------------------------- each learner's space is theirs


def test_a_learner_cannot_open_another_learners_server_nor_the_admin_pages(real_hub):
    room = real_hub
    page = room.pages[LEARNERS[0]]
    for url in (
        f"/user/{LEARNERS[1]}/lab",
        f"/user/{LEARNERS[1]}/api/contents/notebooks",
        f"/hub/user/{LEARNERS[1]}/",
        "/hub/admin",
        f"/user/{TRAINER}/lab",
    ):
        response = page.goto(room.base + url)
        assert response.status in (403, 404), (url, response.status)
        assert LEARNERS[1] not in page.content() or "権限がありません" in page.content() or response.status == 403
    response = page.goto(room.base + "/hub/admin")
    assert response.status == 403 and "権限がありません" in page.content(), "a Japanese refusal"


def test_a_learners_files_and_progress_are_closed_to_the_others(real_hub):
    other = Path(pwd.getpwnam(hub.hub_cohort.system_user(LEARNERS[1])).pw_dir)
    account = pwd.getpwnam(hub.hub_cohort.system_user(LEARNERS[0]))
    for target in (other / "notebooks" / "00_start.ipynb", other / ".kit" / "progress.json", other):
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                f"import os; os.listdir({str(target)!r}) if os.path.isdir("
                f"{str(target)!r}) else open({str(target)!r}).read()",
            ],
            user=account.pw_uid,
            group=account.pw_gid,
            extra_groups=[],
            capture_output=True,
            text=True,
            cwd="/",
        )
        assert done.returncode != 0 and "PermissionError" in done.stderr, target
    # Nor can a learner change what is in it: writing into the other's home is refused the same way.
    done = subprocess.run(
        [sys.executable, "-c", f"open({str(other / 'x')!r}, 'w')"],
        user=account.pw_uid,
        group=account.pw_gid,
        extra_groups=[],
        capture_output=True,
        text=True,
        cwd="/",
    )
    assert "PermissionError" in done.stderr


def test_a_learners_record_is_theirs_and_only_trainers_read_the_class(real_hub):
    room = real_hub
    learner, trainer = server_token(LEARNERS[0]), server_token(TRAINER)
    assert exchange(room, "api/cohort", learner)[0] == 403, "a learner cannot read the class"
    status, answer = exchange(room, "api/cohort", trainer)
    assert status == 200 and set(answer["learners"]) == set(LEARNERS)
    # A learner writes only under their own name: the name comes from the token, not from the request.
    status, answer = exchange(room, "api/progress", learner, "PUT", json.dumps({"version": 1, "items": {}}).encode())
    assert status == 200 and answer["stored"] == LEARNERS[0]
    assert exchange(room, "api/progress", "not-a-token")[0] == 403
    assert exchange(room, "api/progress", learner, "PUT", b"{not json")[0] == 400
    assert exchange(room, "api/cohort", trainer)[1]["learners"][LEARNERS[1]]["items"], "the others are untouched"


def test_each_server_runs_as_its_person_with_the_memory_limit(real_hub):
    for name in (*LEARNERS, TRAINER):
        pid = server_pid(name)
        limits = Path(f"/proc/{pid}/limits").read_text()
        data_limit = re.search(r"Max data size\s+(\d+)\s+(\d+)", limits)
        assert data_limit and int(data_limit[1]) == int(data_limit[2]) == MEMORY_MB * 1024 * 1024, limits
    culler = [
        p
        for p in Path("/proc").iterdir()
        if p.name.isdigit() and b"jupyterhub_idle_culler" in (p / "cmdline").read_bytes()
    ]
    assert culler, "the idle culler runs beside the hub"


# ---------------------------------------------------------------- refusals


def test_wrong_password_unknown_user_and_unlisted_signup_are_refused_in_japanese(real_hub):
    room = real_hub
    page = hub_session.person(room.browser)
    for name, password in ((LEARNERS[0], "wrong-password-1"), ("nobody", "anything-at-all")):
        hub_session.submit_login(page, room.base, name, password)
        message = hub_session.login_error(page)
        assert "名前かパスワードが違います" in message and password not in page.content()
    assert "名簿" in hub_session.sign_up(page, room.base, "intruder", "long-enough-9")
    assert "すでに" in hub_session.sign_up(page, room.base, LEARNERS[2], "someone-else-9"), "first come does not win"


def test_the_code_free_app_runs_on_the_hub(real_hub):
    room = real_hub
    page = room.pages[LEARNERS[0]]
    page.goto(f"{room.base}/user/{LEARNERS[0]}/voila/render/notebooks/{lesson_file()}")
    page.locator(".kit-step-label").first.wait_for(timeout=120_000)
    assert page.locator(".jp-InputArea-editor").count() == 0, "no code is shown in the app"


def test_idle_servers_are_culled_by_the_hubs_culler(real_hub):
    """The culler the hub runs, with its own token and role, run once more with a timeout of one second: every
    server is idle by then, and each is stopped (the files stay)."""
    pid = next(
        int(p.name)
        for p in Path("/proc").iterdir()
        if p.name.isdigit() and b"jupyterhub_idle_culler" in (p / "cmdline").read_bytes()
    )
    environ = dict(v.split("=", 1) for v in Path(f"/proc/{pid}/environ").read_text().split("\0") if "=" in v)
    culler = subprocess.Popen(
        [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=1", "--cull-every=600"],
        env={k: v for k, v in environ.items() if k.startswith(("JUPYTERHUB_", "PATH"))},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while any(running(name) for name in (*LEARNERS, TRAINER)):
            assert time.monotonic() < deadline, "idle servers were not culled"
            time.sleep(1)
    finally:
        culler.terminate()
        culler.wait(timeout=10)
    for name in LEARNERS:
        assert f"exercise:{exercises_of_lesson()[0].id}" in recorded(name), "culling keeps the learner's files"


def running(name: str) -> bool:
    try:
        server_pid(name)
        return True
    except LookupError:
        return False


def test_a_one_time_password_from_the_trainer_must_be_changed_before_the_server_starts(real_hub):
    room = real_hub  # every server was culled just before: this one may not start until the password is changed
    name = LEARNERS[2]
    password = hub.one_time_password(name, room.folder / "state", room.folder / "cohort.toml")
    page = hub_session.person(room.browser)
    hub_session.submit_login(page, room.base, name, room.passwords[name])
    assert "名前かパスワードが違います" in hub_session.login_error(page), "the old password no longer works"
    hub_session.submit_login(page, room.base, name, password)
    page.wait_for_url("**/hub/change-password", timeout=30_000)
    assert "一時パスワード" in page.locator("[role=alert]").first.inner_text()
    response = page.goto(f"{room.base}/hub/spawn/{name}")
    assert response.status == 403 and "一時パスワード" in page.content() and not running(name)
    own = secrets.token_urlsafe(12)
    page.goto(f"{room.base}/hub/change-password")
    page.fill("#old_password_input", password)
    page.fill("#new_password_input", own)
    page.fill("#new_password_confirmation_input", own)
    page.click("#signup_submit")
    assert "パスワードを変更しました" in page.locator(".alert").last.inner_text()
    page.goto(f"{room.base}/hub/change-password")
    assert page.locator(".alert-warning").count() == 0, "nothing more to change"
    page.context.close()


# ---------------------------------------------------------------- stopping


def test_the_hub_stops_cleanly_and_leaves_no_process_behind(real_hub):
    room = real_hub
    proxy_pid = int((room.folder / "state" / "proxy.pid").read_text())
    room.stop()
    room.stopped = True
    assert room.process.returncode is not None
    time.sleep(1)
    for name in (*LEARNERS, TRAINER):
        assert not hub.processes_of(hub.pwd_uid(name)), f"{name}'s processes were left running"
    assert not Path(f"/proc/{proxy_pid}").exists(), "the proxy was left running"
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            assert str(room.folder).encode() not in cmdline, cmdline
