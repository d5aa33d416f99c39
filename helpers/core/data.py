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


# FACTS.md's source kinds: ``official-jp`` is an Amazon Japan page; ``official-other`` another marketplace's (US,
# UK, …: not Japan's policy); ``api-doc`` Amazon's developer documentation. The kit adds ``reference`` (standards,
# numbering plans, the tz database) and ``other`` (public material whose kind was not recorded).
SourceKind = Literal[
    "article", "official-jp", "official-other", "api-doc", "firm", "blog", "forum", "reference", "other"
]
SECTIONS = range(1, 11)  # FACTS.md's sections


@dataclasses.dataclass(frozen=True, eq=False)
class Source:
    """Where a fact comes from, and what kind of source it is (only ``official-jp`` lets the kit say 「公式で確認」)."""

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
        return "sources", '状態が article のレコードには、記事（kind = "article"）を出典に書いてください。'
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
        if self.section not in SECTIONS:
            return "section", f"{self.section} は範囲外です。FACTS.md の節番号 1〜10 を書いてください。"
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

    @property
    def span(self) -> str:
        """The hours as the learner reads them: "9:00〜18:00"."""
        return "〜".join(f"{m // 60}:{m % 60:02d}" for m in (self.opens, self.closes))

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
                return (
                    channel,
                    f"{getattr(self, channel)!r} は使えません。{' / '.join(allowed)} のどれかを書いてください。",
                )
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
        return {"individual_plan": plan == "individual", "topic_without_phone_chat": not topic_offers_phone_chat}[
            self.when
        ]


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
        return types.MappingProxyType(
            {rule.when: tuple(m.ja for m in methods if m.method in rule.offer) for rule in self.rules}
        )

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
class Line:
    """One line a learner reads on a situation's card, with the facts it rests on."""

    text: str
    facts: Annotated[tuple[str, ...], NonEmpty]


@dataclasses.dataclass(frozen=True, eq=False)
class ScreenLabel:
    """A label on the way to a screen: the Japanese label and/or the English one, as far as they are known.

    ``reported``: the Japanese label is the one sellers report (blogs), not confirmed on an official page.
    """

    ja: str | None = None
    en: str | None = None
    reported: bool = False

    def check(self) -> tuple[str, str] | None:
        if not (self.ja or self.en):
            return "ja", "日本語の表示（ja）か英語の表示（en）の、少なくとも一方を書いてください。"
        if self.reported and not self.ja:
            return "reported", "reported は日本語の表示（ja）があるときだけ書きます。"
        return None


@dataclasses.dataclass(frozen=True, eq=False)
class FirstScreen:
    """The first screen to open in a situation: where (``site``) and the labels to click on the way."""

    site: str
    path: Annotated[tuple[ScreenLabel, ...], NonEmpty]
    facts: Annotated[tuple[str, ...], NonEmpty]
    note: str | None = None


Handler = Literal[
    "claim_page",
    "account_health",
    "tech_support",
    "fba_reimbursement",
    "seller_central",
    "buyer_messages",
    "amazon_account",
]


@dataclasses.dataclass(frozen=True, eq=False)
class Who:
    """Who handles a situation (often a page, not a support desk): one of ``vocabulary.handlers``."""

    handler: Handler
    facts: Annotated[tuple[str, ...], NonEmpty]
    note: str | None = None


