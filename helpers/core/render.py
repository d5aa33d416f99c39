"""Rendering: content that shows in JupyterLab, on GitHub without a kernel, and as plain text.

Every builder here escapes the text it is given; only a ``RichText`` (already built here) passes through as
markup. So text from ``data/``, from a learner's file or from a form is always shown, never interpreted. Colours
are named once, in ``PALETTE``.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Iterable, Mapping

# The kit's colours, by meaning. Text colours keep a contrast of at least 4.5:1 on white.
PALETTE: Mapping[str, str] = types.MappingProxyType(
    {
        "ok": "#1a7f37",  # right, possible, confirmed on an Amazon Japan page
        "error": "#cf222e",  # wrong, not possible, unverified
        "info": "#0969da",  # neutral guidance; facts to check before relying on them
        "warning": "#9a3b00",  # possibly outdated or wrong facts, cautions
        "opinion": "#8250df",  # the author's opinion
        "muted": "#57606a",  # not applicable, greyed out
        "text": "#000000",  # text on a light background
        "on_tone": "#ffffff",  # text on a badge of one of the colours above
        "highlight": "#fff3b0",  # a UI label to look for (background)
        "good_bg": "#dafbe1",  # best cell of a comparison (background)
        "fair_bg": "#eefbe9",  # partly good cell (background)
        "bad_bg": "#ffebe9",  # bad cell (background)
        "field_bg": "#f6f8fa",  # a form field drawn in text (background)
        "border": "#6e7781",
        "print_rule": "#888888",
        "print_head_bg": "#eeeeee",
        "print_quiet": "#444444",  # printed pages (A4, grey)
        "bar_wait": "#f4b183",
        "bar_rate": "#8fd19e",
        "bar_count": "#9ecbff",
    }
)
# The four badges (helpers.core.cards): their words carry the meaning, the colour only repeats it.
BADGE_COLOURS: Mapping[str, str] = types.MappingProxyType(
    {"official": "ok", "check": "info", "outdated": "warning", "opinion": "opinion"}
)


@dataclasses.dataclass(frozen=True)
class RichText:
    """Content with an HTML form for notebooks and a plain-text form for tests, screen readers and GitHub."""

    html: str
    text: str

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        return {"text/plain": self.text, "text/html": self.html}

    def __str__(self) -> str:
        return self.text

    def __add__(self, other: Content) -> RichText:
        other = as_rich(other)
        return RichText(self.html + other.html, self.text + other.text)

    def __bool__(self) -> bool:
        return bool(self.text or self.html)


Content = str | RichText
EMPTY = RichText("", "")


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def esc(value: object) -> str:
    """Escape a value for HTML (as ``html.escape`` does, quotes included).

    >>> esc('<a href="x">')
    '&lt;a href=&quot;x&quot;&gt;'
    """
    return str(value).translate(_ESCAPES)


def as_rich(content: Content | None) -> RichText:
    """Plain text becomes escaped HTML; a RichText stays as it is."""
    if content is None:
        return EMPTY
    if isinstance(content, RichText):
        return content
    return RichText(esc(content), str(content))


def _attrs(role: str | None, tone: str | None, style: str) -> str:
    css = (f"color:{PALETTE[tone]};" if tone else "") + style
    return (f' role="{role}"' if role else "") + (f' style="{css}"' if css else "")


def span(*content: Content, tone: str | None = None, bold: bool = False, style: str = "") -> RichText:
    """Inline text, optionally coloured (by palette name) or bold."""
    inner = join(content, "", "")
    if bold:
        inner = RichText(f"<strong>{inner.html}</strong>", inner.text)
    if not (tone or style):
        return inner
    return RichText(f"<span{_attrs(None, tone, style)}>{inner.html}</span>", inner.text)


def strong(*content: Content) -> RichText:
    return span(*content, bold=True)


def block(
    *content: Content, role: str | None = None, tone: str | None = None, style: str = "", tag: str = "div"
) -> RichText:
    """A block (``div`` or ``p``) of inline content; ``role`` = ``status`` or ``alert`` announces it."""
    inner = join(content, "", "")
    live = ' aria-live="polite"' if role == "status" else ""
    return RichText(f"<{tag}{_attrs(role, tone, style)}{live}>{inner.html}</{tag}>", inner.text)


def para(*content: Content, tone: str | None = None) -> RichText:
    return block(*content, tone=tone, tag="p")


def status(*content: Content, tone: str | None = None) -> RichText:
    """A result the learner caused, announced politely to screen readers."""
    return block(*content, role="status", tone=tone)


def alert(*content: Content) -> RichText:
    """A problem with what the learner entered (it says what to type instead), announced at once."""
    return block(*content, role="alert", tone="error")


def heading(*content: Content, level: int = 3) -> RichText:
    """A heading for screen readers that stays out of JupyterLab's table of contents (real <h*> would not)."""
    inner = join(content, "", "")
    size = {3: "1.25em", 4: "1.1em"}.get(level, "1em")
    return RichText(
        f'<div role="heading" aria-level="{level}" style="font-size:{size};font-weight:bold;'
        f'margin:.3em 0">{inner.html}</div>',
        inner.text,
    )


