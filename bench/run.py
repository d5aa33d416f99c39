"""Print the kit's performance figures, one ``name: value`` line each. Not a test: figures, not verdicts.

    python3 kit.py bench                      # everything (several minutes)
    python3 kit.py bench --only contact-log   # one group: import, contact-log, redact, cohort, notebooks, browser,
                                              # lite, hub, suite

Ratios compare two things measured side by side in the same run: in alternating pairs (kit then bare, bare then
kit, …), each pair giving one ratio, so that a busy or slow machine changes both sides alike; the figure is the median
of the pairs' ratios, printed with its spread (half the interquartile range) and the number of pairs, e.g.
``import_ratio: 1.05 (±0.03, 41 pairs)``.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def best_of(functions: dict, repeats: int) -> dict[str, float]:
    """Time each function ``repeats`` times, alternating between them; return the best time of each."""
    best = {name: float("inf") for name in functions}
    for _ in range(repeats):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


@dataclasses.dataclass(frozen=True)
class Ratio:
    """A ratio measured in pairs: the median of the pairs' ratios, its spread, and the median time of each side."""

    value: float
    spread: float
    pairs: int
    kit_seconds: float
    bare_seconds: float

    def __str__(self) -> str:
        return f"{self.value:.2f} (±{self.spread:.2f}, {self.pairs} pairs)"


def paired(kit, bare, pairs: int, warm_up: int = 1) -> Ratio:
    """Time ``kit`` and ``bare`` in ``pairs`` pairs, alternating which goes first; one ratio per pair."""
    import statistics

    for _ in range(warm_up):
        kit(), bare()
    ratios, kit_times, bare_times = [], [], []
    for n in range(pairs):
        order = (("kit", kit), ("bare", bare)) if n % 2 == 0 else (("bare", bare), ("kit", kit))
        took = {}
        for name, function in order:
            start = time.perf_counter()
            function()
            took[name] = time.perf_counter() - start
        ratios.append(took["kit"] / took["bare"])
        kit_times.append(took["kit"])
        bare_times.append(took["bare"])
    quartiles = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else [ratios[0]] * 3
    return Ratio(
        statistics.median(ratios),
        (quartiles[2] - quartiles[0]) / 2,
        pairs,
        statistics.median(kit_times),
        statistics.median(bare_times),
    )


def write_log(path: Path, rows: int, seed: int = 1) -> None:
    """Write a synthetic contact log of ``rows`` rows (invented data)."""
    rng = random.Random(seed)
    channels = ["チャット", "メール", "電話", "chat", "email", "phone"]
    answers = ["はい", "いいえ"]
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("日時,方法,内容,返信までの分,解決,ケースID\n")
        for i in range(rows):
            out.write(
                f"2026-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d},{channels[i % 6]},"
                f"（架空）問い合わせ,{rng.randint(0, 900)},{answers[rng.random() < 0.3]},SAMPLE-{i:07d}\n"
            )


CONTACT_LOG_SIZES = (("10k", 10_000, 11), ("100k", 100_000, 7), ("1m", 1_000_000, 5))  # label, rows, pairs


def contact_log_figures(sizes=CONTACT_LOG_SIZES, refused=("300k", 300_000)) -> None:
    """The kit's full path (read + validate + compare) over a bare read_csv + groupby on the same file."""
    import pandas as pd

    from helpers import contact_log

    def kit(path):
        return contact_log.compare(contact_log.read_log(path))

    def bare(path):
        frame = pd.read_csv(path)
        return frame.groupby("方法")["返信までの分"].agg(["size", "median"])

    with tempfile.TemporaryDirectory() as folder:
        for label, rows, repeats in sizes:
            path = Path(folder) / f"log_{label}.csv"
            write_log(path, rows)
            ratio = paired(lambda path=path: kit(path), lambda path=path: bare(path), repeats)
            print(f"contact_log_{label}_seconds: {ratio.kit_seconds:.3f}", flush=True)
            print(f"contact_log_{label}_bare_seconds: {ratio.bare_seconds:.3f}", flush=True)
            print(f"contact_log_{label}_ratio: {ratio}", flush=True)
        refused_figures(Path(folder) / "refused.csv", *refused)


