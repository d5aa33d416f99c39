"""The kit's data files as validated records: one record type and one loader per file in ``data/``.

Records compare by identity (``eq=False``): each is loaded once and cached, and skipping the generated
``__eq__``/``__hash__`` keeps importing the kit fast.

The dataclass annotations below are the schema (see ``helpers.core.schema`` for how they are read). Loaders
are cached; each accepts another path so tests can hand it a broken copy (``load_facts.__wrapped__(path)``).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import types
import typing
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from helpers.core.schema import ClockTime, NonEmpty, Where, load_csv, load_toml, load_toml_table, read_text

# The repository's data/ folder; an installed copy of the kit (the browser edition's wheel) carries it as
# helpers/_data instead.
_PACKAGE = Path(__file__).resolve().parents[1]
DATA_DIR = _PACKAGE / "_data" if (_PACKAGE / "_data").is_dir() else _PACKAGE.parent / "data"

Status = Literal["article", "confirmed", "changed", "unverified"]
STATUSES: tuple[str, ...] = typing.get_args(Status)
NEEDS_CAUTION = frozenset({"changed", "unverified"})
Method = Literal["email", "phone", "chat"]
Plan = Literal["professional", "individual"]
RuleWhen = Literal["individual_plan", "topic_without_phone_chat"]


def _empty() -> Mapping[str, Any]:
    return types.MappingProxyType({})


SourceKind = Literal["article", "official", "firm", "blog", "forum", "reference", "other"]


@dataclasses.dataclass(frozen=True, eq=False)
class Source:
    """Where a fact comes from, and what kind of source it is (only ``official`` lets the kit say "official")."""

    kind: SourceKind
    title: str

    @classmethod
    def parse(cls, text: str):
        """Read a CSV cell item written as ``kind: title`` (``blog: 出品者向けブログ``)."""
        kind, _, title = text.partition(":")
        return {"kind": kind.strip(), "title": title.strip()}


Sources = Annotated[tuple[Source, ...], NonEmpty]


def _provenance(record) -> tuple[str, str] | None:
    """A caution is shown exactly where the article's version is not to be taken as it is; a status names its
    sources: the article for the article's claims, something beyond it for a confirmation or a correction."""
    if record.status in NEEDS_CAUTION and not record.caution:
        return "caution", f"状態が {record.status} のレコードには、学習者に見せる注意書き（caution）が必要です。"
    if record.status not in NEEDS_CAUTION and record.caution:
        return "caution", f"注意書き（caution）は changed / unverified のときだけ書きます（今は {record.status}）。"
    kinds = {source.kind for source in record.sources}
    if record.status == "article" and "article" not in kinds:
        return "sources", "状態が article のレコードには、記事（kind = \"article\"）を出典に書いてください。"
    if record.status in ("confirmed", "changed") and not kinds - {"article"}:
        return "sources", f"状態が {record.status} のレコードには、記事のほかの出典（kind）を書いてください。"
    return None


# ---------------------------------------------------------------- facts and tables


@dataclasses.dataclass(frozen=True, eq=False)
class Fact:
    """One fact the kit teaches (``data/facts.toml``)."""

    id: str
    section: int
    title: str
    statement: str
    status: Status
    sources: Sources
    verified_on: date
    caution: str | None = None
    note: str | None = None
    opinion: bool = False
    labels: tuple[str, ...] = ()
    values: Mapping[str, Any] = dataclasses.field(default_factory=_empty)

    def check(self) -> tuple[str, str] | None:
        if not 1 <= self.section <= 9:
            return "section", f"{self.section} は範囲外です。FACTS.md の節番号 1〜9 を書いてください。"
        return _provenance(self)


@dataclasses.dataclass(frozen=True, eq=False)
class Hours:
    """When a channel takes contact, in Japan time (``data/hours.csv``)."""

    id: str
    channel: Literal["written", "phone"]
    channel_ja: str
    title: str
    opens: Annotated[int, ClockTime]
    closes: Annotated[int, ClockTime]
    statement: str
    status: Status
    sources: Sources
    verified_on: date
    note: str | None = None
    unknown: str | None = None
    caution: str | None = None

    def check(self) -> tuple[str, str] | None:
        if self.opens >= self.closes:
            return "closes", "終了時刻は開始時刻より後にしてください。"
        return _provenance(self)


