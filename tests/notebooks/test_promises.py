"""Every promise of the README's 「安全とプライバシー」 section, and the tests that try to break it.

The heart of it runs each notebook in its own kernel as a careless learner would: text full of private data typed
into every text field, a log uploaded, every button pressed, while an audit hook records every file the kit's
code writes, renames or creates and every network connection anything makes (``support/promise_probe.py``).
"""

from __future__ import annotations

import ast
import json
import re
import sys

import nbformat
import pytest
from nbclient import NotebookClient
from support import ROOT, promise_probe, stored_notebooks
from support.bad_inputs import CATALOGUE, Err

from helpers import contact_log, drafts, forms
from helpers.core import progress

# Invented private data: a phone number, an e-mail address, a test card number, and markup.
PHONE, EMAIL, CARD = "090-8765-4321", "hanako.private@example.jp", "4111 1111 1111 1111"
TYPED = f"電話 {PHONE}、メール {EMAIL}、カード {CARD} <img src=x onerror=alert(1)>"
PRIVATE = ("8765-4321", "87654321", "hanako.private", "4111 1111", "4111111111111111", "<img src=x")
UPLOAD = f"日時,方法,内容,返信までの分,解決,ケースID\n2026-11-20 10:05,チャット,{TYPED},5,はい,{CARD}\n"

# README bullet (its bold lead) -> the tests that try to break it ("file under tests/::test").
PROMISES = {
    "入力したものは残しません。": [
        "notebooks/test_promises.py::test_the_kit_writes_nothing_but_the_progress_file",
        "notebooks/test_promises.py::test_private_text_typed_anywhere_is_never_shown_back",
        "notebooks/test_promises.py::test_refusals_never_repeat_what_was_typed",
        "notebooks/test_promises.py::test_helpers_given_private_text_write_nothing",
    ],
    "カードや口座の番号は下4桁まで。": [
        "notebooks/test_promises.py::test_no_field_keeps_more_than_four_digits_of_a_card",
        "topics/test_preparation.py::test_card_field_never_keeps_or_shows_more_than_four_digits",
    ],
    "ケースの下書きは伏せ字にします。": [
        "notebooks/test_promises.py::test_private_text_typed_anywhere_is_never_shown_back",
        "topics/test_redaction.py::test_any_phone_number_in_text_is_masked",
        "topics/test_redaction.py::test_any_email_address_in_text_is_masked",
        "topics/test_redaction.py::test_any_card_number_in_text_is_masked",
        "topics/test_redaction.py::test_order_numbers_isbns_barcodes_dates_prices_postal_codes_are_kept",
    ],
    "進み具合だけを保存します。": [
        "notebooks/test_promises.py::test_the_progress_file_holds_only_finished_items",
        "core/test_progress.py::test_default_file_is_in_the_users_data_folder_not_the_repository",
        "core/test_progress.py::test_a_file_not_the_kits_starts_afresh_with_a_message_and_is_kept",
        "core/test_progress.py::test_every_corrupt_copy_keeps_its_own_name",
        "core/test_progress.py::test_anything_but_a_regular_file_is_refused_and_left_as_it_was",
        "core/test_progress.py::test_concurrent_writers_lose_nothing",
        "core/test_progress.py::test_recording_from_a_lesson_never_raises",
    ],
    "自分の問い合わせ記録（CSV）は読むだけです。": [
        "notebooks/test_promises.py::test_a_log_is_only_read",
        "notebooks/test_promises.py::test_an_uploaded_log_stays_in_memory",
        "topics/test_contact_log.py::test_every_bad_path_gives_a_short_japanese_value_error",
        "topics/test_contact_log.py::test_save_template_never_overwrites",
    ],
    "ネットワークにはつながりません。": [
        "notebooks/test_promises.py::test_no_notebook_makes_a_network_connection",
        "notebooks/test_offline.py::test_every_helper_works_offline",
        "notebooks/test_lite.py::test_lessons_without_pandas_never_import_it",
    ],
    "保存するノートブックはきれいにします。": [
        "notebooks/test_notebooks.py::test_privacy_guard_passes",
        "notebooks/test_notebooks.py::test_guard_catches_personal_data",
        "notebooks/test_notebooks.py::test_guard_catches_widget_state_errors_timestamps_and_paths",
    ],
    "古い情報はお知らせします。": [
        "topics/test_freshness.py::test_the_report_lists_each_due_record_with_its_date",
        "topics/test_freshness.py::test_command_prints_the_count_and_never_fails",
    ],
}


