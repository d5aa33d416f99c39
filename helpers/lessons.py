"""The kit's notebooks, in the order of the manifest ``data/lessons.toml``."""

from __future__ import annotations

from helpers import data
from helpers.display import RichText, esc


def lesson_list() -> RichText:
    """List the notebooks with links, titles and summaries, generated from the manifest."""
    lessons = data.load_lessons()
    items = [f'<li><a href="{esc(l.file)}">{esc(l.title)}</a> — {esc(l.summary)}</li>' for l in lessons]
    text = [f"{n}. {l.title}（{l.file}）: {l.summary}" for n, l in enumerate(lessons, start=1)]
    return RichText("<ol>\n" + "\n".join(items) + "\n</ol>", "\n".join(text))