@dataclasses.dataclass(frozen=True, eq=False)
class Deadline:
    """How soon to act in a situation, and the limit when a source gives one.

    ``act`` says what to do and how soon ("すぐに、その日のうちに答える"). A limit counted from the moment it happened
    names its length as a fact's value (``amount = "{ATOZ-48H.values.reply_within_hours}"``), its ``unit`` and what
    the clock ``starts`` from; weekends and public holidays count. Without a known limit, ``note`` says what to do
    instead (never an invented number of days).
    """

    act: str
    facts: Annotated[tuple[str, ...], NonEmpty]
    amount: str | None = None
    unit: Literal["hours", "days"] | None = None
    starts: str | None = None
    note: str | None = None

    def check(self) -> tuple[str, str] | None:
        given = [self.amount is not None, self.unit is not None, self.starts is not None]
        if any(given) and not all(given):
            return "amount", "期限の長さは amount・unit・starts の3つをそろえて書いてください。"
        if self.amount is not None and not re.fullmatch(r"\{[A-Za-z][A-Za-z0-9-]*(\.[A-Za-z0-9_]+)+\}", self.amount):
            return "amount", "長さは情報の値を {ATOZ-48H.values.reply_within_hours} のように引用してください。"
        if not any(given) and not self.note:
            return "note", "期限が分かっていないときは、代わりに何をするかを note に書いてください。"
        return None


@dataclasses.dataclass(frozen=True, eq=False)
class Situation:
    """A situation that brings a new seller to Amazon's support, or should (``data/situations.toml``).

    Every situation has a card: what happened (``title``), the first screen to open, who handles it, the deadline,
    what to prepare and what not to do, each line with the facts it rests on. The article's three cases also carry
    the article's advice (``article_view``) with its status, sources and correction: those are facts of FACTS.md
    (``WHEN-…``) and live in the registry; the other situations are built from the facts they name.
    """

    id: str
    title: str
    first_screen: FirstScreen
    who: Who
    deadline: Deadline
    prepare: Annotated[tuple[Line, ...], NonEmpty]
    dont: Annotated[tuple[Line, ...], NonEmpty]
    phone: Line
    phone_needed: bool = False
    example: str | None = None
    steps: tuple[Branch, ...] = ()
    case_subject: str | None = None
    article_view: str | None = None
    status: Status | None = None
    sources: tuple[Source, ...] = ()
    verified_on: date | None = None
    caution: str | None = None
    risks: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    values: Mapping[str, Any] = dataclasses.field(default_factory=_empty)

    @property
    def from_article(self) -> bool:
        """Whether this is one of the article's three cases (a fact of FACTS.md with the article's advice)."""
        return self.article_view is not None

    @property
    def statement(self) -> str | None:
        return self.article_view

    def check(self) -> tuple[str, str] | None:
        if not re.fullmatch(r"WHEN-[A-Z0-9-]+", self.id):
            return "id", "場面の id は「WHEN-」で始めます（WHEN-ATOZ のように、半角の英大文字・数字・ハイフン）。"
        article = ("status", "sources", "verified_on")
        if self.from_article:
            for name in article:
                if not getattr(self, name):
                    return (
                        name,
                        "記事の考え方（article_view）を書いた場面には、status・sources・verified_on が必要です。",
                    )
            return _provenance(self)
        for name in (*article, "caution", "risks"):
            if getattr(self, name):
                return name, "この項目は、記事の考え方（article_view）を書いた場面だけに書きます。"
        return None


@dataclasses.dataclass(frozen=True, eq=False)
class ChannelRule:
    """One line of the three-line rule for reaching テクニカルサポート (``situations.toml`` ``[[channel_rule]]``)."""

    id: str
    case: Literal["record", "urgent_in_hours", "individual_plan"]
    when: str
    use: Annotated[tuple[Method, ...], NonEmpty]
    facts: Annotated[tuple[str, ...], NonEmpty]


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
    minutes: int
    objectives: tuple[str, ...] = ()
    key_points: tuple[KeyPoint, ...] = ()
    walkthroughs: tuple[str, ...] = ()
    quiz: str | None = None
    pass_mark: int | None = None
    appendix: bool = False
    pandas: bool = False
    first_aid: bool = False

    @property
    def file(self) -> str:
        return f"{self.id}.ipynb"

    def check(self) -> tuple[str, str] | None:
        if not re.fullmatch(r"[0-9]{2}_[a-z0-9_]+", self.id):
            return "id", "「01_seller_central」のように、2桁の番号_英小文字 で書いてください（.ipynb は付けません）。"
        if not 1 <= self.minutes <= 120:
            return "minutes", "かかる時間（分）を 1〜120 の整数で書いてください。"
        if (self.quiz is None) != (self.pass_mark is None):
            return (
                "pass_mark",
                'クイズのレッスン（quiz = "クイズの id"）だけに、合格の点（pass_mark、%）を書いてください。',
            )
        if self.pass_mark is not None and not 1 <= self.pass_mark <= 100:
            return "pass_mark", "合格の点は 1〜100（%）の整数で書いてください。"
        return None


