"""Objects that show well in JupyterLab, on GitHub or nbviewer without a kernel, and as plain text."""

from __future__ import annotations

import dataclasses
import html


@dataclasses.dataclass(frozen=True)
class RichText:
    """Content with an HTML form for notebooks and a plain-text form for tests and screen readers."""

    html: str
    text: str

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        return {"text/plain": self.text, "text/html": self.html}

    def __str__(self) -> str:
        return self.text


def esc(value: object) -> str:
    """Escape a value for HTML."""
    return html.escape(str(value))


def heading(text_html: str, level: int = 3) -> str:
    """A heading for screen readers that stays out of JupyterLab's table of contents (real <h*> would not)."""
    size = {3: "1.25em", 4: "1.1em"}.get(level, "1em")
    return (f'<div role="heading" aria-level="{level}" style="font-size:{size};font-weight:bold;margin:.3em 0">'
            f"{text_html}</div>")


def alert(message: object) -> RichText:
    """A message that says what to type instead, announced to screen readers."""
    return RichText(f'<div role="alert" style="color:#cf222e">{esc(message)}</div>', str(message))


def join(parts: list[RichText], html_sep: str = "\n", text_sep: str = "\n") -> RichText:
    """Concatenate rich texts."""
    return RichText(html_sep.join(p.html for p in parts), text_sep.join(p.text for p in parts))


def widget_bundle(widget, fallback: RichText) -> dict:
    """Return a widget's display bundle plus a static version for readers without a kernel.

    JupyterLab shows the live widget; GitHub, nbviewer and nbval see the HTML and the text, which must
    therefore be deterministic.
    """
    bundle = dict(widget._repr_mimebundle_() or {})
    bundle.update(fallback._repr_mimebundle_())
    return bundle


def styled(styler) -> RichText:
    """Show a pandas Styler: its HTML (colours, bars) and, for text readers and tests, the plain table."""
    return RichText(styler.to_html(), styler.data.to_string())
