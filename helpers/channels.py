"""The three contact channels compared with pandas, and a recommender fitted to the learner's situation.

``comparison_frame()`` is the article's comparison (CHAN-COMPARE) as a DataFrame built from
``data/channels.csv``; ``recommend()`` ranks the channels over that DataFrame with the explicit weights below.
"""

from __future__ import annotations

from datetime import datetime

from helpers import data, facts
from helpers.display import RichText, esc, styled, widget_bundle
from helpers.hours import Clock, format_range, hours_record, is_phone_open, now_in_japan

CHANNELS = {"chat": "チャット", "email": "メール", "phone": "電話"}  # the article's names, in its table order

# How a comparison value counts towards a channel's score (before the feature's weight and direction).
VALUE_SCORES = {"yes": 1.0, "no": 0.0, "na": 0.0, "real_time": 1.0, "fairly_fast": 0.5, "slowest": 0.0}
VALUE_MARKS = {"yes": "○", "no": "×", "na": "–", "real_time": "◎ リアルタイム", "fairly_fast": "○ 比較的早い",
               "slowest": "△ 3つの中で最も遅い"}

# What the learner weighs (0 = 気にしない, 1 = 少し重視, 2 = とても重視) ...
CRITERIA = {"record": "やり取りを記録に残したい", "speed": "早く返事がほしい", "nuance": "細かいニュアンスまで伝えたい"}
LEVELS = {0: "気にしない", 1: "少し重視", 2: "とても重視"}
# ... and the features the learner does not set, each counted with a small fixed weight.
FIXED_WEIGHTS = {"casual": 0.5, "buried": 0.5, "passed_around": 0.5}
# Equal scores: the author's recommendation first (PREP-RECO: phone), then the article's table order.
TIE_ORDER = ("phone", "chat", "email")
LEFT = [{"selector": "th, td", "props": "text-align:left;padding:.3em .8em"}]  # JupyterLab right-aligns


def comparison_frame():
    """Return CHAN-COMPARE as a DataFrame: one row per feature, the article's values per channel."""
    import pandas as pd

    rows = data.load_channels()
    frame = pd.DataFrame([{"feature": r.feature, "label_ja": r.label_ja, "label_en": r.label_en,
                           **{c: getattr(r, c) for c in CHANNELS}, "desirable": r.desirable == "yes",
                           "status": r.status} for r in rows])
    return frame.set_index("feature")


def comparison_table(frame=None):
    """Return the comparison as a pandas Styler: Japanese headers, ○/× marks, good cells green, bad red."""
    frame = comparison_frame() if frame is None else frame
    values = frame[list(CHANNELS)]
    shown = values.map(VALUE_MARKS.get).rename(columns=CHANNELS)
    shown.index = [f"{ja}（{en}）" for ja, en in zip(frame["label_ja"], frame["label_en"])]
    shown.index.name = "特徴"
    raw = values.map(VALUE_SCORES.get)
    goodness = raw.where(frame["desirable"], 1 - raw, axis=0)  # 1 = best for the seller, 0 = worst
    css = goodness.map(lambda g: "background-color:#dafbe1;color:#000" if g == 1
                       else "background-color:#eefbe9;color:#000" if g > 0 else "background-color:#ffebe9;color:#000")
    css = css.where(values != "na", "color:#57606a")
    css.index, css.columns = shown.index, shown.columns
    return styled(shown.style.set_uuid("channels").apply(lambda _: css, axis=None)
                  .set_caption("チャット・メール・電話の比較（記事の評価、" + facts.badge("article").text + "）")
                  .set_table_styles(LEFT))


