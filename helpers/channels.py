"""The three contact channels compared with pandas, and a recommender fitted to the learner's situation.

``comparison_frame()`` is the article's comparison (CHAN-COMPARE) as a DataFrame built from
``data/channels.csv``; ``recommend()`` ranks the channels over that DataFrame with the explicit weights below.
pandas is imported only by the functions that use it.
"""

from __future__ import annotations

from datetime import datetime

from helpers import hours
from helpers.core import data, registry
from helpers.core.cards import record_badge
from helpers.core.clock import Clock, in_japan, now_in_japan
from helpers.core.controls import plan_toggle, topic_checkbox
from helpers.core.optional import needs_pandas
from helpers.core.render import LEFT_ALIGNED, PALETTE, RichText, para, span, status, strong, styled, table
from helpers.core.view import View

# How a comparison value counts towards a channel's score (before the feature's weight and direction).
VALUE_SCORES = {"yes": 1.0, "no": 0.0, "na": 0.0, "real_time": 1.0, "fairly_fast": 0.5, "slowest": 0.0}
# How much the learner cares: 0 = 気にしない, 1 = 少し大事, 2 = とても大事 (words in texts.toml) ...
CRITERIA = ("record", "speed", "nuance")
LEVELS = (0, 1, 2)
# ... and the features the learner does not set, each counted with a small fixed weight.
FIXED_WEIGHTS = {"casual": 0.5, "buried": 0.5, "passed_around": 0.5}


def channel_names() -> dict[str, str]:
    """The channels in the article's table order, with the kit's names for them."""
    return data.load_vocabulary().channel_names()


def tie_order() -> tuple[str, ...]:
    """Equal scores: the author's recommendation first (PREP-RECO), then the article's table order."""
    recommended = registry.get("PREP-RECO").values["recommends"]
    return (recommended, *(c for c in channel_names() if c != recommended))


def value_mark(value: str) -> str:
    return data.say(f"channels.marks.{value}")


def comparison_frame():
    """Return CHAN-COMPARE as a DataFrame: one row per feature, the article's values per channel."""
    import pandas as pd

    frame = pd.DataFrame(
        [
            {
                "feature": r.feature,
                "label_ja": r.label_ja,
                "label_en": r.label_en,
                **{c: getattr(r, c) for c in channel_names()},
                "desirable": r.desirable == "yes",
                "status": r.status,
            }
            for r in data.load_channels()
        ]
    )
    return frame.set_index("feature")


@needs_pandas
def comparison_table(frame=None) -> RichText:
    """The comparison as a table: Japanese headers, values and their verdict in words (good cells green, bad ones
    red, the colour only repeating the words)."""
    frame = comparison_frame() if frame is None else frame
    names = channel_names()
    values = frame[list(names)]
    raw = values.map(VALUE_SCORES.get)
    goodness = raw.where(frame["desirable"], 1 - raw, axis=0)  # 1 = best for the seller, 0 = worst
    # The verdict in words, not only in colour: "あり" is good in one row and a drawback in another.
    verdicts = goodness.map(
        lambda g: data.say("channels.verdicts." + ("good" if g == 1 else "fair" if g > 0 else "bad"))
    )
    shown = values.map(value_mark).where(values == "na", values.map(value_mark) + "（" + verdicts + "）")
    shown = shown.rename(columns=names)
    shown.index = [f"{ja}（{en}）" for ja, en in zip(frame["label_ja"], frame["label_en"])]
    shown.index.name = data.say("channels.feature_header")
    css = goodness.map(
        lambda g: (
            f"background-color:{PALETTE['good_bg']};color:{PALETTE['text']}"
            if g == 1
            else f"background-color:{PALETTE['fair_bg']};color:{PALETTE['text']}"
            if g > 0
            else f"background-color:{PALETTE['bad_bg']};color:{PALETTE['text']}"
        )
    )
    css = css.where(values != "na", f"color:{PALETTE['muted']}")
    css.index, css.columns = shown.index, shown.columns
    styler = shown.style.set_uuid("channels").apply(lambda _: css, axis=None).set_table_styles(LEFT_ALIGNED)
    return styled(styler, caption=data.say("channels.caption", mark=record_badge(registry.get("CHAN-COMPARE")).text))