@dataclasses.dataclass(frozen=True, eq=False)
class PhoneNumber:
    """A phone number the article lists (``data/phone_numbers.csv``)."""

    id: str
    number: str
    kind_ja: str
    title: str
    statement: str
    status: Status
    sources: Sources
    verified_on: date
    international: str | None = None
    caution: str | None = None

    def check(self) -> tuple[str, str] | None:
        if not re.fullmatch(r"0[0-9]{1,4}-[0-9]{1,4}-[0-9]{3,4}", self.number):
            return "number", "「03-1234-5678」のように半角数字とハイフンで書いてください。"
        return _provenance(self)


ChannelValue = Literal["yes", "no", "na"]
SpeedValue = Literal["real_time", "fairly_fast", "slowest"]
SPEED_FEATURE = "speed"


@dataclasses.dataclass(frozen=True, eq=False)
class ChannelFeature:
    """One row of the article's channel comparison, CHAN-COMPARE (``data/channels.csv``)."""

    feature: str
    label_ja: str
    label_en: str
    chat: str
    email: str
    phone: str
    desirable: Literal["yes", "no"]
    status: Status
    sources: Sources
    verified_on: date
    caution: str | None = None

    @property
    def id(self) -> str:
        return self.feature

    @property
    def title(self) -> str:
        return self.label_ja

    def check(self) -> tuple[str, str] | None:
        allowed = typing.get_args(SpeedValue if self.feature == SPEED_FEATURE else ChannelValue)
        for channel in typing.get_args(Method):
            if getattr(self, channel) not in allowed:
                return channel, f"{getattr(self, channel)!r} は使えません。{' / '.join(allowed)} のどれかを書いてください。"
        return _provenance(self)


# ---------------------------------------------------------------- procedures


@dataclasses.dataclass(frozen=True, eq=False)
class Label:
    """An Amazon UI label, quoted exactly; the English Seller Central label where known."""

    ja: str
    en: str | None = None


@dataclasses.dataclass(frozen=True, eq=False)
class MethodChoice:
    """A contact method offered at a procedure's choosing step (its on-screen label), and what follows it."""

    method: Method
    ja: str
    procedure: str | None = None


@dataclasses.dataclass(frozen=True, eq=False)
class Step:
    """One step of a contact procedure."""

    title: str
    instruction: str
    labels: tuple[Label, ...] = ()
    notes: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    kind: Literal["action", "choose_method", "phone_input", "email_form"] = "action"
    methods: tuple[MethodChoice, ...] = ()


@dataclasses.dataclass(frozen=True, eq=False)
class Rule:
    """A situation that narrows the contact methods a procedure's choosing step offers."""

    when: RuleWhen
    offer: Annotated[tuple[Method, ...], NonEmpty]
    fact: str

    def applies(self, plan: str, topic_offers_phone_chat: bool) -> bool:
        """Whether the rule's situation is the learner's: the one place that reads ``when``."""
        return {"individual_plan": plan == "individual",
                "topic_without_phone_chat": not topic_offers_phone_chat}[self.when]


@dataclasses.dataclass(frozen=True, eq=False)
class Procedure:
    """A contact procedure and its ordered steps (``data/procedures.toml``)."""

    id: str
    title: str
    summary: str
    status: Status
    sources: Sources
    verified_on: date
    step: Annotated[tuple[Step, ...], NonEmpty]
    caution: str | None = None
    note: str | None = None
    facts: tuple[str, ...] = ()
    rule: tuple[Rule, ...] = ()

    @property
    def statement(self) -> str:
        return self.summary

    @property
    def steps(self) -> tuple[Step, ...]:
        return self.step

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self.rule

    @property
    def choosing_step(self) -> Step | None:
        """The step where the learner chooses a contact method, if the procedure has one."""
        return next((s for s in self.steps if s.kind == "choose_method"), None)

    @property
    def first_label(self) -> Label:
        """The first UI label the learner looks for (for questions whose answer is that label)."""
        return next(label for step in self.steps for label in step.labels)

    @property
    def only_offers(self) -> Mapping[str, tuple[str, ...]]:
        """For each rule, the on-screen labels of the methods it leaves (e.g. the plan that only has e-mail)."""
        methods = self.choosing_step.methods if self.choosing_step else ()
        return types.MappingProxyType({rule.when: tuple(m.ja for m in methods if m.method in rule.offer)
                                       for rule in self.rules})

    def check(self) -> tuple[str, str] | None:
        if self.rules and not (self.choosing_step and self.choosing_step.methods):
            return "rule", "rule を書くときは、methods のある choose_method のステップも書いてください。"
        return _provenance(self)