@dataclasses.dataclass(frozen=True, eq=False)
class Mistake:
    """A wrong typed answer the kit expects, and what to say to someone who gives it."""

    answer: str
    say: str


@dataclasses.dataclass(frozen=True, eq=False)
class Option:
    """An option of a choice question and, for a wrong one, why it is wrong (shown when it is chosen)."""

    text: str
    why: str | None = None

    @classmethod
    def parse(cls, text: str):
        """An option written as plain text has no reason: right for the right option, refused for a wrong one."""
        return {"text": text}


@dataclasses.dataclass(frozen=True, eq=False)
class Question:
    """A question of an exercise (``data/exercises.toml``) or of the quiz (``data/quiz.toml``).

    A choice question has ``options`` — ``{ text = "…", why = "why it is wrong" }``, the right one without ``why`` —
    and ``answer`` (the 0-based index of the right option, or its text). A text question has ``accept`` instead,
    and ``look_for``: where to look after a miss (never the answer). Any text may name a fact's value as
    ``{ID.path}``, e.g. ``{PROC-SELLER-CENTRAL.first_label.ja}``, so that the question follows the fact.

    As loaded, ``options`` holds ``Option`` records; ``helpers.core.questions.resolve`` turns them into their
    texts (``options``, what checks and widgets use) and their reasons (``why``, in the same order).
    """

    id: str
    facts: Annotated[tuple[str, ...], NonEmpty]
    question: str
    explanation: str
    options: tuple[Option, ...] = ()
    answer: int | str | None = None
    accept: tuple[str, ...] = ()
    match: Literal["text", "digits"] = "text"
    hint: str | None = None
    look_for: str | None = None
    mistakes: tuple[Mistake, ...] = ()
    lesson: str | None = None
    section: int | None = None
    placeholder: str | None = None
    why: tuple[str | None, ...] = ()

    @property
    def is_choice(self) -> bool:
        return bool(self.options)

    @property
    def option_texts(self) -> tuple[str, ...]:
        return tuple(o.text if isinstance(o, Option) else o for o in self.options)

    def check(self) -> tuple[str, str] | None:
        if self.options:
            texts = self.option_texts
            if len(texts) < 3:
                return "options", "選択肢を3つ以上書いてください。"
            if len(set(texts)) != len(texts):
                return "options", "同じ選択肢が2回書かれています。"
            if self.answer is None:
                return "answer", "正解の選択肢（0から数えた番号か、選択肢の文）を書いてください。"
            if isinstance(self.answer, int) and not 0 <= self.answer < len(texts):
                return "answer", f"0〜{len(texts) - 1} のどれか（正解の選択肢の番号、0から数える）を書いてください。"
            right = self.answer if isinstance(self.answer, int) else None
            for n, option in enumerate(self.options):
                if isinstance(option, Option) and n != right and option.text != self.answer and not option.why:
                    return "options", f"「{option.text}」が違う理由（why）を書いてください。"
                if isinstance(option, Option) and (n == right or option.text == self.answer) and option.why:
                    return "options", "正解の選択肢には why を書きません（説明は explanation に書きます）。"
            if self.accept or self.look_for:
                return "accept", "選択肢のある問題には accept・look_for を書きません（answer で正解を示します）。"
        elif not self.accept:
            return "accept", "選択肢のない問題には、正解として受け付ける答え（accept）を書いてください。"
        elif not self.look_for:
            return "look_for", "答えを入力する問題には、違ったときに何を見直せばよいか（look_for）を書いてください。"
        if self.section is not None and self.section not in SECTIONS:
            return "section", f"{self.section} は範囲外です。FACTS.md の節番号 1〜10 を書いてください。"
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
    """A status word (shown behind 「詳しく」), what it means, and the heading of its caution."""

    label: str
    meaning: str
    caution: str | None = None