SELLER_ROUTE = "PROC-SELLER-CENTRAL"  # the route whose rules (plan, topic) decide which channels a seller has


def rule_effects() -> list[tuple[data.Rule, str]]:
    """Each rule of the seller route with the channels it leaves, in the kit's words ("メールのみ")."""
    names = channel_names()
    return [
        (rule, data.say("channels.only", channels="・".join(names[m] for m in rule.offer)))
        for rule in registry.get(SELLER_ROUTE).rules
    ]


@needs_pandas
def constraints_table() -> RichText:
    """What decides whether a channel is possible at all, each with its fact's status."""
    import pandas as pd

    phone = hours.hours_record("phone")
    conditions = data.load_vocabulary().rules
    rows = [
        (
            data.say("channels.constraint_hours"),
            data.say("channels.constraint_hours_effect", hours=hours.format_range(phone), unknown=phone.unknown),
            phone,
        )
    ]
    rows += [(conditions[rule.when], effect, registry.get(rule.fact)) for rule, effect in rule_effects()]
    columns = [data.say(f"channels.constraint_columns.{c}") for c in ("condition", "effect", "status", "id")]
    frame = pd.DataFrame([dict(zip(columns, (name, effect, record_badge(r).text, r.id))) for name, effect, r in rows])
    return styled(frame.style.set_uuid("constraints").set_table_styles(LEFT_ALIGNED), hide_index=True)


@needs_pandas
def weights_table() -> RichText:
    """The recommender's weights, so that the ranking can be checked by hand."""
    import pandas as pd

    frame = comparison_frame()
    columns = [data.say(f"channels.weight_columns.{c}") for c in ("feature", "weight", "direction")]

    def direction(feature: str) -> str:
        return data.say("channels.more_is_better" if frame.at[feature, "desirable"] else "channels.more_is_worse")

    rows = [(frame.at[f, "label_ja"], data.say("channels.you_choose"), direction(f)) for f in CRITERIA]
    rows += [(frame.at[f, "label_ja"], str(w), direction(f)) for f, w in FIXED_WEIGHTS.items()]
    return styled(
        pd.DataFrame([dict(zip(columns, row)) for row in rows])
        .style.set_uuid("weights")
        .set_table_styles(LEFT_ALIGNED),
        hide_index=True,
    )


def features_of(frame=None) -> dict[str, dict]:
    """The comparison as plain data: feature -> its label, whether it is desirable, and each channel's value.

    From ``data/channels.csv`` by default (no pandas needed), or from a comparison DataFrame (to try variants).
    """
    if frame is None:
        return {
            r.feature: {
                "label": r.label_ja,
                "desirable": r.desirable == "yes",
                **{c: getattr(r, c) for c in channel_names()},
            }
            for r in data.load_channels()
        }
    return {
        feature: {
            "label": frame.at[feature, "label_ja"],
            "desirable": bool(frame.at[feature, "desirable"]),
            **{c: frame.at[feature, c] for c in channel_names()},
        }
        for feature in frame.index
    }