def constraints_table():
    """Return what decides whether a channel is possible at all, each with its fact's status."""
    import pandas as pd

    phone = hours_record("phone")
    rows = [
        ("電話の受付時間", f"電話は {format_range(phone)}（日本時間）だけ。土日・祝日は不明", phone),
        ("小口出品", "Eメールのみ", facts.get("SC-SMALL")),
        ("問い合わせ項目", "項目によっては電話・チャットが出ない", facts.get("SC-TOPIC")),
    ]
    frame = pd.DataFrame([{"条件": name, "できること": effect, "情報の状態": facts.badge(r.status).text, "ID": r.id}
                          for name, effect, r in rows])
    return styled(frame.style.set_uuid("constraints").hide(axis="index").set_table_styles(LEFT))


def weights_table():
    """Return the recommender's weights, so that the ranking can be checked by hand."""
    import pandas as pd

    frame = comparison_frame()
    rows = [{"特徴": frame.at[f, "label_ja"], "重み": "あなたが選ぶ（0・1・2）",
             "向き": "あるほど良い" if frame.at[f, "desirable"] else "あるほど悪い"} for f in CRITERIA]
    rows += [{"特徴": frame.at[f, "label_ja"], "重み": str(w), "向き": "あるほど良い" if frame.at[f, "desirable"]
              else "あるほど悪い"} for f, w in FIXED_WEIGHTS.items()]
    return styled(pd.DataFrame(rows).style.set_uuid("weights").hide(axis="index").set_table_styles(LEFT))


def recommend(frame, *, record: int = 1, speed: int = 1, nuance: int = 1, cannot_phone_at_work: bool = False,
              at: datetime | None = None, plan: str = "professional", topic_offers_phone_chat: bool = True):
    """Rank the channels for a situation, with the reasons; a pure function of the comparison DataFrame.

    Score = Σ weight × direction × value over the features, where the learner's ``record``, ``speed`` and
    ``nuance`` (0, 1 or 2) weigh those features and the others count ``FIXED_WEIGHTS``; direction is +1 for a
    desirable feature, −1 otherwise; values count ``VALUE_SCORES``. Channels that are not possible in the
    situation stay in the table, marked unavailable with the reason, below the available ones. Equal scores
    follow ``TIE_ORDER``. ``at`` must be an aware datetime (judged in Japan time) or None (hours not judged).
    """
    import pandas as pd

    weights = {"record": record, "speed": speed, "nuance": nuance}
    for name, level in weights.items():
        if level not in LEVELS:
            raise ValueError(f"「{CRITERIA[name]}」の重みは 0・1・2 のどれかにしてください。")
    if plan not in ("professional", "individual"):
        raise ValueError("出品プランは professional（大口）か individual（小口）にしてください。")
    weights |= FIXED_WEIGHTS

    rows = []
    for channel, name in CHANNELS.items():
        score, reasons = 0.0, []
        for feature, weight in weights.items():
            value = frame.at[feature, channel]
            direction = 1 if frame.at[feature, "desirable"] else -1
            points = weight * direction * VALUE_SCORES[value]
            score += points
            if points:
                reasons.append(f"{frame.at[feature, 'label_ja']}: {VALUE_MARKS[value]}（{points:+g}）")
        blockers = _blockers(channel, cannot_phone_at_work, at, plan, topic_offers_phone_chat)
        rows.append({"key": channel, "方法": name, "使える": "×" if blockers else "○", "点数": round(score, 2),
                     "理由": "、".join(reasons) or "特になし", "使えない理由": "、".join(blockers) or "—",
                     "_available": not blockers, "_tie": TIE_ORDER.index(channel)})
    ranked = pd.DataFrame(rows).sort_values(["_available", "点数", "_tie"], ascending=[False, False, True])
    ranked.insert(0, "順位", range(1, len(ranked) + 1))
    return ranked.drop(columns=["_available", "_tie"]).set_index("key")


