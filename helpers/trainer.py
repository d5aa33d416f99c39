"""The trainer's pack, built from ``data/`` alone: an agenda, an answer key and a printable 早見表 (cheat sheet).

Each page is a whole HTML document with print styles (A4). Nothing in it is written by hand: lessons, minutes and
objectives come from the manifest, questions and their reasons from the exercises and the quiz, situations from
``situations.toml`` with the facts they quote, so changing ``data/`` changes the pack. ``tools/trainer_pack.py``
(``python3 kit.py trainer``) writes the pages into ``build/trainer`` and prints each to PDF with the kit's Chromium.

The cheat sheet fits one side of A4 per page — the situations of FACTS.md section 10 on the front, the article's
three cases and how to reach テクニカルサポート on the back — and carries the desk's name and the scam warning; it
shows no old phone numbers.
"""

from __future__ import annotations

from helpers import course, situations
from helpers.core import data, questions, registry
from helpers.core.cards import badge_key
from helpers.core.render import PALETTE, RichText, bullets, esc, join, para, span, strong, table

# Printed pages name their colours as CSS variables of the palette.
PRINT_CSS = (
    ":root { "
    + " ".join(f"--{name}: {PALETTE[name]};" for name in ("text", "print_rule", "print_head_bg", "print_quiet"))
    + " }"
    + """
@page { size: A4; margin: 12mm }
body { font-family: "IPAPGothic", "IPAexGothic", "IPAGothic", "Yu Gothic", "Meiryo", "Hiragino Sans", "Noto Sans CJK JP",
       sans-serif; color: var(--text); font-size: 10.5pt; line-height: 1.45 }
h1 { font-size: 16pt; margin: 0 0 4mm } h2 { font-size: 12.5pt; margin: 5mm 0 2mm; break-after: avoid }
table { border-collapse: collapse; width: 100% } th, td { border: 1px solid var(--print_rule); padding: 1mm 1.5mm;
        vertical-align: top; text-align: left } th { background: var(--print_head_bg) }
.question { break-inside: avoid; margin: 0 0 4mm } .muted { color: var(--print_quiet); font-size: 90% }
.side + .side { break-before: page }
.cheat { font-size: 8.3pt; line-height: 1.3 } .cheat h1 { font-size: 13pt; margin-bottom: 2mm }
.cheat td, .cheat th { padding: .6mm 1mm } .warn { border: 2px solid var(--text); padding: 1.5mm 2mm; margin: 2mm 0 }
@media screen { body { max-width: 210mm; margin: 1em auto } }
"""
)


def document(title: str, body: RichText, css_class: str = "") -> str:
    """A whole HTML page (Japanese, UTF-8, print styles) around a body built with the kit's escaping builders."""
    return (
        f'<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8"><title>{esc(title)}</title>'
        f'<style>{PRINT_CSS}</style></head><body class="{css_class}"><h1>{esc(title)}</h1>\n{body.html}\n'
        f'<p class="muted">{esc(data.say("trainer.footer"))}</p></body></html>\n'
    )


def _h2(text: str) -> RichText:
    return RichText(f"<h2>{esc(text)}</h2>", text)


# ---------------------------------------------------------------- the agenda


def agenda() -> str:
    """The lessons in order with their minutes and objectives, and the whole course's time."""
    parts = [para(data.say("trainer.agenda_intro", minutes=course.course_minutes()))]
    for lesson in course.lessons():
        head = data.say("trainer.agenda_lesson", number=lesson.id[:2], title=lesson.title, minutes=lesson.minutes)
        parts += [
            _h2(head + (data.say("trainer.appendix") if lesson.appendix else "")),
            para(lesson.summary),
            bullets(lesson.objectives),
        ]
    return document(data.say("trainer.agenda_title"), join(parts))


# ---------------------------------------------------------------- the answer key


def _badges(question: data.Question) -> RichText:
    words = data.load_vocabulary().badges
    return join(
        [span(f"{registry.get(f).title}［{words[badge_key(registry.get(f))].label}］") for f in question.facts],
        "、",
        "、",
    )