def rank(
    features: dict | None = None,
    *,
    record: int = 1,
    speed: int = 1,
    nuance: int = 1,
    cannot_phone_at_work: bool = False,
    at: datetime | None = None,
    plan: str = "professional",
    topic_offers_phone_chat: bool = True,
) -> list[dict]:
    """Rank the channels for a situation, with the reasons: a pure function, best first.

    Score = Σ weight × direction × value over the features, where the learner's ``record``, ``speed`` and
    ``nuance`` (0, 1 or 2) weigh those features and the others count ``FIXED_WEIGHTS``; direction is +1 for a
    desirable feature, −1 otherwise; values count ``VALUE_SCORES``. Channels that are not possible in the
    situation stay in the list, marked unavailable with the reason, below the available ones. Equal scores
    follow ``tie_order()``. ``at`` must be an aware datetime (judged in Japan time) or None (hours not judged).

    >>> [row["key"] for row in rank(record=2, speed=1, nuance=0, cannot_phone_at_work=True)]
    ['chat', 'email', 'phone']
    """
    features = features_of() if features is None else features
    weights = {"record": record, "speed": speed, "nuance": nuance}
    for name, level in weights.items():
        if level not in LEVELS:
            raise ValueError(f"「{features[name]['label']}」をどれだけ大事にするかは、0・1・2 のどれかにしてください。")
    data.load_vocabulary().check_plan(plan)
    weights |= FIXED_WEIGHTS
    rows = []
    for channel, name in channel_names().items():
        score, reasons = 0.0, []
        for feature, weight in weights.items():
            value = features[feature][channel]
            points = weight * (1 if features[feature]["desirable"] else -1) * VALUE_SCORES[value]
            score += points
            if points:
                reasons.append(f"{features[feature]['label']}: {value_mark(value)}（{points:+g}）")
        blockers = _blockers(channel, cannot_phone_at_work, at, plan, topic_offers_phone_chat)
        rows.append(
            {
                "key": channel,
                "channel": name,
                "available": not blockers,
                "score": round(score, 2),
                "reasons": "、".join(reasons) or data.say("channels.no_reason"),
                "blockers": "、".join(blockers) or "—",
            }
        )
    order = tie_order()
    rows.sort(key=lambda row: (not row["available"], -row["score"], order.index(row["key"])))
    return [{"rank": n, **row} for n, row in enumerate(rows, start=1)]


def recommend(frame, **situation):
    """The ranking of ``rank`` as a DataFrame indexed by channel key, over a comparison DataFrame."""
    import pandas as pd

    return pd.DataFrame(rank(features_of(frame), **situation)).set_index("key")


def _blockers(
    channel: str, cannot_phone_at_work: bool, at: datetime | None, plan: str, topic_offers_phone_chat: bool
) -> list[str]:
    """Why a channel is not possible in a situation: the seller route's rules (from data), then the hours."""
    rules = data.load_vocabulary().rules
    blockers = [
        data.say("channels.blocked_rule", situation=rules[rule.when], effect=effect, id=rule.fact)
        for rule, effect in rule_effects()
        if rule.applies(plan, topic_offers_phone_chat) and channel not in rule.offer
    ]
    if channel == "phone":
        phone = hours.hours_record("phone")
        if cannot_phone_at_work:
            blockers.append(data.say("channels.blocked_work", hours=hours.format_range(phone)))
        if at is not None and not hours.is_phone_open(at):
            blockers.append(data.say("channels.blocked_hours", hours=hours.format_range(phone), id=phone.id))
        elif at is not None and (day := hours.day_not_known(in_japan(at))):
            blockers.append(data.say("channels.blocked_day", day=day, id=phone.id))
    return blockers


RANKING_COLUMNS = ("rank", "channel", "available", "score", "reasons", "blockers")


def ranking_table(ranked) -> RichText:
    """The ranking as a table with Japanese headers: unavailable channels marked × and greyed out, with the reason.

    ``ranked`` is a list of ``rank`` rows or the DataFrame of ``recommend``; no pandas is needed for a list.
    """
    rows = ranked.reset_index().to_dict("records") if hasattr(ranked, "to_dict") else ranked
    columns = [data.say(f"channels.ranking_columns.{c}") for c in RANKING_COLUMNS]

    def cells(row):
        shown = {**row, "available": "○" if row["available"] else "×", "score": f"{row['score']:+.1f}"}
        tone = None if row["available"] else "muted"
        return [span(str(shown[c]), tone=tone) for c in RANKING_COLUMNS]

    return table(columns, [cells(row) for row in rows])