# ---------------------------------------------------------------- situations, lessons, questions


@dataclasses.dataclass(frozen=True, eq=False)
class Branch:
    """What to do in a situation, in order; ``when`` names the case it applies to (none: always)."""

    do: Annotated[tuple[str, ...], NonEmpty]
    when: str | None = None
    facts: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, eq=False)
class Situation:
    """A situation in which tech support is the one to contact (``data/situations.toml``).

    The record's status is that of the article's advice (``article_view``); findings beyond the article are facts
    of their own, named in ``facts`` and in the ``steps`` that rest on them.
    """

    id: str
    title: str
    case_subject: str
    example: str
    article_view: str
    steps: Annotated[tuple[Branch, ...], NonEmpty]
    risks: Annotated[tuple[str, ...], NonEmpty]
    status: Status
    sources: Sources
    verified_on: date
    caution: str | None = None
    facts: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    values: Mapping[str, Any] = dataclasses.field(default_factory=_empty)
    recommend: Mapping[str, Any] = dataclasses.field(default_factory=_empty)
    recommend_why: str | None = None

    @property
    def statement(self) -> str:
        return self.article_view

    def check(self) -> tuple[str, str] | None:
        if set(self.recommend) - {"record", "speed", "nuance"}:
            return "recommend", "使えるのは record / speed / nuance だけです。"
        if any(v not in (0, 1, 2) for v in self.recommend.values()):
            return "recommend", "重みは 0・1・2 のどれかにしてください。"
        if bool(self.recommend) != bool(self.recommend_why):
            return "recommend_why", "recommend を書いたら、その理由（recommend_why）も書いてください。"
        return _provenance(self)


@dataclasses.dataclass(frozen=True, eq=False)
class KeyPoint:
    """What a learner should do after a lesson, and the facts it rests on (shown with their status)."""

    do: str
    facts: Annotated[tuple[str, ...], NonEmpty]


@dataclasses.dataclass(frozen=True, eq=False)
class Lesson:
    """A notebook of the kit, in the manifest's order (``data/lessons.toml``); its id is its file name's stem."""

    id: str
    title: str
    summary: str
    objectives: tuple[str, ...] = ()
    key_points: tuple[KeyPoint, ...] = ()
    walkthroughs: tuple[str, ...] = ()
    quiz: bool = False
    appendix: bool = False
    pandas: bool = False

    @property
    def file(self) -> str:
        return f"{self.id}.ipynb"

    def check(self) -> tuple[str, str] | None:
        if not re.fullmatch(r"[0-9]{2}_[a-z0-9_]+", self.id):
            return "id", "「01_seller_central」のように、2桁の番号_英小文字 で書いてください（.ipynb は付けません）。"
        return None


@dataclasses.dataclass(frozen=True, eq=False)
class Mistake:
    """A wrong answer the kit expects, and what to say to someone who gives it."""

    answer: str
    say: str


@dataclasses.dataclass(frozen=True, eq=False)
class Question:
    """A question of an exercise (``data/exercises.toml``) or of the quiz (``data/quiz.toml``).

    A choice question has ``options`` and ``answer`` (the 0-based index of the right option, or the right option's
    text); a text question has ``accept`` instead. Any text may name a fact's value as ``{ID.path}``, e.g.
    ``{PROC-SELLER-CENTRAL.first_label.ja}``, so that the question follows the fact.
    """

    id: str
    facts: Annotated[tuple[str, ...], NonEmpty]
    question: str
    explanation: str
    options: tuple[str, ...] = ()
    answer: int | str | None = None
    accept: tuple[str, ...] = ()
    match: Literal["text", "digits"] = "text"
    hint: str | None = None
    mistakes: tuple[Mistake, ...] = ()
    lesson: str | None = None
    section: int | None = None
    placeholder: str | None = None

    @property
    def is_choice(self) -> bool:
        return bool(self.options)

    def check(self) -> tuple[str, str] | None:
        if self.options:
            if len(self.options) < 2:
                return "options", "選択肢を2つ以上書いてください。"
            if len(set(self.options)) != len(self.options):
                return "options", "同じ選択肢が2回書かれています。"
            if self.answer is None:
                return "answer", "正解の選択肢（0から数えた番号か、選択肢の文）を書いてください。"
            if isinstance(self.answer, int) and not 0 <= self.answer < len(self.options):
                return "answer", f"0〜{len(self.options) - 1} のどれか（正解の選択肢の番号、0から数える）を書いてください。"
            if self.accept:
                return "accept", "選択肢のある問題には accept を書きません（answer で正解を示します）。"
        elif not self.accept:
            return "accept", "選択肢のない問題には、正解として受け付ける答え（accept）を書いてください。"
        if self.section is not None and not 1 <= self.section <= 9:
            return "section", f"{self.section} は範囲外です。FACTS.md の節番号 1〜9 を書いてください。"
        return None


