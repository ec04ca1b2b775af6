"""What the entities plugin learns from the annotators, kept in the database.

Every finished annotation casts one vote per surface form and label: +1 when
it labels the surface (confirmed or added, at one place or several), -1 when
it deleted a span Anota suggested there (no span of theirs overlaps it). A
reviewer's ground truth (Label Studio's ``ground_truth``) weighs
``GROUND_TRUTH_WEIGHT`` votes. An annotation that is updated replaces its
votes; one that is deleted or cancelled withdraws them. Votes are per Label
Studio project, so each project learns its own names. A span is learned
without the spaces and punctuation the annotator's selection caught at its
edges (``server.annotators.selected_words``). A HyperText page's spans
(``hypertextlabels`` regions, and ``labels`` ones a Labels control drew on
the page: ``schemas.label_studio_export.page_region``) are read by their global offsets in the text
its annotators read (``server.hypertext``), where Anota's suggestions for
the page were made; a lone letter or a common word
is never suggested from what was learned (``suggestable``), except a
capitalised brand that annotators labelled in the middle of sentences
(``KnownMentions.brand``).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, String, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from schemas.label_studio_export import page_labels
from server.analysis import squeezed, words_pattern
from server.annotators import common_words, mid_sentence, selected_words
from server.db import Base, Database, StoredProject, increment, upsert
from server.events import PROJECT_DELETED, AnnotationEvent, event_is_current
from server.hypertext import RenderedPage, global_offsets, holds, likeliest_page, rendered_page
from server.labeling import (
    LABEL_NAMES,
    LabelingConfigError,
    decoded_data,
    parse_labeling_config,
    span_label_names,
)

SpanTuple = tuple[int, int, str]  # (start, end, model label)
# A longer span is not a name: it is not learned (and PostgreSQL, unlike
# SQLite, enforces the column's length).
SURFACE_LENGTH = 300
# A reviewer's ground truth outweighs ordinary annotators: it wins a
# disagreement with up to two of them, and scores 0.875 alone (one annotator: 0.75).
GROUND_TRUTH_WEIGHT = 3
# A common word ("Claro", "Via") is learned as a brand once annotations that
# weigh this much labelled it capitalised in the middle of a sentence: one
# annotator's slip ("De" at a sentence start) is not enough, a ground truth is.
BRAND_VOTES = 2
# The change signal (``server.db.ChangeSignal``) notified after each annotation's votes are written.
VOTES_CHANGED = "entity-votes"
# Every label Anota's plugins know, as an event's config may map a label onto them.
_KNOWN_LABELS = tuple(name.upper() for name in LABEL_NAMES)


class MentionVote(Base):
    """One annotation's vote on one surface form and label."""

    __tablename__ = "entity_mention_votes"
    __table_args__ = (Index("ix_entity_votes_project_surface", "project_id", "surface"),
                      {"sqlite_autoincrement": True})

    # The order votes were cast in: a tie goes to the latest annotation.
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # Label Studio's ids: 64-bit, as on SQLite (PostgreSQL's INTEGER is 32-bit).
    annotation_id: Mapped[int] = mapped_column(BigInteger, index=True)
    project_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    surface: Mapped[str] = mapped_column(String(SURFACE_LENGTH))
    label: Mapped[str] = mapped_column(String(32))
    vote: Mapped[int] = mapped_column(Integer)  # +-1, +-GROUND_TRUTH_WEIGHT for a ground truth


class VotesRevision(Base):
    """A number per project, bumped by every transaction that changes the
    project's votes: a /predict reads one row to tell whether they changed
    since it loaded them. Counting the project's votes instead (their count
    and last id) grew with them: on PostgreSQL 1.1 ms at 100 votes, 6.8 ms at
    10,000, 23.8 ms at 100,000 (this row: 0.8-1.3 ms, a round trip)."""

    __tablename__ = "entity_votes_revisions"

    project_key: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # ``_project_key``
    revision: Mapped[int] = mapped_column(BigInteger, default=0)


# The key of the votes of events that name no project (Label Studio's project ids start at 1).
NO_PROJECT = -1


def _project_key(project_id: int | None) -> int:
    return NO_PROJECT if project_id is None else project_id