def best_channel(ranked) -> str:
    """Say which channel comes first, or that none is possible."""
    best = ranked[0] if isinstance(ranked, list) else ranked.iloc[0]
    return (
        data.say("channels.best", channel=best["channel"]) if best["available"] else data.say("channels.none_possible")
    )


class Recommender(View):
    """The recommender: the learner's situation in, the ranked channels out."""

    def __init__(self, clock: Clock = now_in_japan):
        self.clock = clock
        self.features = features_of()
        self.settings = {
            "record": 1,
            "speed": 1,
            "nuance": 1,
            "cannot_phone_at_work": False,
            "plan": "professional",
            "topic_offers_phone_chat": True,
            "use_clock": True,
        }
        self.ranking = None
        self.update()

    def set(self, **settings) -> None:
        """Change some settings (the names of ``recommend``'s arguments, and ``use_clock``); the ranking follows."""
        unknown = set(settings) - set(self.settings)
        if unknown:
            raise ValueError(f"設定 {', '.join(sorted(unknown))} はありません。")
        self.settings.update(settings)
        self.update()

    def update(self) -> None:
        options = {k: v for k, v in self.settings.items() if k != "use_clock"}
        self.ranking = rank(self.features, **options, at=self.clock() if self.settings["use_clock"] else None)
        self._refresh()

    def chosen(self) -> str:
        """The settings in words (the selected toggle buttons are not told by their colour alone)."""
        levels = "、".join(
            f"{data.say(f'channels.criteria.{name}')}: {data.say(f'channels.levels.{self.settings[name]}')}"
            for name in CRITERIA
        )
        words = [levels, data.load_vocabulary().plan(self.settings["plan"])]
        words += [
            data.say(f"channels.checkboxes.{name}")
            for name in ("cannot_phone_at_work", "use_clock")
            if self.settings[name]
        ]
        if not self.settings["topic_offers_phone_chat"]:
            words.append(data.load_vocabulary().rules["topic_without_phone_chat"])
        return data.say("channels.chosen", settings=" / ".join(words))

    def result(self) -> RichText:
        return status(para(self.chosen()), para(strong(best_channel(self.ranking))), ranking_table(self.ranking))

    def _build(self):
        import ipywidgets as w

        style = {"description_width": "initial", "button_width": "auto"}
        levels = [(data.say(f"channels.levels.{level}"), level) for level in LEVELS]
        controls = {
            name: w.ToggleButtons(
                options=levels,
                value=self.settings[name],
                style=style,
                description=data.say(f"channels.criteria.{name}"),
            )
            for name in CRITERIA
        }

        def checkbox(name: str):
            return w.Checkbox(
                value=self.settings[name],
                description=data.say(f"channels.checkboxes.{name}"),
                indent=False,
                layout=w.Layout(width="auto"),
            )

        controls["cannot_phone_at_work"] = checkbox("cannot_phone_at_work")
        controls["use_clock"] = checkbox("use_clock")
        for name, control in controls.items():
            control.observe(lambda change, name=name: self.set(**{name: change["new"]}), names="value")
        controls["plan"] = plan_toggle(self.settings["plan"], lambda plan: self.set(plan=plan))
        controls["topic"] = topic_checkbox(
            self.settings["topic_offers_phone_chat"], lambda offers: self.set(topic_offers_phone_chat=offers)
        )
        result = w.HTML()
        return w.VBox([*controls.values(), result]), {**controls, "result": result}

    def _render(self) -> None:
        c = self._controls
        c["result"].value = self.result().html
        c["plan"].value, c["topic"].value = self.settings["plan"], not self.settings["topic_offers_phone_chat"]

    def static(self) -> RichText:
        return para(data.say("channels.static"))


def recommender(clock: Clock = now_in_japan) -> Recommender:
    """Build the recommender widget; ``clock`` fixes "now" (tests, examples)."""
    return Recommender(clock)
