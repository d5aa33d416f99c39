"""Nothing in the kit opens a network connection: not the helpers, not the notebooks."""

from __future__ import annotations

import json
import socket

import nbformat
import pytest
from nbclient import NotebookClient
from support import stored_notebooks

from helpers import (channels, contact_log, course, drafts, facts, forms, freshness, hours, preparation, quiz,
                     situations, walkthrough)
from helpers.core import data, questions, registry

GUARD = r"""
import json, os, socket
_log = os.environ["KIT_NETWORK_LOG"]
def _refuse(*args, **kwargs):
    with open(_log, "a", encoding="utf-8") as out:
        out.write(json.dumps(repr(args[1:] if len(args) > 1 else args)) + "\n")
    raise OSError("network access refused by the offline test")
socket.socket.connect = socket.socket.connect_ex = _refuse
socket.getaddrinfo = socket.create_connection = _refuse
"""


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


@pytest.mark.parametrize("path", stored_notebooks(), ids=lambda p: p.name)
def test_notebooks_run_offline(tmp_path, monkeypatch, path):
    log = tmp_path / "network.log"
    monkeypatch.setenv("KIT_NETWORK_LOG", str(log))
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(GUARD))
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    attempts = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
    assert attempts == []