def _bump_revision(session: Session, project_id: int | None) -> None:
    """Tell the project's readers its votes changed, in the transaction that changes them."""
    increment(session, VotesRevision.__table__.c.revision, {"project_key": _project_key(project_id)})


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
    (an upsert: concurrent /predict requests may suggest for the same text);
    not when another writer holds the database locked (``write_unless_busy``):
    the suggestions matter more than this record of them."""
    rows = [{"text_digest": digest, "spans": [list(span) for span in spans]} for digest, spans in suggestions.items()]
    database.write_unless_busy(
        "entity_suggestions", lambda session: upsert(session, SuggestedEntities.__table__, rows, "text_digest"))


@dataclass
class Tally:
    """Weighted votes for one surface and label, and the id of the latest one for it."""

    confirmed: int = 0
    rejected: int = 0
    latest: int = 0


@dataclass
class KnownMentions:
    """A project's learned surface forms: votes per surface and label."""

    revision: int
    votes: dict[str, dict[str, Tally]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Keyed as ``find`` reads a match back: a name may break across lines in a text.
        self.labels = {squeezed(surface): best for surface in self.votes if (best := self._best(surface))}
        # Learned brands that are common words: suggested only mid-sentence ("a Claro", not "Claro que").
        self.brands = frozenset(surface for surface in self.labels if not suggestable(surface))
        self.pattern = words_pattern(self.labels) if self.labels else None

    def _best(self, surface: str) -> tuple[str, float] | None:
        """The label annotators gave this surface most (weighted; a tie goes to
        the latest annotation's), if they kept it more than they deleted it,
        and how consistently (smoothed: one confirmation scores 0.75, ten
        agreeing ones 0.95). Against it count the other labels given and its
        own deletions, not the other labels' deletions: deleting a suggested
        LOC where the annotator then labels ORG agrees with ORG (session 50's
        walk: Agrovale labelled ORG 7 times, its LOC suggestion deleted 3
        times, came back "labelled ORG 68% consistently", below one
        confirmation's 0.75)."""
        tallies = self.votes[surface]
        label, tally = max(tallies.items(), key=lambda item: (item[1].confirmed, item[1].latest))
        if tally.confirmed <= tally.rejected or not (suggestable(surface) or self.brand(surface, tally)):
            return None
        total = sum(other.confirmed for other in tallies.values()) + tally.rejected
        return label, (tally.confirmed + 0.5) / (total + 1)

    @staticmethod
    def brand(surface: str, tally: Tally) -> bool:
        """Whether a common word is a brand here ("Claro" the operator, "Via" the
        retailer): capitalised, and labelled mid-sentence by annotations that
        weigh ``BRAND_VOTES`` (only such labels of a common word are votes:
        ``_votable``). "A" and "De" at a sentence start stay out."""
        return surface[:1].isupper() and not surface.isupper() and tally.confirmed >= BRAND_VOTES

    def rejected(self, surface: str, label: str) -> bool:
        """Whether annotators deleted this suggestion more often than they kept it."""
        tally = self.votes.get(surface, {}).get(label)
        return tally is not None and tally.rejected > tally.confirmed

    def find(self, text: str) -> Iterable[tuple[int, int, str, float]]:
        """Every whole-word occurrence of a learned surface: (start, end, label, score)."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            surface = squeezed(match.group())
            if surface in self.brands and not mid_sentence(text, match.start()):
                continue
            label, score = self.labels[surface]
            yield match.start(), match.end(), label, score


def suggestable(surface: str) -> bool:
    """Whether a learned surface may be suggested wherever it occurs: not a
    lone letter or sign ("A"), nor a common word ("de", "the"), which one slip
    of an annotator's mouse would otherwise mark in every text. An acronym
    that spells a common word ("US", "IT") is a name."""
    if sum(character.isalnum() for character in surface) < 2:
        return False
    return surface.isupper() or surface.lower() not in common_words()


def revision(database: Database, project_id: int | None) -> int:
    """Changes whenever the project's votes do (``VotesRevision``): a cheap check before reloading them."""
    with database.session() as session:
        return _revision(session, project_id)


def _revision(session: Session, project_id: int | None) -> int:
    return session.scalar(select(VotesRevision.revision)
                          .where(VotesRevision.project_key == _project_key(project_id))) or 0


def load_known(database: Database, project_id: int | None) -> KnownMentions:
    with database.session() as session:
        # Read first: on PostgreSQL each statement sees what was committed before it, and votes newer than the
        # revision are read again at the next check, while a revision newer than the votes would hide them.
        current = _revision(session, project_id)
        rows = session.execute(
            select(MentionVote.id, MentionVote.surface, MentionVote.label, MentionVote.vote)
            .where(_project(project_id))
        ).all()
    votes: dict[str, dict[str, Tally]] = defaultdict(dict)
    for vote_id, surface, label, vote in rows:
        tally = votes[surface].setdefault(label, Tally())
        if vote > 0:
            tally.confirmed += vote
            tally.latest = max(tally.latest, vote_id)
        else:
            tally.rejected -= vote
    return KnownMentions(current, dict(votes))


def _project(project_id: int | None) -> Any:
    return MentionVote.project_id.is_(None) if project_id is None else MentionVote.project_id == project_id


def record_annotation(
    database: Database, event: AnnotationEvent, model_label: Callable[[str], str | None]
) -> int:
    """Replace the votes of ``event``'s annotation; return how many were cast.

    ``model_label`` maps a label of the project's config onto the plugin's
    (``None`` for labels that are not entities); the event's own config
    maps first (``_through_config``)."""
    if event.deleted:
        _withdraw(database, event)
        return 0
    with database.session() as session:
        if not event_is_current(session, event):
            return 0  # deleted or updated since the event was stored: that event withdraws or replaces the votes
        votes = [] if event.was_cancelled else _votes(session, event, _through_config(event, model_label))
        removed = session.execute(delete(MentionVote).where(MentionVote.annotation_id == event.annotation_id))
        session.add_all(
            MentionVote(annotation_id=event.annotation_id, project_id=event.project_id,
                        surface=surface, label=label, vote=vote)
            for surface, label, vote in votes
            if 0 < len(surface) <= SURFACE_LENGTH
        )
        if removed.rowcount or votes:
            _bump_revision(session, event.project_id)
    return len(votes)


def _votes(session: Session, event: AnnotationEvent, model_label: Callable[[str], str | None]
           ) -> list[tuple[str, str, int]]:
    """The votes ``event``'s annotation casts (before its earlier votes are deleted: it keeps their rejections)."""
    annotated, final = _annotated_spans(event, model_label)
    if annotated is None:
        return []
    text = annotated.text
    suggested = _suggested_spans(session, event, annotated, model_label)
    kept = {(text[start:end], label) for start, end, label in final}
    deleted = {(text[start:end], label) for start, end, label in suggested
               if not any(_overlap((start, end, label), span) for span in final)}
    # A deletion holds until the annotator labels that surface: the
    # suggestion it was learned against may since have changed (Anota
    # stopped suggesting it), and an update must not forget it.
    labelled = {surface for surface, _label in kept}
    deleted |= {(surface, label) for surface, label in _rejections(session, event.annotation_id)
                if surface not in labelled}
    weight = GROUND_TRUTH_WEIGHT if event.ground_truth else 1
    # Sorted: the votes' ids order them, and a tie goes to the latest.
    return sorted([(surface, label, weight) for surface, label in _votable(text, final, kept)] + [
        (surface, label, -weight) for surface, label in deleted])


def _votable(text: str, spans: set[SpanTuple], kept: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """``kept`` without the common words that no span labels mid-sentence: a
    common word is learned as a brand only from labels where its capital
    says so ("a Claro anunciou", not "Claro que sim")."""
    mid = {(text[start:end], label) for start, end, label in spans if mid_sentence(text, start)}
    return {(surface, label) for surface, label in kept if suggestable(surface) or (surface, label) in mid}


def _through_config(event: AnnotationEvent, model_label: Callable[[str], str | None]
                    ) -> Callable[[str], str | None]:
    """``model_label``, reading a label first through the config the event came
    with: a label renamed after /setup ("Empresa" -> "Cliente", both
    predicted_values="ORG") is read as the config now says. One cached lookup
    per event (``span_label_names``)."""
    try:
        names = span_label_names(event.label_config, _KNOWN_LABELS) if event.label_config else {}
    except LabelingConfigError:
        names = {}  # a config we cannot read names nothing: /setup's and the common names still do
    if not names:
        return model_label
    return lambda label: model_label(names.get(label.upper(), label))


def _withdraw(database: Database, event: AnnotationEvent) -> None:
    """Delete a deleted annotation's votes; a deleted project's all at once,
    on the first of its annotations' events (one statement instead of one
    transaction per annotation, and the others find nothing to write)."""
    if event.action == PROJECT_DELETED:
        whose = _project(event.project_id)
    else:
        whose = MentionVote.annotation_id == event.annotation_id
    with database.session() as session:
        if session.execute(delete(MentionVote).where(whose)).rowcount:
            _bump_revision(session, event.project_id)


def _rejections(session: Session, annotation_id: int) -> list[tuple[str, str]]:
    query = select(MentionVote.surface, MentionVote.label).where(
        MentionVote.annotation_id == annotation_id, MentionVote.vote < 0)
    return [(surface, label) for surface, label in session.execute(query)]


# A region's start and end in the annotated text, and its labels.
Located = tuple[int, int, list[Any]]


@dataclass(frozen=True)
class AnnotatedText:
    """The text an annotation's spans are read in (a HyperText page's as the
    annotators read it), and how a region of it is found there."""

    text: str
    locate: Callable[[Any], Located | None]
    # The text Anota's suggestions were made on, when not ``text``: a page's with its chrome blanked.
    read: str | None = None


def _annotated_spans(
    event: AnnotationEvent, model_label: Callable[[str], str | None]
) -> tuple[AnnotatedText | None, set[SpanTuple]]:
    annotated = _annotated_text(event)
    return annotated, _entity_spans(event.result, annotated, model_label) if annotated is not None else set()


def _annotated_text(event: AnnotationEvent) -> AnnotatedText | None:
    # The texts as the editor showed them: regions count offsets in decoded text.
    data = decoded_data(event.label_config, event.task_data)
    page = _annotated_page(event, data)
    if page is not None:
        return AnnotatedText(page.text, lambda region: _page_span(page, region), page.readable_text)
    values = [value for region in event.result if (value := _span_value(region))]
    text = _task_text(data, values)
    return AnnotatedText(text, lambda region: _text_span(text, region)) if text is not None else None


def _suggested_spans(
    session: Session, event: AnnotationEvent, annotated: AnnotatedText, model_label: Callable[[str], str | None]
) -> set[SpanTuple]:
    predicted = (event.prediction or {}).get("result")
    if predicted:
        return _entity_spans(predicted, annotated, model_label)
    # What /predict suggested for this text (a page's: the text its annotators read).
    stored = session.get(SuggestedEntities, text_digest(annotated.text if annotated.read is None else annotated.read))
    if stored is None:
        return set()
    shown = _shown_labels(session, event)
    return {tuple(span) for span in stored.spans if shown is None or span[2] in shown}


def _shown_labels(session: Session, event: AnnotationEvent) -> frozenset[str] | None:
    """Our labels that the project's config (the event's, else the one stored for the project) gives a place to,
    or None when no config can be read. /predict stores every span the plugin found, also those the config has no
    label for (ORG in a project whose only such label is "Company", a narrower name): its annotators never saw
    them, and leaving them out deleted nothing (s48-userpass: every annotator "deleted" Ryanair, Samsung and
    Nissan, which then went unsuggested once "Company" took ORG's spans, and a rejected ORG for "Anfield" lowered
    its learned Place's score)."""
    config = event.label_config
    if not config and event.project_id is not None and (project := session.get(StoredProject, event.project_id)):
        config = project.label_config
    if not config:
        return None
    try:
        return frozenset(span_label_names(config, _KNOWN_LABELS).values())
    except LabelingConfigError:
        return None


def _entity_spans(
    regions: Iterable[Any], annotated: AnnotatedText, model_label: Callable[[str], str | None]
) -> set[SpanTuple]:
    spans = set()
    for region in regions:
        located = annotated.locate(region)
        if located is None:
            continue  # out of the text's bounds, or a slice of another text of the task
        start, end = selected_words(annotated.text, located[0], located[1])
        for label in located[2]:
            mapped = model_label(str(label))
            if mapped is not None and start < end:
                spans.add((start, end, mapped))
    return spans


def _text_span(text: str, region: Any) -> Located | None:
    value = _span_value(region)
    if value is None or not _slice_matches(text, value):
        return None
    return value["start"], value["end"], value["labels"]


def _annotated_page(event: AnnotationEvent, data: dict[str, Any]) -> RenderedPage | None:
    """The HyperText page in the task's ``data`` an annotation labels, laid
    out as the config the event came with shows it (inline or in an iframe); without a config, the
    task's field and layout most of its regions' texts are found in at their
    global offsets. None for a Text project's annotation."""
    predicted = (event.prediction or {}).get("result") or []
    values = [value for region in [*event.result, *predicted] if (value := _page_value(region))]
    layouts = _page_layouts(event.label_config)
    if not values and (not layouts or any(_span_value(region) for region in event.result)):
        return None  # a Text object's annotation (of a config that may show a page too)
    if not layouts:
        layouts = [(key, inline) for key in data for inline in (False, True)]
    best = likeliest_page((rendered_page(html, inline) for key, inline in layouts
                           if isinstance(html := data.get(key), str) and html), values)
    if best is None or (values and not any(holds(best, value) for value in values)):
        return None
    return best


def _page_layouts(label_config: str | None) -> list[tuple[str, bool]]:
    """The task fields a config's HyperText objects show, and whether inline."""
    try:
        objects = parse_labeling_config(label_config).objects if label_config else []
    except LabelingConfigError:
        return []
    return [(obj.key, obj.inline) for obj in objects if obj.is_hypertext]


def _page_value(region: Any) -> dict[str, Any] | None:
    """A page region's value (a HyperTextLabels control's, or a Labels control's drawn on the page), with labels
    and global offsets."""
    if not isinstance(page_labels(region), list):
        return None
    value = region["value"]
    return value if global_offsets(value) is not None else None


def _page_slice(page: RenderedPage, value: dict[str, Any]) -> tuple[int, int] | None:
    """Where a HyperTextLabels region is in the text the annotators read: at
    its global offsets (Label Studio's count: ``global_text``), when the page
    holds its text there; never shifted."""
    offsets = global_offsets(value)
    return page.text_span(*offsets) if offsets is not None and holds(page, value) else None


def _page_span(page: RenderedPage, region: Any) -> Located | None:
    value = _page_value(region)
    if value is None or (place := _page_slice(page, value)) is None:
        return None
    return place[0], place[1], page_labels(region)


def _span_value(region: Any) -> dict[str, Any] | None:
    value = region.get("value") if isinstance(region, dict) else None
    if not isinstance(value, dict) or not isinstance(value.get("labels"), list):
        return None
    if not (isinstance(value.get("start"), int) and isinstance(value.get("end"), int)):
        return None
    return value


def _task_text(task_data: dict[str, Any], values: list[dict[str, Any]]) -> str | None:
    """The task's text field: the string most of the regions' texts are slices
    of (the webhook does not say which data key the project labels); the
    longest such, as the labelled text usually is, when no region tells them
    apart. A region that fits none (beyond the text's end) is skipped later,
    not a reason to learn nothing from the others."""
    texts = [text for text in task_data.values() if isinstance(text, str) and text]
    if not texts:
        return None
    best = max(texts, key=lambda text: (sum(_slice_matches(text, value) for value in values), len(text)))
    return best if not values or any(_slice_matches(best, value) for value in values) else None


def _slice_matches(text: str, value: dict[str, Any]) -> bool:
    written = value.get("text")
    piece = text[value["start"]:value["end"]] if 0 <= value["start"] < value["end"] <= len(text) else None
    # Label Studio's value.text may differ on repeated whitespace: compare squeezed.
    return piece is not None and (written is None or squeezed(piece) == squeezed(str(written)))


def _overlap(a: SpanTuple, b: SpanTuple) -> bool:
    return a[0] < b[1] and b[0] < a[1]