def refused_figures(path: Path, label: str, rows: int) -> None:
    """A file whose every row is refused: read and reported with the first rows shown, in bounded memory."""
    import tracemalloc

    from helpers import contact_log

    with path.open("w", encoding="utf-8") as out:
        out.write("日時,方法,内容,返信までの分,解決,ケースID\n")
        out.writelines(f"いつか,FAX,（架空）,{i}分くらい,たぶん,SAMPLE-{i:07d},余計\n" for i in range(rows))
    times = best_of({"kit": lambda: contact_log.report(path)}, 2)
    tracemalloc.start()
    contact_log.report(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"contact_log_refused_{label}_seconds: {times['kit']:.3f}", flush=True)
    print(f"contact_log_refused_{label}_peak_mb: {peak / 1e6:.1f}", flush=True)
    print(f"contact_log_refused_{label}_file_mb: {path.stat().st_size / 1e6:.1f}", flush=True)


# ---------------------------------------------------------------- redaction (helpers.redaction.redact)

FULL = str.maketrans("0123456789", "０１２３４５６７８９")
KANJI = str.maketrans("0123456789", "〇一二三四五六七八九")


def realistic_text(size: int, seed: int) -> str:
    """Japanese seller-support prose with numbers of every kind, about ``size`` characters."""
    from helpers.redaction.checks import luhn_ok

    rng = random.Random(seed)

    def d(n: int) -> str:
        return "".join(rng.choice("0123456789") for _ in range(n))

    def phone() -> str:
        prefix = rng.choice(["090", "080", "070", "050", "03", "06", "045", "0466", "0120"])
        length = 11 if prefix in ("090", "080", "070", "050") else 10
        digits = prefix + d(length - len(prefix))
        sep = rng.choice(["-", "ー", "－", " ", "　", "", ".", "・"])
        number = prefix + sep + digits[len(prefix) : -4] + sep + digits[-4:]
        style = rng.random()
        if style < 0.15:
            number = number.translate(FULL)
        elif style < 0.2:
            number = number.translate(KANJI)
        elif style < 0.25:
            number = "+81 " + number[1:]
        elif style < 0.3:
            number = number.replace(sep, sep + "\u200b", 1)
        return number

    def email() -> str:
        local = rng.choice(["taro", "hanako.yamada", "shop+info", "山田", "sales_01"]) + d(2)
        domain = rng.choice(["example.com", "example.co.jp", "例え.jp", "mail.example.ne.jp"])
        return local + rng.choice(["@", "＠"]) + domain

    def card() -> str:
        body = "4" + d(14)
        number = next(body + check for check in "0123456789" if luhn_ok(body + check))  # the kit's own check
        sep = rng.choice([" ", "-", ""])
        return sep.join(number[i : i + 4] for i in range(0, 16, 4))

    slots = [
        lambda: f"注文番号{d(3)}-{d(7)}-{d(7)}の件で、",
        lambda: (
            f"{rng.choice(['2025', '2026'])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} "
            f"{rng.randint(9, 18)}:{rng.randint(0, 59):02d}に届きました。"
        ),
        lambda: f"{rng.randint(2025, 2026)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日に発送しました。",
        lambda: f"価格は¥{rng.randint(1, 99)},{d(3)}（税込{rng.randint(1, 9)},{d(3)},{d(3)}円）です。",
        lambda: f"〒{d(3)}-{d(4)} 東京都千代田区{rng.randint(1, 9)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}",
        lambda: f"お客様の電話番号は{phone()}です。",
        lambda: f"連絡先は{email()}までお願いします。",
        lambda: f"追跡番号{d(12)}で確認したところ、",
        lambda: f"JANコード49{d(11)}の商品を{rng.randint(1, 50)}個出荷しました。",
        lambda: f"ケースID {rng.randint(1, 9)}{d(10)} について、",
        lambda: f"カード{card()}で決済されたとのことです。",
        lambda: "いつもお世話になっております。出品者の山田です。",
        lambda: "商品の状態について購入者から問い合わせがありました。",
        lambda: "返品の理由が不明確なため、対応方法をご相談させてください。",
        lambda: "恐れ入りますが、ご確認のほどよろしくお願いいたします。\n",
        lambda: f"在庫は{rng.randint(1, 500)}点、配送料は{rng.randint(1, 9)}00円です。",
    ]
    weights = [4, 4, 3, 3, 2, 3, 2, 2, 2, 2, 1, 8, 8, 8, 6, 4]
    parts, length = [], 0
    while length < size:
        piece = rng.choices(slots, weights)[0]()
        parts.append(piece)
        length += len(piece)
    return "".join(parts)[:size]