def question_key(question: data.Question, number: str) -> RichText:
    """One question with its right answer, why each wrong option is wrong, the explanation and its facts."""
    parts = [para(strong(f"{number} "), question.question)]
    if question.is_choice:
        items = []
        for index, option in enumerate(question.options):
            if index == question.answer:
                items.append(strong(data.say("trainer.right", option=option)))
            else:
                items.append(
                    join(
                        [
                            span(data.say("trainer.wrong", option=option)),
                            span(question.why[index], style="color:var(--print_quiet)"),
                        ],
                        " — ",
                        " — ",
                    )
                )
        parts.append(bullets(items))
    else:
        parts.append(para(strong(data.say("trainer.accepted", answers="、".join(question.accept)))))
    parts += [
        para(span(data.say("trainer.explanation") + ": "), question.explanation),
        para(span(data.say("trainer.facts") + ": ", _badges(question), style="font-size:90%")),
    ]
    return RichText(f'<div class="question">{join(parts).html}</div>', join(parts).text)


def answer_key() -> str:
    """Every exercise, lesson by lesson, and every quiz question, with their answers and reasons."""
    parts = [para(data.say("trainer.key_intro"))]
    for lesson in course.lessons():
        asked = [q for q in questions.exercise_questions() if q.lesson == lesson.id]
        if asked:
            parts.append(_h2(f"{lesson.id[:2]} {lesson.title}"))
            parts += [question_key(q, f"{n}.") for n, q in enumerate(asked, 1)]
    parts.append(_h2(data.say("trainer.quiz_heading", pass_mark=next(r.pass_mark for r in course.lessons() if r.quiz))))
    titles = {lesson.id: lesson.title for lesson in course.lessons()}
    for n, q in enumerate(questions.quiz_questions(), 1):
        parts.append(question_key(q, data.say("quiz.number", n=n)))
        parts.append(para(span(data.say("trainer.revisit", lesson=titles[q.lesson]), style="font-size:90%")))
    return document(data.say("trainer.key_title"), join(parts))


# ---------------------------------------------------------------- the cheat sheet (早見表)


def _deadline(situation: data.Situation) -> str:
    deadline = situation.deadline
    text = registry.registry().resolve(deadline.act)
    length = situations.deadline_length(situation)
    if length is not None:
        text += data.say(
            "trainer.limit",
            starts=registry.registry().resolve(deadline.starts),
            amount=length,
            unit=data.say(f"situations.units.{deadline.unit}"),
        )
    return text


def _screen(situation: data.Situation) -> str:
    path = [f"「{label.ja}」" if label.ja else f"“{label.en}”" for label in situation.first_screen.path]
    return situation.first_screen.site + ": " + " → ".join(path)


def situation_rows(chosen) -> RichText:
    columns = [data.say(f"trainer.columns.{c}") for c in ("what", "screen", "who", "deadline", "prepare")]
    handlers = data.load_vocabulary().handlers
    resolve = registry.registry().resolve
    rows = [
        (
            strong(s.title),
            _screen(s),
            handlers[s.who.handler].ja,
            _deadline(s),
            "、".join(resolve(item.text) for item in s.prepare),
        )
        for s in chosen
    ]
    return table(columns, rows)


def cheatsheet() -> str:
    """Two sides of A4: what to do in each situation, the desk's name, the scam warning, how to reach support."""
    everything = situations.situations()
    front = [s for s in everything if not s.from_article]
    back = [s for s in everything if s.from_article]
    scam = registry.get("TEL-SCAM")
    warning = RichText(
        f'<div class="warn">{strong(scam.title + ": ").html}{esc(scam.statement)}</div>',
        f"{scam.title}: {scam.statement}",
    )
    desk = course.desk_name()
    side_one = join([para(data.say("trainer.cheat_intro")), warning, situation_rows(front)])
    rules = situations.channel_rule_view()
    side_two = join(
        [
            _h2(data.say("trainer.cheat_back")),
            situation_rows(back),
            desk,
            rules,
            warning,
            para(span(data.say("trainer.cheat_check"), style="font-size:90%")),
        ]
    )
    body = RichText(
        f'<section class="side">{side_one.html}</section><section class="side">{side_two.html}</section>',
        side_one.text + "\n" + side_two.text,
    )
    return document(data.say("trainer.cheat_title"), body, css_class="cheat")


PAGES = {"agenda": agenda, "answer-key": answer_key, "cheatsheet": cheatsheet}


def pack() -> dict[str, str]:
    """Every page of the pack: file name (without extension) → HTML."""
    return {name: build() for name, build in PAGES.items()}
