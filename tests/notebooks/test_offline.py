"""Nothing in the kit opens a network connection: the helpers, every one of them used (each notebook is watched in
the kernel nbval runs it in: ``notebooks/<name>.ipynb::promises``, ``tests/support/notebook_checks.py``)."""

from __future__ import annotations

import socket

import pytest

from helpers import (channels, contact_log, course, drafts, facts, forms, freshness, hours, preparation, quiz,
                     situations, walkthrough)
from helpers.core import data, questions, registry


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args[1:] if len(args) > 1 else args)
        raise OSError("network access refused by the offline test")

    for target, name in ((socket.socket, "connect"), (socket.socket, "connect_ex"), (socket, "getaddrinfo"),
                         (socket, "create_connection")):
        monkeypatch.setattr(target, name, refuse)
    return attempts


def test_every_helper_works_offline(no_network):
    registry.registry()
    for loader in (data.load_facts, data.load_quiz, data.load_lessons, data.load_channels, data.load_texts):
        loader()
    facts.legend(), hours.hours_table(), hours.phone_checker()._repr_mimebundle_(), course.lesson_list()
    for procedure in data.load_procedures():
        w = walkthrough.walkthrough(procedure.id)
        while not w.at_end:
            w.next()
        w._repr_mimebundle_()
    walkthrough.walkthrough("PROC-BUYER-PHONE").check_phone("０９０ー１１１１ー２２２２")
    channels.comparison_table(), channels.recommender()._repr_mimebundle_(), channels.weights_table()
    contact_log.report(contact_log.SAMPLE), contact_log.uploader()._repr_mimebundle_()
    for lesson in course.lessons():
        for q in course.lesson(lesson.id).exercises():
            q.check(q.question.answer if q.question.is_choice else q.question.accept[0]), q._repr_mimebundle_()
    game = quiz.quiz()
    for question in game.questions:
        game.answer(question.id, question.answer)
    situations.triage()._repr_mimebundle_(), preparation.checklist()._repr_mimebundle_()
    drafts.case_draft("WHEN-RETURNS", "x 090-1111-2222", "249-1234567-1234567", "y")
    forms.callback_number("03-1234-5678"), course.progress_view()._repr_mimebundle_()
    freshness.freshness_view()._repr_mimebundle_(), questions.quiz_questions()
    assert no_network == []


def test_the_guard_itself_catches_a_connection(no_network):
    with pytest.raises(OSError):
        socket.create_connection(("example.com", 80))
    assert no_network
