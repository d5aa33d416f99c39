"""Start JupyterLab or Voilà on 127.0.0.1 and drive Debian's Chromium with Playwright.

Shared by the browser tests (tests/browser), the screenshots of the README and the browser figures of
bench/run.py. Playwright never downloads a browser here: it launches /usr/bin/chromium. Every server and
browser started here is stopped by the context managers, whatever happens inside them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import ClassVar

from tools import config

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
CHROMIUM = config.chromium()
CHROMIUM_FLAGS = config.chromium_flags()
TOKEN = "kit-browser-test"


def notebook_with(procedure_id: str) -> str:
    """The notebook (file name) whose lesson walks through a procedure, as the manifest says."""
    from helpers.core.data import load_lessons

    return next(lesson.file for lesson in load_lessons() if procedure_id in lesson.walkthroughs)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"no answer from {url} within {timeout} s")


def _stop(process: subprocess.Popen) -> None:
    """Stop a server and everything it started (kernels), first politely, then not."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM) if hasattr(os, "killpg") else process.terminate()
        process.wait(timeout=15)
    except (subprocess.TimeoutExpired, ProcessLookupError):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL) if hasattr(os, "killpg") else process.kill()
        process.wait(timeout=5)


@contextlib.contextmanager
def _server(command: list[str], url_to_poll: str, workdir: Path, log: Path):
    env = dict(
        os.environ,
        KIT_PROGRESS_FILE=str(workdir / "progress.json"),
        JUPYTERLAB_SETTINGS_DIR=str(workdir / "user-settings"),  # ignore the developer's own settings
        JUPYTERLAB_WORKSPACES_DIR=str(workdir / "workspaces"),
    )
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            command, cwd=workdir, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            _wait_for(url_to_poll, process)
            yield process
        finally:
            _stop(process)


def copy_notebooks(workdir: Path) -> Path:
    """Copy the notebooks, so that running them in a browser never touches the committed files."""
    target = workdir / "notebooks"
    shutil.copytree(NOTEBOOKS, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return target


@contextlib.contextmanager
def jupyterlab(workdir: Path):
    """Serve a copy of the notebooks with JupyterLab; yield the base URL (token included in ``lab_url``)."""
    port = free_port()
    notebooks = copy_notebooks(workdir)
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={TOKEN}",
        f"--ServerApp.root_dir={notebooks}",
        "--LabApp.expose_app_in_browser=True",
        "--ServerApp.port_retries=0",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI run as root
    base = f"http://127.0.0.1:{port}"
    with _server(command, f"{base}/api/status?token={TOKEN}", workdir, workdir / "jupyterlab.log"):
        yield base


def lab_url(base: str, notebook: str) -> str:
    return f"{base}/lab/tree/{notebook}?token={TOKEN}&reset"


@contextlib.contextmanager
def voila(workdir: Path, *overrides: str):
    """Serve a copy of the notebooks as a code-free app with Voilà; yield the base URL.

    ``overrides`` (``--Name=value``) replace the app's options of the same name.
    """
    port = free_port()
    notebooks = copy_notebooks(workdir)
    replaced = {option.split("=")[0] for option in overrides}
    options = [o for o in voila_options() if o.split("=")[0] not in replaced] + list(overrides)
    command = [
        sys.executable,
        "-m",
        "voila",
        str(notebooks),
        *options,
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
    ]
    base = f"http://127.0.0.1:{port}"
    with _server(command, f"{base}/", workdir, workdir / "voila.log"):
        yield base


def voila_options() -> list[str]:
    """Voilà's options for the kit, exactly those of the README's app command (kit.toml)."""
    return config.voila_options()


OFFLINE = config.chromium_flags(offline=True)[-1]  # every host but 127.0.0.1 is unknown: a page reaches nothing else


@contextlib.contextmanager
def chromium(width: int = 1300, height: int = 1000, offline: bool = False, playwright=None):
    """Launch Debian's Chromium headless with a fresh profile; yield a Playwright browser context.

    ``playwright``: a running Playwright to launch from (only one may run per thread); else one is started here.
    """
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: install it with `apt-get install -y chromium fonts-ipafont-gothic`")
    with contextlib.ExitStack() as stack:
        profile = stack.enter_context(tempfile.TemporaryDirectory(prefix="kit-chromium-"))
        playwright = playwright or stack.enter_context(sync_playwright())
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_FLAGS + ([OFFLINE] if offline else []),
            viewport={"width": width, "height": height},
            locale="ja-JP",
        )
        try:
            yield context
        finally:
            context.close()