BadgeKey = Literal["official", "check", "outdated", "opinion"]


@dataclasses.dataclass(frozen=True, eq=False)
class Badge:
    """One of the four badges a learner sees (FACTS.md "What the learner sees"), with its action in a word."""

    label: str
    action: str
    meaning: str


@dataclasses.dataclass(frozen=True, eq=False)
class HandlerName:
    """Who handles a situation, as the learner reads it, and how they reach it."""

    ja: str
    how: str


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
    """Names said once (``data/vocabulary.toml``): channels, plans, status words, the four badges, who handles a
    situation, source kinds, Seller Central's English labels, the situations of rules, practice numbers and the
    terminology list."""

    channels: Mapping[str, Term]
    plans: Mapping[str, Term]
    statuses: Mapping[str, Mark]
    badges: Mapping[str, Badge]
    handlers: Mapping[str, HandlerName]
    rules: Mapping[str, str]
    source_kinds: Mapping[str, str]
    seller_labels: Mapping[str, str]
    practice_numbers: Annotated[tuple[PracticeNumber, ...], NonEmpty]
    terminology: tuple[TermRule, ...] = ()

    def check(self) -> tuple[str, str] | None:
        expected = {
            "channels": typing.get_args(Method),
            "plans": typing.get_args(Plan),
            "statuses": STATUSES,
            "rules": typing.get_args(RuleWhen),
            "source_kinds": typing.get_args(SourceKind),
            "badges": typing.get_args(BadgeKey),
            "handlers": typing.get_args(Handler),
        }
        for name, keys in expected.items():
            if set(getattr(self, name)) != set(keys):
                return name, f"{' / '.join(keys)} をすべて、それだけを書いてください。"
        for status in NEEDS_CAUTION:
            if not self.statuses[status].caution:
                return "statuses", f"{status} には注意書きの見出し（caution）を書いてください。"
        return None

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
def load_channel_rules(path: Path = DATA_DIR / "situations.toml") -> tuple[ChannelRule, ...]:
    """Load and validate the three-line channel rule of ``situations.toml`` (``[[channel_rule]]``)."""
    return load_toml(Path(path), _name(path), "channel_rule", ChannelRule)


@functools.cache
def load_lessons(path: Path = DATA_DIR / "lessons.toml") -> tuple[Lesson, ...]:
    """Load and validate the manifest ``lessons.toml``."""
    return load_toml(Path(path), _name(path), "lesson", Lesson)


@functools.cache
def load_quiz(path: Path = DATA_DIR / "quiz.toml") -> tuple[Question, ...]:
    """Load and validate the quiz ``quiz.toml``: every question names its FACTS.md section and the lesson to revisit."""
    questions = load_toml(Path(path), _name(path), "question", Question)
    for question in questions:
        if question.section is None:
            Where(_name(path), question.id).fail(
                "section", "クイズの問題には、FACTS.md の節番号（section）を書いてください。"
            )
        if question.lesson is None:
            Where(_name(path), question.id).fail(
                "lesson", "クイズの問題には、間違えたときに見直すレッスン（lesson）を書いてください。"
            )
        if not question.is_choice:
            Where(_name(path), question.id).fail(
                "options", "クイズの問題は選択式です。選択肢（options）を書いてください。"
            )
    return questions


@functools.cache
def load_exercises(path: Path = DATA_DIR / "exercises.toml") -> tuple[Question, ...]:
    """Load and validate ``exercises.toml``: every exercise names its lesson and has a hint."""
    questions = load_toml(Path(path), _name(path), "exercise", Question)
    for question in questions:
        for field in ("lesson", "hint"):
            if getattr(question, field) is None:
                Where(_name(path), question.id).fail(
                    field, "練習問題には lesson（出題するノートブックの id）と hint が必要です。"
                )
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
