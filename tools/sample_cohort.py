"""Write the sample class of the trainer's cohort view: invented learners' records in ``data/sample_cohort``.

The records are made by the kit's own functions (``helpers.records.make``) from invented progress, so they are
exactly what learners hand in; a test checks the stored files are what this script writes.

    python3 -m tools.sample_cohort
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Invented names only (練習 = practice, 見本 = sample): never a real person's.
NAMES = [
    "練習 花子",
    "練習 太郎",
    "見本 一郎",
    "見本 さくら",
    "練習 次郎",
    "見本 めぐみ",
    "練習 健",
    "見本 陽子",
    "練習 大輔",
    "見本 由美",
    "練習 翔",
    "見本 直子",
]
START = date(2026, 11, 16)


def records(seed: int = 21) -> dict[str, dict]:
    """File name → record, for the invented class."""
    from helpers.core import data, questions
    from helpers.records import lesson_columns, make

    rng = random.Random(seed)
    lessons = list(lesson_columns())
    quiz_lesson = next(lesson.id for lesson in data.load_lessons() if lesson.quiz)
    asked = questions.quiz_questions()
    mark = next(lesson.pass_mark for lesson in data.load_lessons() if lesson.quiz)
    made = {}
    for n, name in enumerate(NAMES):
        reached = 0 if n == len(NAMES) - 1 else rng.randint(2, len(lessons) + 2)  # the last one has not started
        done = {
            lesson: (START + timedelta(days=i + rng.randint(0, 2))).isoformat()
            for i, lesson in enumerate(lessons[:reached])
            if lesson != quiz_lesson
        }
        quiz = None
        if quiz_lesson in lessons[:reached]:
            right = rng.randint(len(asked) // 2, len(asked))
            missed = sorted(rng.sample([q.id for q in asked], len(asked) - right))
            day = (START + timedelta(days=reached + 1)).isoformat()
            quiz = {
                "score": right,
                "total": len(asked),
                "passed": 100 * right >= mark * len(asked),
                "missed": missed,
                "done_at": day,
            }
            done[quiz_lesson] = day
        made[f"learner-{n + 1:02d}.json"] = make(done, quiz, name, today=date(2026, 12, 1))
    return made


def main() -> int:
    from helpers.records import SAMPLE

    SAMPLE.mkdir(exist_ok=True)
    for old in SAMPLE.glob("*.json"):
        old.unlink()
    for file, record in records().items():
        (SAMPLE / file).write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(NAMES)} invented records to {SAMPLE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