@contextlib.contextmanager
def static_site(root: Path, served: list | None = None):
    """Serve a folder of static files (the browser edition) on 127.0.0.1; yield its base URL. ``served`` collects
    (path, bytes) of every file sent."""
    import functools
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map: ClassVar[dict[str, str]] = {
            **http.server.SimpleHTTPRequestHandler.extensions_map,
            ".mjs": "text/javascript",
            ".js": "text/javascript",
            ".wasm": "application/wasm",
            ".json": "application/json",
            ".whl": "application/octet-stream",
            ".ipynb": "application/json",
        }

        def log_message(self, *args):
            pass

        def send_head(self):
            file = super().send_head()
            if file is not None and served is not None and hasattr(file, "fileno"):
                served.append((self.path, os.fstat(file.fileno()).st_size))
            return file

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------- JupyterLab page helpers

KERNEL_IDLE_JS = """() => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!panel || !panel.sessionContext || !panel.sessionContext.session) return false;
  const kernel = panel.sessionContext.session.kernel;
  if (!kernel || kernel.status !== 'idle') return false;
  const cells = panel.content.widgets.filter(c => c.model.type === 'code');
  // A cell not rendered yet (a busy machine) has no prompt: not done yet, rather than an error that ends the wait.
  return cells.every(c => c.model.executionCount !== null && c.promptNode && !c.promptNode.textContent.includes('*'));
}"""


def open_notebook(page, base: str, notebook: str, timeout: float = 90_000) -> None:
    """Open a notebook in JupyterLab and wait for its kernel to be ready. A page that shows this JupyterLab already
    opens it there, as the file browser does (loading JupyterLab again costs seconds of the machine's time)."""
    if page.url.startswith(f"{base}/lab") and page.evaluate("() => window.jupyterapp !== undefined"):
        open_in_lab(page, notebook, timeout)
    else:
        page.goto(lab_url(base, notebook))
        wait_for_kernel(page, timeout)


def close_documents(page) -> None:
    """Close every document open in the page's JupyterLab without saving it, and shut its kernel down: the next
    notebook opened there starts as on a fresh page."""
    page.evaluate("""async () => {
      for (const widget of [...window.jupyterapp.shell.widgets('main')]) {
        if (widget.context) widget.context.model.dirty = false;  // closed, not saved: no "save changes?" dialog
        if (widget.sessionContext) await widget.sessionContext.shutdown();
        widget.dispose();
      }
    }""")


def wait_for_empty_saved_layout(page, timeout: float = 30_000) -> None:
    """In the browser edition, wait until the state JupyterLab saved (in the browser's IndexedDB, a moment after a
    change) has no document open: a page loaded again then opens none of them, each with its own Pyodide kernel."""
    saved = page.evaluate(
        """async (timeout) => {
      const read = () => new Promise((done, failed) => {
        const request = indexedDB.open('JupyterLite Storage - /');
        request.onerror = failed;
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('statedb')) { db.close(); done(undefined); return; }  // nothing saved
          const get = db.transaction('statedb').objectStore('statedb').get('default');
          get.onsuccess = () => { db.close(); done(get.result); };
        };
      });
      for (const end = Date.now() + timeout; Date.now() < end; await new Promise(later => setTimeout(later, 100))) {
        const state = (await read())?.data || {};
        const open = state['layout-restorer:data']?.main?.dock?.widgets || [];
        if (open.length === 0 && !Object.keys(state).some(key => key.startsWith('notebook:'))) return true;
      }
      return false;
    }""",
        timeout,
    )
    if not saved:
        raise TimeoutError(f"JupyterLab did not save, within {timeout / 1000:.0f} s, that every document was closed")