def readme_promises() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## 安全とプライバシー", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^- \*\*(.+?)\*\*", section, flags=re.MULTILINE)


def defined_functions(path) -> set[str]:
    """The names of the functions a test file defines at its top level (read, not imported)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}


def test_every_readme_promise_has_tests_that_exist():
    assert readme_promises() == list(PROMISES)
    for tests in PROMISES.values():
        for name in tests:
            file, function = name.split("::")
            assert function in defined_functions(ROOT / "tests" / file), name


# ---------------------------------------------------------------- each notebook, used carelessly

@pytest.fixture(scope="module")
def probed(tmp_path_factory) -> dict[str, dict]:
    """Run every notebook with the probe; return each one's report and the progress file it used."""
    import os

    reports = {}
    for path in stored_notebooks():
        folder = tmp_path_factory.mktemp("progress")
        environment = {"KIT_ROOT": str(ROOT), "KIT_TYPED": TYPED, "KIT_UPLOAD": UPLOAD,
                       progress.ENV: str(folder / "progress.json"), "PYTHONDONTWRITEBYTECODE": "1"}
        saved = {k: os.environ.get(k) for k in environment}
        os.environ.update(environment)
        try:
            nb = nbformat.read(path, as_version=4)
            nb.cells.insert(0, nbformat.v4.new_code_cell(promise_probe.WATCH))
            nb.cells.append(nbformat.v4.new_code_cell(promise_probe.ACT))
            NotebookClient(nb, timeout=120, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent)}}).execute()
        finally:
            for k, v in saved.items():
                os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
        printed = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("name") == "stdout")
        reports[path.name] = {**json.loads(printed), "progress": folder / "progress.json"}
    return reports


def test_the_kit_writes_nothing_but_the_progress_file(probed):
    for name, report in probed.items():
        folder = str(report["progress"].parent)
        for event, where in report["events"]:
            if event.startswith("socket."):
                continue
            ends = where.split(" -> ")
            assert all(e == folder or e.startswith(str(report["progress"])) for e in ends), (name, event, where)


def test_private_text_typed_anywhere_is_never_shown_back(probed):
    fields = 0
    for name, report in probed.items():
        fields += sum(1 for _, value in report["shown"].get("fields", []) if value == TYPED)
        for kind in ("HTML", "Output"):
            for shown in report["shown"].get(kind, []):
                leaked = [p for p in PRIVATE if p in shown]
                assert not leaked, (name, kind, leaked, shown[:300])
    assert fields >= 10, "the probe typed into the kit's text fields"


def test_no_field_keeps_more_than_four_digits_of_a_card(probed):
    card_fields = 0
    for report in probed.values():
        for label, value in report["shown"].get("fields", []):
            if "下4桁" in (label or ""):
                card_fields += 1
                assert len(re.sub(r"\D", "", value)) <= 4
    assert card_fields >= 1


def test_the_progress_file_holds_only_finished_items(probed):
    written = [r["progress"] for r in probed.values() if r["progress"].exists()]
    assert written, "some notebook recorded progress"
    for path in written:
        content = path.read_text(encoding="utf-8")
        assert not [p for p in PRIVATE if p in content]
        items = json.loads(content)["items"]
        assert all(re.fullmatch(r"(walkthrough|exercise|quiz):[\w-]+", key) for key in items)
        assert all(set(entry) <= {"done_at", "score", "total", "best"} for entry in items.values())


def test_no_notebook_makes_a_network_connection(probed):
    for name, report in probed.items():
        assert [e for e in report["events"] if e[0].startswith("socket.")] == [], name


