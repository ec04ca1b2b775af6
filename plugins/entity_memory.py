"""What the entities plugin learns from the annotators, kept in the database.

Every finished annotation casts votes on surface forms: +1 for each entity
span it contains (confirmed or added), -1 for each span Anota suggested that
the annotator deleted (no span of theirs overlaps it). An annotation that is
updated replaces its votes; one that is deleted or cancelled withdraws them.
Votes are per Label Studio project, so each project learns its own names.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, String, delete, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from server.analysis import words_pattern
from server.db import Base, Database, upsert
from server.events import AnnotationEvent

SpanTuple = tuple[int, int, str]  # (start, end, model label)
# A longer span is not a name: it is not learned (and PostgreSQL, unlike
# SQLite, enforces the column's length).
SURFACE_LENGTH = 300


class MentionVote(Base):
    """One annotation's vote on one surface form and label."""

    __tablename__ = "entity_mention_votes"
    # Ids are never reused, so (count, max id) changes whenever the votes do.
    __table_args__ = (Index("ix_entity_votes_project_surface", "project_id", "surface"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # Label Studio's ids: 64-bit, as on SQLite (PostgreSQL's INTEGER is 32-bit).
    annotation_id: Mapped[int] = mapped_column(BigInteger, index=True)
    project_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    surface: Mapped[str] = mapped_column(String(SURFACE_LENGTH))
    label: Mapped[str] = mapped_column(String(32))
    vote: Mapped[int] = mapped_column(Integer)


class SuggestedEntities(Base):
    """The entity spans Anota last suggested for a text, by the text's digest:
    Label Studio's webhook does not always say which prediction an annotation
    started from, and deletions are learned against these."""

    __tablename__ = "entity_suggestions"

    text_digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    spans: Mapped[list] = mapped_column(JSON, default=list)


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def remember_suggestions(database: Database, suggestions: Mapping[str, Sequence[SpanTuple]]) -> None:
    """Store the spans suggested for texts, by text digest, in one transaction
    (an upsert: concurrent /predict requests may suggest for the same text)."""
    rows = [{"text_digest": digest, "spans": [list(span) for span in spans]} for digest, spans in suggestions.items()]
    with database.session() as session:
        upsert(session, SuggestedEntities.__table__, rows, "text_digest")


@dataclass
class Tally:
    confirmed: int = 0
    rejected: int = 0


@dataclass
class KnownMentions:
    """A project's learned surface forms: votes per surface and label."""

    revision: tuple[int, int]
    votes: dict[str, dict[str, Tally]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.labels = {surface: best for surface in self.votes if (best := self._best(surface))}
        self.pattern = words_pattern(self.labels) if self.labels else None

    def _best(self, surface: str) -> tuple[str, float] | None:
        """The label annotators gave this surface most, if they kept it more
        often than they deleted it, and how consistently (smoothed: one
        confirmation scores 0.75, ten agreeing ones 0.95)."""
        tallies = self.votes[surface]
        label, tally = max(tallies.items(), key=lambda item: (item[1].confirmed, item[0]))
        if tally.confirmed <= tally.rejected:
            return None
        total = sum(t.confirmed + t.rejected for t in tallies.values())
        return label, (tally.confirmed + 0.5) / (total + 1)

    def rejected(self, surface: str, label: str) -> bool:
        """Whether annotators deleted this suggestion more often than they kept it."""
        tally = self.votes.get(surface, {}).get(label)
        return tally is not None and tally.rejected > tally.confirmed

    def find(self, text: str) -> Iterable[tuple[int, int, str, float]]:
        """Every whole-word occurrence of a learned surface: (start, end, label, score)."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            label, score = self.labels[match.group()]
            yield match.start(), match.end(), label, score


def revision(database: Database, project_id: int | None) -> tuple[int, int]:
    """Changes whenever the project's votes do: a cheap check before reloading them."""
    with database.session() as session:
        return _revision(session, project_id)


def _revision(session: Session, project_id: int | None) -> tuple[int, int]:
    count, last = session.execute(
        select(func.count(MentionVote.id), func.coalesce(func.max(MentionVote.id), 0))
        .where(_project(project_id))
    ).one()
    return int(count), int(last)


def load_known(database: Database, project_id: int | None) -> KnownMentions:
    with database.session() as session:
        rows = session.execute(
            select(MentionVote.surface, MentionVote.label, MentionVote.vote).where(_project(project_id))
        ).all()
        current = _revision(session, project_id)
    votes: dict[str, dict[str, Tally]] = defaultdict(dict)
    for surface, label, vote in rows:
        tally = votes[surface].setdefault(label, Tally())
        if vote > 0:
            tally.confirmed += 1
        else:
            tally.rejected += 1
    return KnownMentions(current, dict(votes))


def _project(project_id: int | None) -> Any:
    return MentionVote.project_id.is_(None) if project_id is None else MentionVote.project_id == project_id


def record_annotation(
    database: Database, event: AnnotationEvent, model_label: Callable[[str], str | None]
) -> int:
    """Replace the votes of ``event``'s annotation; return how many were cast.

    ``model_label`` maps a label of the project's config onto the plugin's
    (``None`` for labels that are not entities)."""
    with database.session() as session:
        session.execute(delete(MentionVote).where(MentionVote.annotation_id == event.annotation_id))
        if event.deleted or event.was_cancelled:
            return 0
        text, final = _annotated_spans(event, model_label)
        if text is None:
            return 0
        suggested = _suggested_spans(session, event, text, model_label)
        votes = [(span, 1) for span in final] + [
            (span, -1) for span in suggested if not any(_overlap(span, kept) for kept in final)
        ]
        session.add_all(
            MentionVote(annotation_id=event.annotation_id, project_id=event.project_id,
                        surface=text[start:end].strip(), label=label, vote=vote)
            for (start, end, label), vote in votes
            if 0 < len(text[start:end].strip()) <= SURFACE_LENGTH
        )
    return len(votes)


def _annotated_spans(
    event: AnnotationEvent, model_label: Callable[[str], str | None]
) -> tuple[str | None, set[SpanTuple]]:
    regions = [region for region in event.result if _span_value(region)]
    text = _task_text(event.task_data, regions)
    return text, _entity_spans(regions, text, model_label) if text is not None else set()


def _suggested_spans(
    session: Session, event: AnnotationEvent, text: str, model_label: Callable[[str], str | None]
) -> set[SpanTuple]:
    predicted = (event.prediction or {}).get("result")
    if predicted:
        return _entity_spans(predicted, text, model_label)
    stored = session.get(SuggestedEntities, text_digest(text))
    return {tuple(span) for span in stored.spans} if stored is not None else set()


def _entity_spans(
    regions: Iterable[Any], text: str, model_label: Callable[[str], str | None]
) -> set[SpanTuple]:
    spans = set()
    for region in regions:
        value = _span_value(region)
        if value is None or not 0 <= value["start"] < value["end"] <= len(text):
            continue
        for label in value.get("labels") or ():
            mapped = model_label(str(label))
            if mapped is not None:
                spans.add((value["start"], value["end"], mapped))
    return spans


def _span_value(region: Any) -> dict[str, Any] | None:
    value = region.get("value") if isinstance(region, dict) else None
    if not isinstance(value, dict) or not isinstance(value.get("labels"), list):
        return None
    if not (isinstance(value.get("start"), int) and isinstance(value.get("end"), int)):
        return None
    return value


def _task_text(task_data: dict[str, Any], regions: list[dict[str, Any]]) -> str | None:
    """The task's text field: the string the regions' texts are slices of
    (the webhook does not say which data key the project labels); the longest
    such, as the labelled text usually is, when no region tells them apart."""
    matching = [value for value in task_data.values() if isinstance(value, str) and value
                and all(_slice_matches(value, region["value"]) for region in regions)]
    return max(matching, key=len) if matching else None


def _slice_matches(text: str, value: dict[str, Any]) -> bool:
    written = value.get("text")
    piece = text[value["start"]:value["end"]] if value["end"] <= len(text) else None
    # Label Studio's value.text may differ on repeated whitespace: compare squeezed.
    return piece is not None and (written is None or _squeeze(piece) == _squeeze(str(written)))


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _overlap(a: SpanTuple, b: SpanTuple) -> bool:
    return a[0] < b[1] and b[0] < a[1]