def open_in_lab(page, notebook: str, timeout: float = 180_000) -> None:
    """Open a notebook in the JupyterLab already on the page (as the file browser does) and wait for its kernel:
    the way to open notebooks in the browser edition, whose kernels start inside the page."""
    page.wait_for_function("window.jupyterapp !== undefined", timeout=timeout)
    page.evaluate(
        """async (path) => {
      await window.jupyterapp.restored;
      const widget = await window.jupyterapp.commands.execute('docmanager:open', {path, factory: 'Notebook'});
      await widget.context.ready;
      await widget.sessionContext.ready;
      window.jupyterapp.shell.activateById(widget.id);
    }""",
        notebook,
    )
    wait_for_kernel(page, timeout)


def wait_for_kernel(page, timeout: float = 180_000) -> None:
    """Wait until the current notebook's kernel is idle."""
    page.wait_for_function(
        """() => {
      const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
      return panel && panel.sessionContext && panel.sessionContext.session
        && panel.sessionContext.session.kernel && panel.sessionContext.session.kernel.status === 'idle';
    }""",
        timeout=timeout,
    )


def error_outputs(page) -> list[str]:
    """The current notebook's error and stderr outputs, as text."""
    return page.evaluate("""() => {
      const cells = window.jupyterapp.shell.currentWidget.content.model.cells, found = [];
      for (let i = 0; i < cells.length; i++) {
        const c = cells.get(i);
        if (c.type !== 'code') continue;
        for (let j = 0; j < c.outputs.length; j++) {
          const o = c.outputs.get(j).toJSON();
          if (o.output_type === 'error') found.push(o.ename + ': ' + o.evalue);
          if (o.output_type === 'stream' && o.name === 'stderr') found.push([].concat(o.text).join(''));
        }
      }
      return found;
    }""")


def run_all(page, timeout: float = 120_000) -> None:
    """Run every cell with JupyterLab's own "Run All" command and wait until all have run (the command's promise
    settles when the last cell has run; the kernel's idle state and every prompt are checked as well)."""
    page.evaluate("() => window.jupyterapp.commands.execute('runmenu:run-all')")
    page.wait_for_function(KERNEL_IDLE_JS, timeout=timeout)
    settle(page)


def wait_for_widgets(page, timeout: float = 30_000) -> None:
    """Wait until the notebook in JupyterLab shows widgets and none still says "Loading widget..." (each widget
    output says so until its widget is drawn; they are drawn one after another once their cells have run), then for
    the layout."""
    page.wait_for_function(
        """() => document.querySelector('.jp-OutputArea-output .jupyter-widgets') !== null
          && ![...document.querySelectorAll('.jp-OutputArea-output')].some(
               output => output.textContent.startsWith('Loading widget...'))""",
        timeout=timeout,
    )
    settle(page)


def walkthroughs(page):
    """The rendered walkthrough widgets on the page (each has its 「次へ」 button)."""
    return page.locator(".widget-vbox:has(> .widget-hbox button:has-text('次へ'))")


# ---------------------------------------------------------------- typing like a person, accessibility, layout

TEXT_FIELDS = "input[type='text'], textarea"


def field_label(field) -> str:
    """The accessible name a text field gets from its widget description (a <label for=...>)."""
    return field.evaluate("el => el.labels && el.labels.length ? el.labels[0].textContent.trim() : ''")


def type_keys(field, text: str, delay_ms: int = 40) -> None:
    """Type into a field one key at a time, as a person does (never ``fill``). Characters that are not on the
    keyboard layout (full-width digits, kana, kanji) arrive as text input events, as from an IME's commit."""
    field.click()
    field.press_sequentially(text, delay=delay_ms)


def clear(field) -> None:
    """Empty a field the way a person does: select everything, then Backspace."""
    field.click()
    field.press("Control+A")
    field.press("Backspace")


def ime_compose(page, field, readings: list[str], committed: str, pause_ms: int = 60) -> None:
    """Type through a Japanese IME, as Chromium sees it: composition updates, then the commit of the conversion
    (Chrome DevTools Protocol ``Input.imeSetComposition`` and ``Input.insertText``)."""
    field.click()
    cdp = page.context.new_cdp_session(page)
    try:
        for reading in readings:
            cdp.send(
                "Input.imeSetComposition",
                {"text": reading, "selectionStart": len(reading), "selectionEnd": len(reading)},
            )
            page.wait_for_timeout(pause_ms)
        cdp.send("Input.insertText", {"text": committed})
    finally:
        cdp.detach()


