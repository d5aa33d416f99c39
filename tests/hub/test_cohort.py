"""The class list (hub/cohort.toml): every mistake is refused with the file, the record and the field."""

from __future__ import annotations

import subprocess
import sys

import hub_cohort
import pytest

from support import ROOT

GOOD = """
[class]
default = "app"
memory_mb = 768
[[learner]]
name = "tanaka"
display = "田中さん"
[[learner]]
name = "sato2"
[[trainer]]
name = "yamada"
"""


def test_a_good_list_is_read_with_roles_and_settings(write):
    cohort = hub_cohort.load(write("cohort.toml", GOOD))
    assert cohort.names == ("tanaka", "sato2", "yamada")
    assert cohort.settings.default == "app" and cohort.settings.memory_mb == 768 and cohort.settings.idle_minutes == 60
    assert [cohort.role(n) for n in ("tanaka", "yamada", "nobody")] == ["learner", "trainer", None]
    assert hub_cohort.system_user("tanaka") == "kit-tanaka"


def test_the_example_is_a_good_list():
    cohort = hub_cohort.load(ROOT / "hub" / "cohort.example.toml")
    assert cohort.learners and cohort.trainers


@pytest.mark.parametrize(
    "text, expected",
    [
        ('[[learner]]\nname = "Tanaka"\n[[trainer]]\nname = "yamada"', "レコード [[learner]] #1 の項目 「name」"),
        (
            '[[learner]]\nname = "tanaka"\n[[trainer]]\nname = "tanaka"',
            "[[trainer]] #1 (tanaka) の項目 「name」: 「tanaka」 は",
        ),
        ('[[learner]]\nname = "tanaka"', "[[trainer]] のレコードが1つもありません"),
        ('[[trainer]]\nname = "yamada"', "[[learner]] のレコードが1つもありません"),
        (
            '[class]\ndefault = "notebook"\n[[learner]]\nname = "a"\n[[trainer]]\nname = "b"',
            "[class] の項目 「default」",
        ),
        ('[class]\nmemory_mb = 64\n[[learner]]\nname = "a"\n[[trainer]]\nname = "b"', "[class] の項目 「memory_mb」"),
        (
            '[class]\nidle_minutes = "often"\n[[learner]]\nname = "a"\n[[trainer]]\nname = "b"',
            "[class] の項目 「idle_minutes」",
        ),
        ('[[learner]]\nname = "a"\npassword = "x"\n[[trainer]]\nname = "b"', "項目 「password」: この項目はありません"),
        ('[[learners]]\nname = "a"', "「learners」 は使えません"),
        ('[[learner]\nname = "a"', "TOML の書き方に誤りがあります"),
        ('[[learner]]\nname = "a-b"\n[[trainer]]\nname = "b"', "「a-b」 は使えません"),
        ('[[learner]]\nname = "abcdefghijklmnopqrstu"\n[[trainer]]\nname = "b"', "20文字以内"),
    ],
)
def test_a_malformed_list_names_the_file_record_and_field(write, text, expected):
    with pytest.raises(ValueError) as refused:
        hub_cohort.load(write("cohort.toml", text))
    assert str(refused.value).startswith("hub/cohort.toml: ") and expected in str(refused.value)


def test_a_list_that_is_not_utf8_or_missing_is_refused(write, tmp_path):
    with pytest.raises(ValueError, match="UTF-8"):
        hub_cohort.load(write("cohort.toml", "[[learner]]\nname = '\x81'".encode("cp932", errors="ignore") + b"\xff"))
    with pytest.raises(ValueError, match="見つかりません"):
        hub_cohort.load(tmp_path / "none.toml")


def test_the_check_command_explains_a_mistake_without_a_traceback(write):
    bad = write("cohort.toml", '[[learner]]\nname = "Tanaka"\n[[trainer]]\nname = "yamada"')
    done = subprocess.run(
        [sys.executable, "-m", "tools.hub", "check", "--cohort", str(bad)], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    assert "「name」" in done.stdout and "直してから、もう一度実行してください" in done.stdout
    good = write("good.toml", GOOD)
    done = subprocess.run(
        [sys.executable, "-m", "tools.hub", "check", "--cohort", str(good)], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0 and "受講者 2 人" in done.stdout


def test_a_missing_list_says_how_to_start_one(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "tools.hub", "check", "--cohort", str(tmp_path / "cohort.toml")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 1 and "cohort.example.toml をコピーして" in done.stdout
