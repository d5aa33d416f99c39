"""Every promise of the README's 「安全とプライバシー」 section, and the tests that try to break it.

The heart of it runs in each notebook's kernel, the one nbval runs the notebook in (``support/notebook_checks.py``):
an audit hook records every file the kit's code writes, renames or creates and every network connection anything
makes, and after the last cell a careless learner types text full of private data into every text field, uploads a
log and presses every button. Each notebook's item ``notebooks/<name>.ipynb::promises`` then checks the functions
of ``support/promise_probe.py`` named below. Here: the helpers watched in-process, and the probe itself.
"""

from __future__ import annotations

import ast
import json
import re
import sys

import pytest
from support import ROOT, promise_probe
from support.bad_inputs import CATALOGUE, Err
from support.promise_probe import CARD, EMAIL, PHONE, TYPED, UPLOAD

from helpers import contact_log, drafts, forms
from helpers.core import progress

# README bullet (its bold lead) -> the tests that try to break it ("file under tests/::function"). The functions of
# support/promise_probe.py run for every notebook, in its nbval kernel, as notebooks/<name>.ipynb::promises.
PROMISES = {
    "入力したものは残しません。": [
        "support/promise_probe.py::the_kit_writes_nothing_but_the_progress_file",
        "support/promise_probe.py::private_text_typed_anywhere_is_never_shown_back",
        "notebooks/test_promises.py::test_refusals_never_repeat_what_was_typed",
        "notebooks/test_promises.py::test_helpers_given_private_text_write_nothing",
    ],
    "カードや口座の番号は下4桁まで。": [
        "support/promise_probe.py::no_field_keeps_more_than_four_digits_of_a_card",
        "topics/test_preparation.py::test_card_field_never_keeps_or_shows_more_than_four_digits",
    ],
    "ケースの下書きは伏せ字にします。": [
        "support/promise_probe.py::private_text_typed_anywhere_is_never_shown_back",
        "topics/test_redaction.py::test_any_phone_number_in_text_is_masked",
        "topics/test_redaction.py::test_any_email_address_in_text_is_masked",
        "topics/test_redaction.py::test_any_card_number_in_text_is_masked",
        "topics/test_redaction.py::test_order_numbers_isbns_barcodes_dates_prices_postal_codes_are_kept",
    ],
    "進み具合だけを保存します。": [
        "support/promise_probe.py::the_progress_file_holds_only_finished_items",
        "core/test_progress.py::test_default_file_is_in_the_users_data_folder_not_the_repository",
        "core/test_progress.py::test_a_file_not_the_kits_starts_afresh_with_a_message_and_is_kept",
        "core/test_progress.py::test_every_corrupt_copy_keeps_its_own_name",
        "core/test_progress.py::test_anything_but_a_regular_file_is_refused_and_left_as_it_was",
        "core/test_progress.py::test_concurrent_writers_lose_nothing",
        "core/test_progress.py::test_recording_from_a_lesson_never_raises",
    ],
    "自分の問い合わせ記録（CSV）は読むだけです。": [
        "notebooks/test_promises.py::test_a_log_is_only_read",
        "support/promise_probe.py::an_uploaded_log_stays_in_memory",
        "topics/test_contact_log.py::test_every_bad_path_gives_a_short_japanese_value_error",
        "topics/test_contact_log.py::test_save_template_never_overwrites",
    ],
    "ネットワークにはつながりません。": [
        "support/promise_probe.py::no_notebook_makes_a_network_connection",
        "notebooks/test_offline.py::test_every_helper_works_offline",
        "support/promise_probe.py::a_lesson_without_pandas_never_imports_it",
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
    """The names of the functions a file under tests/ defines at its top level (read, not imported)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}


def test_every_readme_promise_has_tests_that_exist():
    assert readme_promises() == list(PROMISES)
    for tests in PROMISES.values():
        for name in tests:
            file, function = name.split("::")
            assert function in defined_functions(ROOT / "tests" / file), name


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
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout  # run from ROOT: the helpers found are the ones under test
    events = json.loads(out)
    assert ["open", str(tmp_path / "x.txt")] in events and any(e[0] == "socket.connect" for e in events)
    assert not kit_file.exists()


def test_the_careless_learner_types_into_every_field_uploads_and_presses_every_button(tmp_path):
    """What the probe does after a notebook's last cell, on widgets whose fields are known: it types into each of
    them, the card field keeps no more than four digits, the upload is read, every button is pressed, a finished
    walkthrough is recorded and nothing else, and every promise holds (a probe acting on nothing would prove
    nothing)."""
    import os
    import subprocess

    build = ("from helpers import contact_log, drafts, hours, preparation, walkthrough\n"
             "_views = [drafts.draft_builder(), preparation.checklist(), hours.phone_checker(),\n"
             "          contact_log.uploader()]\n"
             "_shown_in_a_notebook = [view._repr_mimebundle_() for view in _views]\n"
             "_walk = walkthrough.walkthrough('PROC-SELLER-APP')\n"
             "while not _walk.at_end:\n    _walk.controls['next'].click()\n")
    script = promise_probe.WATCH + build + promise_probe.act()
    folder = tmp_path / "progress"
    folder.mkdir()
    env = dict(os.environ, **{progress.ENV: str(folder / "progress.json")})
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                         encoding="utf-8", check=True).stdout
    report = promise_probe.report_of(out, folder / "progress.json")
    fields = report["shown"]["fields"]
    card = [value for label, value in fields if "下4桁" in (label or "")]
    assert card and len(re.sub(r"\D", "", card[0])) <= 4
    assert report["typed"] == len(fields) >= 8, "it typed into every field"
    # every one still holds what was typed, but the card field and the draft (which the build button fills)
    assert sum(1 for _, value in fields if value == TYPED) == len(fields) - 2
    assert report["pressed"] >= 5 and report["watched"] and report["loaded_before_acting"] == []
    assert report["progress"].exists() and report["events"], "the walkthrough was recorded, and the probe saw it"
    for promise in (promise_probe.the_kit_writes_nothing_but_the_progress_file,
                    promise_probe.private_text_typed_anywhere_is_never_shown_back,
                    promise_probe.no_field_keeps_more_than_four_digits_of_a_card,
                    promise_probe.the_progress_file_holds_only_finished_items,
                    promise_probe.no_notebook_makes_a_network_connection):
        promise(report)
    assert any("log.csv: 1行のうち、1行を読み込みました" in html for html in report["shown"]["HTML"])
