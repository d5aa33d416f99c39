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


def lesson(file: str) -> data.Lesson:
    """Return the manifest entry of a notebook, by its file name."""
    for entry in data.load_lessons():
        if entry.file == file:
            return entry
    raise ValueError(f"「{file}」は data/lessons.toml にありません。")


def objectives(file: str) -> RichText:
    """Show what the learner will be able to do after the notebook."""
    goals = lesson(file).objectives
    html = "<p><strong>このノートブックの目標</strong></p><ul>" + "".join(f"<li>{esc(g)}</li>" for g in goals) + "</ul>"
    return RichText(html, "このノートブックの目標:\n" + "\n".join(f"  ・{g}" for g in goals))


def key_points(file: str) -> RichText:
    """Summarise the notebook with the facts it taught, each with its status and any caution."""
    from helpers import facts

    items, lines = [], ["まとめ:"]
    for fact_id in lesson(file).key_points:
        record = facts.get(fact_id)
        mark = facts.badge(record.status, getattr(record, "opinion", False))
        caution = f" {facts.CAUTION_LABEL[record.status]}: {record.caution}" if record.caution else ""
        items.append(f"<li><strong>{esc(record.title)}</strong> {mark.html} — {esc(record.statement)}"
                     + (f'<br><span style="color:{facts.STATUS_MARKS[record.status][1]}">{esc(caution)}</span>'
                        if caution else "") + "</li>")
        lines.append(f"  ・{record.title} {mark.text} — {record.statement}{caution}")
    return RichText("<p><strong>まとめ</strong></p><ul>" + "".join(items) + "</ul>", "\n".join(lines))