def test_an_uploaded_log_stays_in_memory(probed):
    report = probed["10_contact_log.ipynb"]
    assert any("log.csv: 1行のうち、1行を読み込みました" in html for html in report["shown"]["HTML"])
    assert [e for e in report["events"] if not e[0].startswith("socket.")] == []


# ---------------------------------------------------------------- the helpers, watched in-process

@pytest.fixture
def writes(monkeypatch):
    """Record every file write made while this test runs (an audit hook, switched on only here)."""
    events, active = [], [True]

    import os

    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

    def hook(event, args):
        if not active[0]:
            return
        if event == "open" and not isinstance(args[0], int):
            mode, flags = args[1], args[2] or 0
            if any(c in mode for c in "wax+") if isinstance(mode, str) else flags & write_flags:
                events.append(str(args[0]))
        elif event in ("os.rename", "os.remove", "os.mkdir", "os.truncate", "os.chmod", "os.utime"):
            events.append(f"{event} {args[0]}")

    sys.addaudithook(hook)
    yield events
    active[0] = False


def test_helpers_given_private_text_write_nothing(writes):
    for function in (forms.callback_number, forms.order_number, forms.card_last4, forms.normalize):
        try:
            function(TYPED)
        except ValueError:
            pass
    drafts.redact(TYPED)
    builder = drafts.draft_builder()
    for name in ("what", "order", "request"):
        builder.set_field(name, TYPED)
    builder.build()
    assert writes == []


def test_a_log_is_only_read(tmp_path, writes):
    path = tmp_path / "log.csv"
    path.write_text(UPLOAD + "壊れた行,,,\n", encoding="utf-8")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    writes.clear()
    contact_log.report(path)
    contact_log.uploader().show([{"name": "log.csv", "content": path.read_bytes()}])
    assert writes == [] and (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.csv"]


def without_examples(message: str) -> str:
    """A message without the kit's own examples (which a typed number may look like)."""
    from helpers.core import registry

    for example in (registry.get("ORDER-ID").values["example"], registry.get("E164").values["example_domestic"]):
        message = message.replace(example, "")
    return forms.normalize(message)


def test_refusals_never_repeat_what_was_typed():
    checked = 0
    for _, function, text, expected in CATALOGUE:
        if isinstance(expected, Err) and isinstance(text, str) and function in (
                forms.callback_number, forms.order_number, forms.card_last4):
            with pytest.raises(ValueError) as info:
                function(text)
            typed = forms.normalize(text)
            if len(typed) >= 5:
                checked += 1
                assert typed not in without_examples(str(info.value)), text
    for secret in (CARD, "4111111111111111", PHONE + "5", EMAIL):
        for function in (forms.callback_number, forms.order_number, forms.card_last4):
            with pytest.raises(ValueError) as info:
                function(secret)
            assert forms.normalize(secret) not in without_examples(str(info.value))
            checked += 1
    assert checked >= 15


def test_the_probe_sees_what_it_should(tmp_path):
    """The probe catches a write and a connection made from kit code (a blind probe would prove nothing)."""
    import subprocess

    kit_file = ROOT / "helpers" / "not_a_real_module.py"  # only a name for the compiled code: never written
    action = (f"open({str(tmp_path / 'x.txt')!r}, 'w').close()\n"
              "try:\n    socket.create_connection(('127.0.0.1', 9), timeout=0.1)\nexcept OSError:\n    pass\n")
    script = (promise_probe.WATCH + "\nimport json, socket\n"
              f"exec(compile({action!r}, {str(kit_file)!r}, 'exec'), {{'socket': socket}})\n"
              "print(json.dumps(_kit_events))\n")
    out = subprocess.run([sys.executable, "-c", script], env={"KIT_ROOT": str(ROOT)}, capture_output=True,
                         text=True, check=True).stdout
    events = json.loads(out)
    assert ["open", str(tmp_path / "x.txt")] in events and any(e[0] == "socket.connect" for e in events)
    assert not kit_file.exists()