# ---------------------------------------------------------------- the kit's own words


@dataclasses.dataclass(frozen=True, eq=False)
class Term:
    """A name the kit uses, in Japanese and, where there is one, the English Seller Central word."""

    ja: str
    en: str | None = None
    aliases: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, eq=False)
class Mark:
    """How a status (or the author's opinion) is marked, and what it means for the learner."""

    label: str
    meaning: str
    caution: str | None = None


@dataclasses.dataclass(frozen=True, eq=False)
class PracticeNumber:
    """An invented phone number for practice, and what goes after the form's +81 (checked by the tests)."""

    domestic: str
    after_81: str


@dataclasses.dataclass(frozen=True, eq=False)
class TermRule:
    """One entry of the terminology list: the preferred form, the pattern of forms to avoid, and why."""

    prefer: str
    avoid: str
    why: str

    def check(self) -> tuple[str, str] | None:
        try:
            re.compile(self.avoid)
        except re.error as exc:
            return "avoid", f"正規表現として読めません（{exc}）。"
        return None


@dataclasses.dataclass(frozen=True, eq=False)
class Vocabulary:
    """Names said once (``data/vocabulary.toml``): channels, plans, statuses, source kinds, Seller Central's
    English labels, the situations of rules, practice numbers and the terminology list."""

    channels: Mapping[str, Term]
    plans: Mapping[str, Term]
    statuses: Mapping[str, Mark]
    opinion: Mark
    official: Mark
    rules: Mapping[str, str]
    source_kinds: Mapping[str, str]
    seller_labels: Mapping[str, str]
    practice_numbers: Annotated[tuple[PracticeNumber, ...], NonEmpty]
    terminology: tuple[TermRule, ...] = ()

    def check(self) -> tuple[str, str] | None:
        expected = {"channels": typing.get_args(Method), "plans": typing.get_args(Plan),
                    "statuses": STATUSES, "rules": typing.get_args(RuleWhen),
                    "source_kinds": typing.get_args(SourceKind)}
        for name, keys in expected.items():
            if set(getattr(self, name)) != set(keys):
                return name, f"{' / '.join(keys)} をすべて、それだけを書いてください。"
        for status in NEEDS_CAUTION:
            if not self.statuses[status].caution:
                return "statuses", f"{status} には注意書きの見出し（caution）を書いてください。"
        return None

    def channel(self, key: str) -> str:
        return self.channels[key].ja

    def channel_names(self) -> dict[str, str]:
        """The channels in the article's table order, with the kit's names for them."""
        return {key: term.ja for key, term in self.channels.items()}

    def plan(self, key: str) -> str:
        return self.plans[key].ja

    def check_plan(self, plan) -> str:
        """Return ``plan`` when it is a selling plan's key; otherwise a Japanese ``ValueError`` naming the keys."""
        if plan not in self.plans:
            choices = "か".join(f"{key}（{term.ja}）" for key, term in self.plans.items())
            raise ValueError(f"出品プランは {choices} にしてください。")
        return plan


@dataclasses.dataclass(frozen=True, eq=False)
class GlossaryTerm:
    """A word a new seller meets (``data/glossary.toml``), what it means, and the fact that backs it."""

    term: str
    meaning: str
    fact: str
    also: tuple[str, ...] = ()
    en: str | None = None

    @property
    def id(self) -> str:
        return self.term


# ---------------------------------------------------------------- loaders


def _name(path: Path) -> str:
    try:
        return Path(path).resolve().relative_to(DATA_DIR.parent).as_posix()
    except ValueError:
        return Path(path).name


@functools.cache
def load_facts(path: Path = DATA_DIR / "facts.toml") -> tuple[Fact, ...]:
    """Load and validate ``facts.toml``."""
    return load_toml(Path(path), _name(path), "fact", Fact)