# 100 KB of one character class each: what a long paste of one kind of character could be.
SINGLE_CLASSES = {
    "digits": "0",
    "fullwidth_digits": "０",
    "dashes": "-",
    "long_vowel_marks": "ー",
    "zero_dash": "0-",
    "spaces": " ",
    "ideographic_spaces": "\u3000",
    "newlines": "\n",
    "one_space": "1 ",
    "twelve_space": "12 ",
    "four_digits_space": "4111 ",
    "zero_nine_zero_space": "090 ",
    "a_at": "a@",
    "at_a_dot": "@a.",
    "a_dot": "a.",
    "zero_width": "\u200b",
    "zero_width_digit": "0\u200b",
    "kanji_zero": "〇",
    "kanji_one": "一",
    "kanji_digit_arabic": "一1",
    "plus_digit": "+1",
    "parens": "(0)",
    "parens_digit_space": "(0)1 ",
    "phone_halves": "090-1111 ",
    "card_halves": "4111-1111 ",
    "four_digits_newline": "4111\n",
    "dots": "0.",
    "hiragana": "あ",
    "letters": "a",
}


def redact_figures(repeats: int = 3) -> None:
    """redact() on 1 MB of realistic draft text (fresh numbers each run), and on 100 KB of single classes."""
    from helpers.redaction import redact

    redact(realistic_text(200_000, seed=1))  # warm-up on other numbers: imports, compiled patterns
    texts = [realistic_text(1_000_000, seed=seed) for seed in range(2, 2 + repeats)]
    times = []
    for text in texts:
        start = time.perf_counter()
        redact(text)
        times.append(time.perf_counter() - start)
    print(f"redact_1mb_seconds: {min(times):.3f}", flush=True)
    worst = 0.0
    for name, unit in SINGLE_CLASSES.items():
        text = (unit * (100_000 // len(unit) + 1))[:100_000]
        best = min(_timed(redact, text) for _ in range(5))
        worst = max(worst, best)
        print(f"redact_100kb_{name}_seconds: {best:.4f}", flush=True)
    print(f"redact_100kb_max_seconds: {worst:.4f}", flush=True)


def _timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


CLICK_JS = """async ([forward, target]) => {
  const walk = document.querySelectorAll('.kit-walkthrough')[0];
  const label = walk.querySelector('.kit-step-label');
  const buttons = [...walk.querySelectorAll('button')];
  const button = buttons.find(b => b.textContent.includes(forward ? '次へ' : '戻る'));
  return await new Promise(resolve => {
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (label.textContent.includes(target)) { observer.disconnect(); resolve(performance.now() - start); }
    });
    observer.observe(label, {subtree: true, childList: true, characterData: true});
    button.click();
  });
}"""


def browser_figures(rounds: int = 3, clicks: int = 24) -> None:
    """Time what a learner waits for in the browser: JupyterLab and Voilà, Debian's Chromium, on 127.0.0.1."""
    import statistics

    from tools import browser

    notebook = browser.notebook_with("PROC-SELLER-CENTRAL")
    with (
        tempfile.TemporaryDirectory() as folder,
        browser.jupyterlab(Path(folder)) as base,
        browser.chromium() as context,
    ):
        opening = []
        for _ in range(rounds):
            page = context.new_page()
            start = time.perf_counter()
            browser.open_notebook(page, base, notebook)
            browser.run_all(page)
            page.locator(".kit-step-label", has_text="ステップ 1 /").first.wait_for()
            opening.append(time.perf_counter() - start)
            page.close()
        page = context.new_page()
        browser.open_notebook(page, base, notebook)
        browser.run_all(page)
        total = int(page.locator(".kit-step-label").first.text_content().split("/")[1])
        latencies = []
        for _ in range(clicks // (total - 1)):
            for n in range(2, total + 1):  # 「次へ」 to the last step: these clicks are timed
                latencies.append(page.evaluate(CLICK_JS, [True, f"ステップ {n} / {total}"]))
            for n in range(total - 1, 0, -1):  # 「戻る」 to the first step again
                page.evaluate(CLICK_JS, [False, f"ステップ {n} / {total}"])
        print(f"lab_open_to_first_step_seconds: {statistics.median(opening):.2f}", flush=True)
        print(f"lab_next_click_median_ms: {statistics.median(latencies):.1f}", flush=True)
        print(f"lab_next_click_max_ms: {max(latencies):.1f}", flush=True)
    with tempfile.TemporaryDirectory() as folder, browser.voila(Path(folder)) as base, browser.chromium() as context:
        times = []
        for _ in range(rounds):
            page = context.new_page()
            start = time.perf_counter()
            page.goto(f"{base}/voila/render/{notebook}")
            page.locator(".kit-step-label", has_text="ステップ 1 /").first.wait_for(timeout=90_000)
            times.append(time.perf_counter() - start)
            page.close()
        print(f"voila_request_to_widget_seconds: {statistics.median(times):.2f}", flush=True)


def lite_figures() -> None:
    """The browser edition: how big the site is, and how long a new seller waits the first time (an empty
    browser profile, every host but 127.0.0.1 blocked) from the start page until every cell of 00 has run."""
    from tools import browser, build_lite

    start = time.perf_counter()
    _run([sys.executable, str(ROOT / "tools" / "build_lite.py")])
    print(f"lite_build_seconds: {time.perf_counter() - start:.1f}", flush=True)
    size = sum(p.stat().st_size for p in build_lite.OUT.rglob("*") if p.is_file())
    print(f"lite_site_mb: {size / 1e6:.1f}", flush=True)
    served: list = []
    with browser.static_site(build_lite.OUT, served) as base, browser.chromium(offline=True) as context:
        page = context.new_page()
        page.set_default_timeout(300_000)
        start = time.perf_counter()
        page.goto(base + "index.html")
        page.get_by_role("link", name="練習をはじめる").click()
        browser.wait_for_kernel(page)
        browser.run_all(page, timeout=300_000)
        print(f"lite_first_run_seconds: {time.perf_counter() - start:.1f}", flush=True)
        print(f"lite_first_run_downloaded_mb: {sum(size for _, size in served) / 1e6:.1f}", flush=True)


def _run(command: list[str], cwd: Path = ROOT, env: dict | None = None) -> None:
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def bytecode_cached(cache: str) -> dict:
    """An environment in which both sides of a ratio import from compiled bytecode, as on a learner's machine
    (pip compiled pandas when installing it; Python caches the kit's on first import). A machine that sets
    PYTHONDONTWRITEBYTECODE (CI images often do) would otherwise compile the kit's source on every run, and only
    the kit's. The bytecode is kept in the folder ``cache``, filled by the first run of each side."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPYCACHEPREFIX": cache}


def import_figures(pairs: int = 41) -> None:
    """Importing every helpers module on top of pandas and ipywidgets, over pandas and ipywidgets alone."""
    import pkgutil

    import helpers

    modules = ", ".join(m.name for m in pkgutil.walk_packages(helpers.__path__, "helpers."))
    bare = [sys.executable, "-c", "import pandas, ipywidgets"]
    kit = [sys.executable, "-c", f"import pandas, ipywidgets, {modules}"]
    with tempfile.TemporaryDirectory() as cache:
        env = bytecode_cached(cache)
        ratio = paired(lambda: _run(kit, env=env), lambda: _run(bare, env=env), pairs)
    print(f"import_seconds: {ratio.kit_seconds:.3f}", flush=True)
    print(f"import_bare_seconds: {ratio.bare_seconds:.3f}", flush=True)
    print(f"import_ratio: {ratio}", flush=True)


def notebook_figures(pairs: int = 5) -> None:
    """Each kit notebook under strict nbval, over a bare notebook that only imports pandas and ipywidgets."""
    import nbformat

    from helpers.core.data import load_lessons

    nbval = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-o",
        "addopts=",
        "--nbval",
        "--nbval-current-env",
    ]
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as cache:
        env = bytecode_cached(cache)
        bare = Path(folder) / "bare.ipynb"
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import pandas, ipywidgets")]), bare)
        ratios = {}
        for lesson in load_lessons():
            notebook = ROOT / "notebooks" / lesson.file
            ratio = paired(
                lambda notebook=notebook: _run(nbval + [str(notebook)], env=env),
                lambda: _run(nbval + [str(bare)], cwd=Path(folder), env=env),
                pairs,
                warm_up=0,
            )
            ratios[lesson.file] = ratio
            name = lesson.file.removesuffix(".ipynb")
            print(f"notebook_{name}_seconds: {ratio.kit_seconds:.2f}", flush=True)
            print(f"notebook_{name}_ratio: {ratio}", flush=True)
        print(f"notebook_bare_seconds: {ratio.bare_seconds:.2f}", flush=True)
        print(f"notebook_ratio_max: {max(ratios.values(), key=lambda r: r.value)}", flush=True)


def cohort_figures(learners: int = 1000, pairs: int = 41) -> None:
    """Reading a class of learner records with ``read_cohort`` (validation, refusals, one table), over a plain
    ``json.load`` of each file and a DataFrame of them, on the same folder."""
    import json

    import pandas as pd

    from helpers import course, records

    rng = random.Random(7)
    lessons = list(records.lesson_columns())
    with tempfile.TemporaryDirectory() as folder:
        for n in range(learners):
            done = dict.fromkeys(lessons[: rng.randint(0, len(lessons))], "2026-11-20")
            quiz = {
                "score": rng.randint(10, 36),
                "total": 36,
                "passed": rng.random() < 0.6,
                "missed": [f"Q{rng.randint(1, 36):02d}"],
                "done_at": "2026-11-21",
            }
            record = records.make(done, quiz, f"架空 {n:04d}")
            (Path(folder) / f"learner-{n:04d}.json").write_text(
                json.dumps(record, ensure_ascii=False), encoding="utf-8"
            )

        def bare():
            documents = []
            for path in sorted(Path(folder).glob("*.json")):
                with path.open(encoding="utf-8") as handle:
                    documents.append(json.load(handle))
            return pd.DataFrame(documents)

        ratio = paired(lambda: course.read_cohort(folder), bare, pairs)
    print(f"cohort_{learners}_seconds: {ratio.kit_seconds:.3f}", flush=True)
    print(f"cohort_{learners}_bare_seconds: {ratio.bare_seconds:.3f}", flush=True)
    print(f"cohort_{learners}_ratio: {ratio}", flush=True)


def _resident_mb(pids) -> float:
    """Resident memory of processes (a server and its kernels), in MB."""
    import psutil

    total = 0
    for pid in pids:
        try:
            total += psutil.Process(pid).memory_info().rss
        except psutil.Error:
            continue
    return total / 1e6


def hub_figures(learners: int = 3) -> None:
    """A class on one server: three learners log in at once and reach their first lesson; one learner's server
    after the lesson, beside a bare JupyterLab started in the same environment and run through the same lesson."""
    import secrets
    import statistics

    import psutil
    from playwright.sync_api import sync_playwright

    from tools import browser, hub, hub_session

    problem = hub.real_hub_problem()
    if problem:
        print(f"hub figures not measured: {problem}", file=sys.stderr, flush=True)
        return
    names = [f"benchkit{n}" for n in range(1, learners + 1)]
    first = "notebooks/00_start.ipynb"
    with tempfile.TemporaryDirectory(prefix="kit-hub-bench-") as folder, sync_playwright() as playwright:
        folder = Path(folder)
        folder.chmod(0o755)
        (folder / "home").mkdir(mode=0o755)
        cohort = folder / "cohort.toml"
        cohort.write_text(
            "".join(f'[[learner]]\nname = "{n}"\n' for n in names) + '[[trainer]]\nname = "benchkitt"\n',
            encoding="utf-8",
        )
        hub.remove_users([*names, "benchkitt"])
        passwords = {name: secrets.token_urlsafe(12) for name in names}
        try:
            with (
                hub.running_hub(cohort, folder / "state", folder / "home") as running,
                hub_session.one_chromium(playwright) as chromium,
            ):
                base = running.base
                pages = {}
                for name in names:
                    pages[name] = hub_session.person(chromium)
                    hub_session.sign_up(pages[name], base, name, passwords[name])
                started = {}
                for name in names:  # all at once: each learner's clock starts as they press ログイン
                    started[name] = time.monotonic()
                    hub_session.submit_login(pages[name], base, name, passwords[name])
                ready = {
                    name: hub_session.wait_for_first_lesson(pages[name], name, 300_000) - started[name]
                    for name in names
                }
                for name in names:
                    hub_session.run_first_lesson(pages[name], name)
                time.sleep(2)
                memory = []
                for name in names:
                    memory.append(_resident_mb(hub.processes_of(hub.pwd_uid(name))))
        finally:
            hub.remove_users([*names, "benchkitt"])
    with (
        tempfile.TemporaryDirectory() as folder,
        browser.jupyterlab(Path(folder)) as base,
        browser.chromium() as context,
    ):
        page = context.new_page()
        browser.open_notebook(page, base, first.removeprefix("notebooks/"))
        browser.run_all(page)
        time.sleep(2)
        port = int(base.rsplit(":", 1)[1])
        server = next(p for p in psutil.process_iter(["cmdline"]) if f"--port={port}" in (p.info["cmdline"] or []))
        bare = _resident_mb([server.pid, *(child.pid for child in server.children(recursive=True))])
    print(f"hub_login_to_lesson_seconds: {max(ready.values()):.1f}", flush=True)
    print(f"hub_login_to_lesson_median_seconds: {statistics.median(ready.values()):.1f}", flush=True)
    print(f"hub_learner_memory_mb: {statistics.median(memory):.0f}", flush=True)
    print(f"hub_bare_lab_memory_mb: {bare:.0f}", flush=True)
    print(f"hub_memory_ratio: {statistics.median(memory) / bare:.2f}", flush=True)


def suite_figures() -> None:
    """Wall time of the whole `python3 kit.py test` (browser tests and the second time-zone pass included)."""
    start = time.perf_counter()
    _run([sys.executable, str(ROOT / "kit.py"), "test"])
    print(f"test_suite_seconds: {time.perf_counter() - start:.1f}", flush=True)


GROUPS = {
    "import": import_figures,
    "contact-log": contact_log_figures,
    "redact": redact_figures,
    "cohort": cohort_figures,
    "notebooks": notebook_figures,
    "browser": browser_figures,
    "lite": lite_figures,
    "hub": hub_figures,
    "suite": suite_figures,
}


def _in_kit_environment() -> bool:
    """Re-run this script with the kit's .venv when started from a Python without the kit (plain `python`)."""
    try:
        import pandas  # noqa: F401

        import helpers  # noqa: F401
    except ImportError as error:
        venv = ROOT / ".venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        if venv.exists() and Path(sys.executable).resolve() != venv.resolve():
            raise SystemExit(subprocess.call([str(venv), "-m", "bench.run", *sys.argv[1:]], cwd=ROOT)) from None
        raise SystemExit("The kit is not installed: run `python3 kit.py setup` first.") from error
    return True


def main(argv: list[str] | None = None) -> int:
    _in_kit_environment()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(GROUPS), action="append", help="run only these groups")
    args = parser.parse_args(argv)
    for name in args.only or GROUPS:
        GROUPS[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