def bullets(items: Iterable[Content], ordered: bool = False, style: str = "") -> RichText:
    """A list; its text form indents each item with ・ (or its number)."""
    rich = [as_rich(item) for item in items]
    tag = "ol" if ordered else "ul"
    css = f' style="{style}"' if style else ""
    marks = [f"{n}. " if ordered else "・" for n in range(1, len(rich) + 1)]
    return RichText(
        f"<{tag}{css}>" + "".join(f"<li>{r.html}</li>" for r in rich) + f"</{tag}>",
        "\n".join(f"  {m}{r.text}" for m, r in zip(marks, rich)),
    )


def link(content: Content, href: str) -> RichText:
    """A link, underlined so that it is not told from the text by its colour alone."""
    inner = as_rich(content)
    return RichText(f'<a href="{esc(href)}" style="text-decoration:underline">{inner.html}</a>', inner.text)


# Rules for the kit's widgets that their Python options cannot set: option buttons (RadioButtons) big enough to
# hit with a finger or a shaky mouse (WCAG 2.2 target size, 24 px), in widgets that carry the class below.
CHOICES_CLASS = "kit-choices"
WIDGET_CSS = (
    f"<style>.{CHOICES_CLASS} .widget-radio-box label{{min-height:28px;display:flex;align-items:center;"
    f"line-height:1.4}}.{CHOICES_CLASS} .widget-radio-box input[type=radio]{{width:20px;height:20px;"
    f"margin:0 .5em 0 0;flex:none;order:-1}}</style>"
)


def shown_name(name: str) -> str:
    """A file name as a message shows it: without control or invisible characters, at most 40 characters."""
    import unicodedata

    name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf", "Cs")) or "?"
    return name if len(name) <= 40 else name[:37] + "…"


def pill(label: str, tone: str) -> RichText:
    """A small label on a coloured background (white text), e.g. a status badge."""
    return RichText(
        f'<span style="background:{PALETTE[tone]};color:{PALETTE["on_tone"]};border-radius:4px;'
        f'padding:0 .45em;font-size:90%;white-space:nowrap">{esc(label)}</span>',
        f"[{label}]",
    )


def mark(label: str) -> RichText:
    """A UI label to look for on Amazon's screen: highlighted, bold, and quoted in the text form."""
    return RichText(
        f'<mark style="background:{PALETTE["highlight"]};color:{PALETTE["text"]}"><strong>{esc(label)}</strong></mark>',
        label,
    )


def field(value: str) -> RichText:
    """A value drawn as it appears in a form field."""
    return RichText(
        f'<span style="border:1px solid {PALETTE["border"]};border-radius:3px;padding:.1em .5em;'
        f'background:{PALETTE["field_bg"]};color:{PALETTE["text"]}"><strong>{esc(value)}</strong></span>',
        value,
    )


def meter(done: int, total: int, words: str) -> RichText:
    """A progress bar named by ``words`` (for screen readers), followed by the same words in bold."""
    return RichText(
        f'<progress max="{int(total)}" value="{int(done)}" aria-label="{esc(words)}" '
        f'style="vertical-align:middle;margin-right:.6em"></progress><strong>{esc(words)}</strong>',
        words,
    )


def preformatted(text: str) -> RichText:
    """Text kept line by line as written (a draft to copy), wrapped to the width of the page."""
    return RichText(f"<pre style='white-space:pre-wrap'>{esc(text)}</pre>", text)


def join(parts: Iterable[Content], html_sep: str = "\n", text_sep: str = "\n") -> RichText:
    """Concatenate content; empty parts are left out."""
    rich = [as_rich(p) for p in parts]
    rich = [r for r in rich if r]
    return RichText(html_sep.join(r.html for r in rich), text_sep.join(r.text for r in rich))


def table(columns: list[str], rows: Iterable[Iterable[Content]]) -> RichText:
    """A small left-aligned table (JupyterLab right-aligns output tables by default)."""
    left = 'style="text-align:left"'
    rows = [[as_rich(cell) for cell in row] for row in rows]
    head = "".join(f"<th {left}>{esc(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td {left}>{cell.html}</td>" for cell in row) + "</tr>" for row in rows)
    text = [" / ".join(columns)] + [" / ".join(cell.text for cell in row) for row in rows]
    return RichText(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>", "\n".join(text))


LEFT_ALIGNED = ({"selector": "th, td", "props": "text-align:left;padding:.3em .8em"},)


def styled(
    styler, *, caption: str | None = None, formats=None, na_rep: str | None = None, hide_index: bool = False
) -> RichText:
    """Show a pandas Styler with every cell, header and the caption escaped: its HTML and, for text, the table.

    Pass number formats here (not with ``Styler.format``), because the escaping formatter is set here.
    """
    styler = (
        styler.format(formats, escape="html", na_rep=na_rep)
        .format_index(escape="html", axis=0)
        .format_index(escape="html", axis=1)
    )
    if caption:
        styler = styler.set_caption(esc(caption))
    if hide_index:
        styler = styler.hide(axis="index")
    shown = styler.data.copy()
    for column, fmt in (formats or {}).items():  # the text form shows the same numbers (68%, not 0.68)
        as_text = fmt.format if isinstance(fmt, str) else fmt
        shown[column] = [(na_rep or "") if value != value else as_text(value) for value in shown[column]]
    text = shown.to_string(index=not hide_index)
    return RichText(styler.to_html(), (f"{caption}\n" if caption else "") + text)