@functools.cache
def load_procedures(path: Path = DATA_DIR / "procedures.toml") -> tuple[Procedure, ...]:
    """Load and validate ``procedures.toml``."""
    return load_toml(Path(path), _name(path), "procedure", Procedure)


@functools.cache
def load_situations(path: Path = DATA_DIR / "situations.toml") -> tuple[Situation, ...]:
    """Load and validate ``situations.toml``."""
    return load_toml(Path(path), _name(path), "situation", Situation)


@functools.cache
def load_lessons(path: Path = DATA_DIR / "lessons.toml") -> tuple[Lesson, ...]:
    """Load and validate the manifest ``lessons.toml``."""
    return load_toml(Path(path), _name(path), "lesson", Lesson)


@functools.cache
def load_quiz(path: Path = DATA_DIR / "quiz.toml") -> tuple[Question, ...]:
    """Load and validate the quiz ``quiz.toml``: every question names its FACTS.md section."""
    questions = load_toml(Path(path), _name(path), "question", Question)
    for question in questions:
        if question.section is None:
            Where(_name(path), question.id).fail("section", "クイズの問題には、FACTS.md の節番号（section）を書いてください。")
        if not question.is_choice:
            Where(_name(path), question.id).fail("options", "クイズの問題は選択式です。選択肢（options）を書いてください。")
    return questions


@functools.cache
def load_exercises(path: Path = DATA_DIR / "exercises.toml") -> tuple[Question, ...]:
    """Load and validate ``exercises.toml``: every exercise names its lesson and has a hint."""
    questions = load_toml(Path(path), _name(path), "exercise", Question)
    for question in questions:
        for field in ("lesson", "hint"):
            if getattr(question, field) is None:
                Where(_name(path), question.id).fail(field, "練習問題には lesson（出題するノートブックの id）と hint が必要です。")
    return questions


@functools.cache
def load_glossary(path: Path = DATA_DIR / "glossary.toml") -> tuple[GlossaryTerm, ...]:
    """Load and validate ``glossary.toml``."""
    return load_toml(Path(path), _name(path), "term", GlossaryTerm)


@functools.cache
def load_hours(path: Path = DATA_DIR / "hours.csv") -> tuple[Hours, ...]:
    """Load and validate ``hours.csv``."""
    return load_csv(Path(path), _name(path), Hours)


@functools.cache
def load_phone_numbers(path: Path = DATA_DIR / "phone_numbers.csv") -> tuple[PhoneNumber, ...]:
    """Load and validate ``phone_numbers.csv``."""
    return load_csv(Path(path), _name(path), PhoneNumber)


@functools.cache
def load_channels(path: Path = DATA_DIR / "channels.csv") -> tuple[ChannelFeature, ...]:
    """Load and validate ``channels.csv`` (the rows of CHAN-COMPARE)."""
    return load_csv(Path(path), _name(path), ChannelFeature)


@functools.cache
def load_vocabulary(path: Path = DATA_DIR / "vocabulary.toml") -> Vocabulary:
    """Load and validate ``vocabulary.toml``."""
    return load_toml_table(Path(path), _name(path), Vocabulary)


@functools.cache
def load_texts(path: Path = DATA_DIR / "texts.toml") -> Mapping[str, str]:
    """Load ``texts.toml``: the kit's sentences, by dotted key (``"walkthrough.static_note"``)."""
    import tomllib

    name = _name(path)
    try:
        document = tomllib.loads(read_text(Path(path), name))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{name}: TOML の書き方に誤りがあります（{exc}）。") from None
    flat: dict[str, str] = {}

    def walk(prefix: str, table: Mapping) -> None:
        for key, value in table.items():
            if isinstance(value, Mapping):
                walk(f"{prefix}{key}.", value)
            elif isinstance(value, str) and value.strip():
                flat[prefix + key] = value
            else:
                Where(name, prefix.rstrip(".") or "(ファイル全体)").fail(key, "空でない文字列を書いてください。")

    walk("", document)
    return types.MappingProxyType(flat)


def say(key: str, **fields: Any) -> str:
    """Return the kit's sentence ``key`` from ``texts.toml``, with ``{fields}`` filled in."""
    try:
        template = load_texts()[key]
    except KeyError:
        raise KeyError(f"data/texts.toml に 「{key}」 がありません。") from None
    return template.format(**fields) if fields else template