def _blockers(channel: str, cannot_phone_at_work: bool, at: datetime | None, plan: str,
              topic_offers_phone_chat: bool) -> list[str]:
    blockers = []
    if channel != "email" and plan == "individual":
        blockers.append(f"小口出品はEメールのみ（{facts.get('SC-SMALL').id}）")
    if channel != "email" and not topic_offers_phone_chat:
        blockers.append(f"選んだ項目に電話・チャットがない（{facts.get('SC-TOPIC').id}）")
    if channel == "phone":
        phone = hours_record("phone")
        if cannot_phone_at_work:
            blockers.append(f"電話の受付時間（{format_range(phone)}）は仕事中で電話できない（あなたの条件）")
        if at is not None and not is_phone_open(at):
            blockers.append(f"今は電話の受付時間（{format_range(phone)}）の外（{phone.id}）")
    return blockers


def ranking_table(ranked):
    """Return the ranking as a Styler: unavailable channels greyed out with their reason."""
    def grey(row):
        return ["color:#8c959f" if row["使える"] == "×" else ""] * len(row)

    return styled(ranked.style.set_uuid("ranking").hide(axis="index").apply(grey, axis=1)
                  .format({"点数": "{:+.1f}"}).set_table_styles(LEFT))


class Recommender:
    """The recommender's widget: the learner's situation in, the ranked channels out."""

    def __init__(self, clock: Clock = now_in_japan):
        import ipywidgets as w

        self.clock = clock
        self.frame = comparison_frame()
        style = {"description_width": "initial", "button_width": "auto"}
        levels = [(label, level) for level, label in LEVELS.items()]
        self.controls = {
            name: w.ToggleButtons(options=levels, value=1, description=label, style=style,
                                  tooltips=[f"{label}: {v}" for v in LEVELS.values()])
            for name, label in CRITERIA.items()
        }
        def checkbox(value: bool, description: str):
            return w.Checkbox(value=value, description=description, indent=False, layout=w.Layout(width="auto"))

        self.controls["cannot_phone_at_work"] = checkbox(False, "仕事中なので、日中（電話の受付時間）は電話できない")
        self.controls["plan"] = w.ToggleButtons(options=[("大口出品", "professional"), ("小口出品", "individual")],
                                                value="professional", description="出品プラン", style=style)
        self.controls["topic_offers_phone_chat"] = checkbox(True, "選んだ問い合わせ項目に電話・チャットが表示される")
        self.controls["use_clock"] = checkbox(True, "いまの時刻（日本時間）で電話の受付時間も確かめる")
        self.result = w.HTML()
        for control in self.controls.values():
            control.observe(lambda _change: self.update(), names="value")
        self.widget = w.VBox([*self.controls.values(), self.result])
        self.update()

    def settings(self) -> dict:
        """The recommender's inputs as currently set."""
        c = {name: control.value for name, control in self.controls.items()}
        return {"record": c["record"], "speed": c["speed"], "nuance": c["nuance"],
                "cannot_phone_at_work": c["cannot_phone_at_work"], "plan": c["plan"],
                "topic_offers_phone_chat": c["topic_offers_phone_chat"],
                "at": self.clock() if c["use_clock"] else None}

    def update(self) -> None:
        self.ranking = recommend(self.frame, **self.settings())
        best = self.ranking.iloc[0]
        lead = (f"おすすめ: {best['方法']}" if best["使える"] == "○"
                else "いまの条件では、どの方法も使えません。条件を見直してください。")
        self.result.value = f"<p><strong>{esc(lead)}</strong></p>" + ranking_table(self.ranking).html

    def static(self) -> RichText:
        text = ("おすすめの問い合わせ方法 — ノートブックを実行すると、重視することと条件を選んで、"
                "チャット・メール・電話の順位と理由を表示します。計算に使う重みは上の表のとおりです。")
        return RichText(f"<p>{esc(text)}</p>", text)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return widget_bundle(self.widget, self.static())


def recommender(clock: Clock = now_in_japan) -> Recommender:
    """Build the recommender widget; ``clock`` fixes "now" (tests, examples)."""
    return Recommender(clock)