def axe_violations(page, include: str | None = None, impacts=("serious", "critical")) -> list[str]:
    """Run axe-core (bundled by the axe-playwright-python wheel) on the page or on the elements of ``include``,
    against WCAG 2.2 A/AA; return the violations of these impacts as readable lines."""
    import axe_playwright_python

    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(Path(axe_playwright_python.__file__).parent / "axe.min.js"))
    found = page.evaluate(
        """async ([include, tags]) => {
        const context = include ? {include: [[include]]} : document;
        const result = await axe.run(context, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
        return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                            nodes: v.nodes.map(n => n.target.join(' '))}));
    }""",
        [include, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]],
    )
    return [
        f"{v['impact']} {v['id']} ({v['help']}): {node}" for v in found if v["impact"] in impacts for node in v["nodes"]
    ]


# What the layout check measures inside each scope: the scope itself, every element in it whose overflow-x makes
# wide content scroll (auto, scroll) or cut it off (hidden, clip) -- ipywidgets' boxes scroll (overflow:auto), its
# labels, buttons and toggle buttons clip with an ellipsis -- and the page itself.
LAYOUT_JS = """([scope, tablesMayScroll]) => {
  const found = [];
  const describe = el => {
    const classes = [...el.classList].filter(c => !c.startsWith('lm-') && !c.startsWith('p-')).slice(0, 4);
    const text = (el.innerText || el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
    return `<${el.tagName.toLowerCase()}${classes.map(c => '.' + c).join('')}> 「${text}」`;
  };
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  // A scroller made for a table: everything wider than it is the table or inside it.
  const tableScroller = el => {
    const wide = [...el.querySelectorAll('*')].filter(d => d.getBoundingClientRect().width > el.clientWidth + 1);
    return wide.some(d => d.tagName === 'TABLE') && wide.every(d => d.closest('table'));
  };
  for (const root of document.querySelectorAll(scope)) {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (el.scrollWidth <= el.clientWidth + 1 || el.clientWidth === 0 || !shown(el)) continue;
      const overflow = getComputedStyle(el).overflowX;
      const kind = overflow === 'hidden' || overflow === 'clip' ? 'clipped'
                 : overflow === 'auto' || overflow === 'scroll' ? 'scrolls'
                 : el === root ? 'spills out of' : null;  // visible overflow inside: its scroller is measured
      if (kind === null || (kind === 'scrolls' && tablesMayScroll && tableScroller(el))) continue;
      found.push(`${kind} (${el.scrollWidth}px > ${el.clientWidth}px): ${describe(el)}`);
    }
  }
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth + 1)
    found.push(`page scrolls (${page.scrollWidth}px > ${page.clientWidth}px)`);
  return found;
}"""


def resize(page, width: int, height: int = 800) -> None:
    """Resize the window and wait until the page is laid out at that width: JupyterLab (Lumino) and the widgets
    lay out again in animation frames, so two frames after the new width shows, nothing is left to move. A window
    already at that size is left as it is."""
    if page.viewport_size == {"width": width, "height": height}:
        return
    page.set_viewport_size({"width": width, "height": height})
    page.wait_for_function(f"() => window.innerWidth === {int(width)}")
    settle(page)


def settle(page) -> None:
    """Wait for the page's layout: two animation frames, after which a change made before has been laid out."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def overflowing(page, scope: str = ".jp-OutputArea-output", tables_may_scroll: bool = False) -> list[str]:
    """What in the outputs (``scope``) cannot be read without scrolling sideways: each element whose content is
    wider than it and scrolls, is clipped (cut off, often behind an ellipsis), or spills out of its output area;
    and the page itself. ``tables_may_scroll``: a table may scroll inside its own scroller (text may never be
    clipped). Each line says how, the sizes, the element's tag and classes and the start of its text."""
    return page.evaluate(LAYOUT_JS, [scope, tables_may_scroll])
