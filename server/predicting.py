"""Run the annotators on a batch of tasks, each isolated, and turn what they
suggest into one Label Studio prediction per task."""

from __future__ import annotations

import collections
import dataclasses
import functools
import hashlib
import json
import logging
import math
import os
import re
import select
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from server.analysis import (
    OTHER_LANGUAGE,
    AnalyzedText,
    FrequentWords,
    Pipelines,
    analyze_together,
    computed_once,
    encoded_samples,
    frequent_words_languages,
    language_past_frequent_words,
    language_code,
    language_identifier,
)
from server.annotators import Annotator, LabelKind, Span, Suggestion, check_suggestion, failure_detail
from server.labeling import (
    LABEL_MAPPING_VERSION,
    LabelingConfig,
    TextObject,
    check_region_offsets,
    keep_best_single_choices,
    map_suggestions,
    object_page,
    object_text,
    utterance_starts,
)
from server.interactive import (
    AnsweredRegions,
    Layers,
    Layout,
    answer_key,
    answered_places,
    answered_where,
    with_annotator_regions,
)
from server.metrics import Metrics

if TYPE_CHECKING:  # html5lib only for a HyperText project's pages (server.labeling.object_page), numpy for new texts
    from server.hypertext import RenderedPage
    from server.langid_windows import EncodedText

log = logging.getLogger(__name__)

# One annotator's output for one task; None when it was lost to an error.
TaskSuggestions = list[Suggestion] | None

# An annotator has PLUGIN_TIMEOUT seconds per this many texts of a request, up
# to BUDGET_CAP seconds: Label Studio waits 100 s for /predict. A text counts
# once per TEXT_CHARS characters (a paragraph once, a book chapter many times).
TEXTS_PER_TIMEOUT = 100
TEXT_CHARS = 2_000
BUDGET_CAP = 80.0
# Appended to the model version of a prediction that misses what an annotator
# had no time for: Label Studio asks again for every task without a prediction
# of the current version (ml/models.py predict_tasks), so such a task gets its
# whole prediction on the next "Retrieve predictions" or when it is opened,
# instead of never.
INCOMPLETE = "-incomplete"
# The languages of this many recent texts of at most LANGUAGE_MEMO_CHARS characters are
# remembered (``Predictor.recent_text``): at most about 2 MB of texts.
LANGUAGE_MEMO_TEXTS = 1_024
LANGUAGE_MEMO_CHARS = 2_000
# A project's usual language (``UsualLanguages``) is the one that this many of its texts settled, three times as
# many as settled any other; the counts of at most LANGUAGE_MEMO_PROJECTS projects are kept, halved when a
# project's reach USUAL_LANGUAGE_MEMORY (its recent texts count most).
USUAL_LANGUAGE_MIN_TEXTS = 3
LANGUAGE_MEMO_PROJECTS = 256
USUAL_LANGUAGE_MEMORY = 1_000
# How long the process's exit waits for annotators still at work to stop (at
# their next piece): a thread still in a model's BLAS when the interpreter
# exits aborts the process ("libblis: Aborting.", exit status 134).
EXIT_WAIT = 10.0


@dataclass(frozen=True)
class AnnotatorOutputs:
    """Each annotator's suggestions per text (in the order of the annotators),
    and the positions of the texts some annotator had no time for."""

    per_annotator: list[list[TaskSuggestions]]
    unfinished: set[int]


class Piece(NamedTuple):
    """What an annotator reads of a request's text: the whole text, or one of
    the pieces of a long one (``AnalyzedText.pieces``: its ``offset`` says where).
    A named tuple: made for every text of every request, at a tenth of a frozen
    dataclass's cost."""

    owner: int  # the position of its text among the request's analysed texts
    text: AnalyzedText


@dataclass(frozen=True)
class RegisteredAnnotator:
    plugin: str
    plugin_version: str
    annotator: Annotator
    kinds: dict[str, LabelKind]

    @property
    def name(self) -> str:
        return self.annotator.name

    @computed_once
    def classifies_texts(self) -> bool:
        """Whether all it suggests is choices, labels of a whole text (sentiment),
        which it reads whole however long: pieces would each get their own (read on
        every request: computed once)."""
        return bool(self.kinds) and all(kind == "choice" for kind in self.kinds.values())


def compute_model_version(annotators: Sequence[RegisteredAnnotator]) -> str:
    """A version that changes exactly when an annotator, its plugin's version
    or its settings change, or the mapping of labels onto configs (Label Studio skips tasks that already hold a
    prediction of the current version)."""
    described = sorted(
        (a.plugin, a.plugin_version, a.name, a.annotator.version, dict(a.annotator.settings))
        for a in annotators
    )
    # How labels map onto a project's config decides what a prediction holds as much as the annotators do.
    versioned = [LABEL_MAPPING_VERSION, described]
    digest = hashlib.sha256(json.dumps(versioned, sort_keys=True, default=str).encode())
    return f"anota-{digest.hexdigest()[:12]}"


class UsualLanguages:
    """The language most texts of each project are in: learnt from the texts whose language is settled, stated by
    their task or shown by their own frequent words. A project's text that shows none (a name, a list of names, a
    field line: "Prime Minister: Adolphe Muzito", which the language identifier read as Portuguese) takes it
    (``task_language``), as a segment takes its page's in the preload."""

    def __init__(self, projects: int = LANGUAGE_MEMO_PROJECTS) -> None:
        self.projects = projects
        self._counts: collections.OrderedDict[int | None, collections.Counter[str]] = collections.OrderedDict()
        # Each project's usual language, decided when it learns: every /predict asks (``of``), without the lock.
        self._usual: dict[int | None, str | None] = {}
        self._lock = threading.Lock()  # request threads learn at once

    def learn(self, project: int | None, language: str, texts: int = 1) -> None:
        """Count ``texts`` more of ``project``'s texts settled in ``language``."""
        if project is None:  # tasks of no known project may be of several
            return
        with self._lock:
            if (counts := self._counts.get(project)) is None:
                counts = self._counts[project] = collections.Counter()
            self._counts.move_to_end(project)
            counts[language] += texts
            if counts[language] >= USUAL_LANGUAGE_MEMORY:
                for each in counts:
                    counts[each] //= 2
            self._usual[project] = usual_language(counts)
            if len(self._counts) > self.projects:
                self._usual.pop(self._counts.popitem(last=False)[0], None)

    def of(self, project: int | None) -> str | None:
        """The project's usual language, None while no language leads its settled texts clearly."""
        return self._usual.get(project)


def usual_language(counts: collections.Counter[str]) -> str | None:
    """The language of the most texts in ``counts`` when it has USUAL_LANGUAGE_MIN_TEXTS of them and three times as
    many as any other; else None (a tie included, whichever language comes first)."""
    leader, first, second = None, 0, 0
    for language, count in counts.items():  # a project's few languages: no sort, no heap (Counter.most_common)
        if count > first:
            leader, first, second = language, count, first
        elif count > second:
            second = count
    return leader if first >= USUAL_LANGUAGE_MIN_TEXTS and first >= 3 * second else None


class RecentText:
    """What /predict remembers of a text it was sent recently (``Predictor.recent_text``: Label Studio sends the same
    tasks again, on every region drawn in interactive pre-annotation and on each "Retrieve predictions"): what its
    frequent words tell of its language, the language it teaches its project's usual one, and its language found past
    its frequent words with each usual language of its project it came with; and its readable copy, when it holds a
    character that is not text (``readable_text``: a regular expression's scan of every character, about 70
    instructions a character, 8% of a seen 100-task request's instructions when each request scanned again)."""

    __slots__ = ("words", "teaches", "languages", "readable")

    def __init__(self, words: FrequentWords, readable: str | None = None) -> None:
        self.words = words
        self.readable = readable  # None: the text itself is readable
        # The one language a text's frequent words lean to tells its project's, summed over its texts ("other"
        # languages' words tell none: French and Italian share the OTHER_LANGUAGE count).
        self.teaches = words.settled or (words.leaning if words.leaning != OTHER_LANGUAGE else None)
        self.languages: dict[str | None, str] = {}  # by the project's usual language

    @classmethod
    def read(cls, text: str, languages: Sequence[str]) -> RecentText:
        """What ``text``'s frequent words tell (a new text is folded and split once), and its readable copy."""
        readable = readable_text(text)
        return cls(frequent_words_languages(text, languages), None if readable is text else readable)

    def language(self, text: str, usual: str | None, languages: Sequence[str], sample: EncodedText | None = None
                 ) -> str:
        """``task_language`` of ``text`` (this one's), whose frequent words did not settle it, in a project of the
        ``usual`` language (found once for each; ``sample``: see ``language_past_frequent_words``)."""
        if (known := self.languages.get(usual)) is None:
            known = self.languages[usual] = language_past_frequent_words(text, self.words.tokens, languages, usual,
                                                                         sample)
        return known


class Predictor:
    """Turns tasks into predictions with the annotators of one app."""

    def __init__(
        self,
        annotators: Sequence[RegisteredAnnotator],
        metrics: Metrics,
        timeout: float,
        languages: Sequence[str],
        pipelines: Pipelines | None = None,
        answered: AnsweredRegions | None = None,
    ) -> None:
        self.annotators = list(annotators)
        self.metrics = metrics
        self.timeout = timeout
        self.languages = tuple(languages)
        self.pipelines = pipelines or Pipelines.from_config({})
        self.model_version = compute_model_version(self.annotators)
        # Threads let a request stop waiting for an annotator that overruns its
        # budget; one submission per annotator per request keeps the cost low.
        self.lanes = [Lane(a.name) for a in self.annotators]
        # The runs that may still be at work, for ``stop``.
        self._runs: weakref.WeakSet[AnnotatorRun] = weakref.WeakSet()
        # Whether the annotators' models are loaded (warm_up): a forked worker inherits its parent's.
        self.warmed = False
        # The languages out of scope whose texts were skipped, each logged once.
        self._languages_skipped: set[str] = set()
        # Every text's language is needed (``out_of_scope``), and Label Studio sends the same
        # tasks again: on every region drawn in interactive pre-annotation, on each "Retrieve
        # predictions". The languages of recent texts are remembered (at most LANGUAGE_MEMO_TEXTS
        # texts of at most LANGUAGE_MEMO_CHARS characters: a bounded memory).
        self.recent_text = functools.lru_cache(maxsize=LANGUAGE_MEMO_TEXTS)(
            functools.partial(RecentText.read, languages=self.languages))
        self.usual_languages = UsualLanguages()
        # What interactive answers gave each annotator (the app's, in its database); none: nothing remembered.
        self.answered = answered
        # Told of each annotator whose warm-up failed, whoever warmed up (``anota serve`` or the
        # first prediction): the app makes it a load error of the annotator's plugin.
        self.on_warm_up_failure: Callable[[RegisteredAnnotator, Exception], None] = _log_warm_up_failure
        self._warm_up_lock = threading.Lock()
        self._forget_waiters()
        _on_fork_in_child(self, Predictor._forget_waiters)
        # When the main thread ends, before any atexit callback: those run last
        # registered first, and BLIS registers the one that frees its memory (under a
        # thread still multiplying: "libblis: Aborting.") when spaCy is first imported.
        # The standard library's thread pools stop the same way. A weak reference:
        # the process's exit keeps no app alive.
        threading._register_atexit(functools.partial(_stop_at_exit, weakref.ref(self)))  # type: ignore[attr-defined]

    def warm_up(self) -> list[tuple[RegisteredAnnotator, Exception]]:
        """Load, once, what the annotators and the language identifier load on
        first use (``Annotator.warm_up``: models, lexicons); the annotators
        that failed, with their errors (each fails its requests as it would
        have). Done by the first request before its time budget starts, unless
        done before (``server.app.warm_up``, as ``anota serve`` does)."""
        failures = []
        with self._warm_up_lock:  # a second request thread waits for the first one's loading
            if self.warmed:
                return []
            for registered in self.annotators:
                try:
                    registered.annotator.warm_up()
                except Exception as exc:  # one plugin's failure must not stop the others
                    failures.append((registered, exc))
            language_identifier(self.languages)
            self.warmed = True
        return failures

    def _forget_waiters(self) -> None:
        # One per request thread; a forked child must not share its parent's.
        self._waiters = threading.local()

    def _waiter(self) -> Waiter:
        try:
            return self._waiters.waiter
        except AttributeError:
            self._waiters.waiter = Waiter()
            return self._waiters.waiter

    def predict(
        self,
        config: LabelingConfig,
        tasks: Sequence[dict[str, Any]],
        project: str | None = None,
        context: Sequence[Any] | None = None,
    ) -> list[dict[str, Any]]:
        """One prediction per task, in order. ``context`` is what the annotator
        has drawn so far (Label Studio's interactive mode): it is propagated,
        and wins over the plugins where they overlap."""
        if not self.warmed:  # the models load outside the first request's time budget
            for registered, exc in self.warm_up():
                self.on_warm_up_failure(registered, exc)
        default_project = project_id(None, project)
        # Each text of each task, task by task (most configs label one text).
        texts = self.analyze_tasks(tasks, config.objects, default_project)
        analyzed = [text for text in texts if text is not None]
        out_of_scope = self.out_of_scope(analyzed)
        pieces = [Piece(owner, piece) for owner, text in enumerate(analyzed) if owner not in out_of_scope
                  for piece in text.pieces()]
        analyze_together([piece.text for piece in pieces])
        # One row per analysed text: what each annotator suggested for it, in
        # the order of self.annotators.
        outputs = self.run_annotators(analyzed, pieces, out_of_scope)
        rows = iter(zip(*outputs.per_annotator) if outputs.per_annotator else [()] * len(analyzed))
        per_text = iter(texts)
        position = 0  # of the text in ``analyzed``
        predictions = []
        for task in tasks:
            regions = []
            complete = True
            for obj in config.objects:
                if (text := next(per_text)) is not None:
                    # A text no annotator suggested anything for has no region unless the annotator drew some.
                    if any(row := next(rows)) or context:
                        regions += self.text_regions(config, obj, text.as_sent or text.text, row, context, task)
                    complete = complete and position not in outputs.unfinished
                    position += 1
            predictions.append(self.prediction(keep_best_single_choices(config, regions), complete))
        return predictions

    def text_regions(
        self, config: LabelingConfig, obj: TextObject, text: str, per_annotator: Sequence[TaskSuggestions],
        context: Sequence[Any] | None, task: dict[str, Any],
    ) -> list[dict[str, Any]]:
        data = task.get("data") or {}
        # Utterance regions name an utterance and offsets in it; a page's, XPaths and global offsets.
        layout = Layout(obj, text,
                        starts=utterance_starts(obj, data) if obj.paragraph_key is not None else (0,),
                        page=object_page(obj, data) if obj.is_hypertext else None)
        regions = self.regions(config, obj, text, per_annotator, layout.starts, layout.page)
        if not context:
            return regions
        # All of the context: words drawn on another text of the task propagate here too.
        layers = Layers(obj, ([label for label, kind in registered.kinds.items() if kind == "span"]
                              for registered in self.annotators))
        if self.answered is None or (key := answer_key(task)) is None:
            return with_annotator_regions(config, layout, context, regions, layers, task)
        where = answered_where(layout)
        answer = with_annotator_regions(config, layout, context, regions, layers, task,
                                        self.answered.recall(key).get(where, set()))
        self.answered.remember(key, where, answered_places(layout, answer))
        return answer

    def analyze_tasks(self, tasks: Sequence[dict[str, Any]], objects: Sequence[TextObject],
                      default_project: int | None = None) -> list[AnalyzedText | None]:
        """Each text of each task, task by task (None for a task without it), each in its language: stated, settled
        by its frequent words, or its project's usual one (``settle_languages``), which the request's settled texts
        teach first."""
        settled: dict[tuple[int | None, str], int] = {}
        unsettled: list[tuple[AnalyzedText, RecentText]] = []
        texts = [self.analyze(task, obj, default_project, settled, unsettled) for task in tasks for obj in objects]
        # learnt once a request, not once a text: one lock and one count a project and language, in the order of
        # their first texts
        for (project, language), count in settled.items():
            self.usual_languages.learn(project, language, count)
        self.settle_languages(unsettled)
        return texts

    def analyze(self, task: dict[str, Any], obj: TextObject, default_project: int | None = None,
                settled: dict[tuple[int | None, str], int] | None = None,
                unsettled: list[tuple[AnalyzedText, RecentText]] | None = None) -> AnalyzedText | None:
        """The task's text of ``obj``, its language stated or settled by its frequent words (its project and
        language counted in ``settled``, for ``UsualLanguages``) or left to ``settle_languages`` (the text added to
        ``unsettled``, with what is known of it)."""
        data = task.get("data") or {}
        text = object_text(obj, data)
        if text is None:
            return None
        meta = task.get("meta")
        if not isinstance(meta, dict):  # a task imported with another meta (Label Studio takes any JSON): no hints
            meta = {}
        hint = data.get("language") or meta.get("language")
        # Without a hint or a meta (most tasks of most requests), nothing to read there.
        language = language_code(hint) if hint else None
        project = project_id(task["project"], None) if "project" in task else default_project
        learnt = language
        recent = None
        if language is None and len(text) <= LANGUAGE_MEMO_CHARS:
            recent = self.recent_text(text)
            language, learnt = recent.words.settled, recent.teaches
            readable = recent.readable or text
        else:
            readable = readable_text(text)
        if learnt and settled is not None:
            settled[project, learnt] = settled.get((project, learnt), 0) + 1
        # Its fields in order (tests/test_predict_body.py holds them): a class called with keywords builds them a
        # dict, which its __init__ unpacks again.
        analyzed = AnalyzedText(readable, language, self.languages, self.pipelines, project,
                                part_of(meta) if meta else None, None, None, 0, None if readable is text else text)
        if language is not None:
            # what its first read would make of the hint (``AnalyzedText.language``), without that call on every text
            analyzed.language = language
        elif recent is not None and unsettled is not None:
            unsettled.append((analyzed, recent))
        return analyzed

    def settle_languages(self, unsettled: Sequence[tuple[AnalyzedText, RecentText]]) -> None:
        """Give each text of up to LANGUAGE_MEMO_CHARS characters that neither its task nor its frequent words
        settled (``analyze``: ``unsettled``, with what is remembered of it) its language, knowing its project's usual
        one from the request's texts and earlier ones (``UsualLanguages``). A longer text's is found when it is first
        read."""
        usual: dict[int | None, str | None] = {}  # a project's, read once a request
        new: list[tuple[AnalyzedText, RecentText, str | None]] = []  # not seen before with that usual language
        for text, recent in unsettled:
            if text.project_id not in usual:
                usual[text.project_id] = self.usual_languages.of(text.project_id)
            if (known := recent.languages.get(usual[text.project_id])) is not None:
                text.language_hint = text.language = known
            else:
                new.append((text, recent, usual[text.project_id]))
        # The new texts' samples for the language identifier found together: 100 texts' cost 12.4 -> 5.6 us a text.
        # A few need none (a name whose project's language it takes), and their encoding (a few us) is wasted.
        samples = encoded_samples([text.text for text, _recent, _usual in new], self.languages) if new else []
        for (text, recent, project_usual), sample in zip(new, samples):
            text.language_hint = text.language = recent.language(text.text, project_usual, self.languages, sample)

    def out_of_scope(self, texts: Sequence[AnalyzedText]) -> frozenset[int]:
        """The positions of ``texts`` in a language outside ``ANOTA_LANGUAGES``
        ("fr" among pt, en and es; stated by the task or detected): no annotator
        reads them, since their models, lexicons and rules are for other
        languages (Portuguese claim cues on French, Spanish tokens on Italian).
        Each is counted in /metrics by language, and a language's first is logged."""
        skipped = frozenset(index for index, text in enumerate(texts) if text.language not in self.languages)
        for index in skipped:
            language = texts[index].language
            self.metrics.skipped_texts.labels(language).inc()
            if language not in self._languages_skipped:
                self._languages_skipped.add(language)
                log.warning("texts in %r get no suggestions: ANOTA_LANGUAGES lists %s, and the annotators are for "
                            "those (counted in /metrics as anota_skipped_texts)", language, ", ".join(self.languages))
        return skipped

    def prediction(self, regions: list[dict[str, Any]], complete: bool = True) -> dict[str, Any]:
        version = self.model_version if complete else self.model_version + INCOMPLETE
        score = round(sum(region["score"] for region in regions) / len(regions), 4) if regions else 0.0
        return {"result": regions, "score": score, "model_version": version}

    def run_annotators(self, texts: Sequence[AnalyzedText], pieces: Sequence[Piece],
                       out_of_scope: frozenset[int] = frozenset()) -> AnnotatorOutputs:
        """Each annotator's suggestions per text, from the texts' ``pieces``
        (or the whole texts, for an annotator that ``classifies_texts``); an
        annotator that raises, returns something invalid or overruns its
        budget loses only its own, and only the pieces it had no time for.
        The texts at ``out_of_scope`` have no pieces, and get no suggestions."""
        outputs = AnnotatorOutputs([], set())
        if not texts:
            return outputs
        budget = self.budget(counted_texts(texts))
        deadline = time.monotonic() + budget
        waiter = self._waiter()
        # As many pieces as texts: each is its whole text (nearly every request).
        whole = pieces if len(pieces) == len(texts) else [
            Piece(owner, text) for owner, text in enumerate(texts) if owner not in out_of_scope]
        runs = [AnnotatorRun(a, read_by(a.annotator, whole if a.classifies_texts else pieces)) for a in self.annotators]
        self._runs.update(runs)
        jobs = [(run, lane.submit(waiter, run.annotate_all)) for run, lane in zip(runs, self.lanes)]
        for run, job in jobs:
            suggestions, finished = self._collect(run, job, deadline, budget)
            outputs.per_annotator.append(joined(run.pieces, suggestions, len(texts), not out_of_scope))
            if finished < len(run.pieces):
                outputs.unfinished.update(piece.owner for piece in run.pieces[finished:])
        return outputs

    def stop(self, wait: float) -> None:
        """Tell the annotators still at work for requests that went on without
        them to stop before their next text or piece, and wait up to ``wait``
        seconds for their threads to be idle."""
        for run in list(self._runs):
            run.stopped = True
        deadline = time.monotonic() + wait
        for lane in self.lanes:
            lane.wait_idle(deadline)

    def budget(self, texts: int) -> float:
        """Seconds each annotator has for a request of ``texts`` texts (a long
        text counted once per TEXT_CHARS characters): the timeout per hundred
        texts, up to BUDGET_CAP (or the timeout, if more).

        Label Studio sends every task a user selects in one /predict and waits
        100 s for it: a large selection gets the time it needs within that,
        instead of losing most of its suggestions to a budget made for one task."""
        return min(self.timeout * math.ceil(max(texts, 1) / TEXTS_PER_TIMEOUT), max(self.timeout, BUDGET_CAP))

    def _collect(self, run: AnnotatorRun, job: Job | None, deadline: float, budget: float
                 ) -> tuple[list[TaskSuggestions], int]:
        """The annotator's suggestions per text or piece, and how many it
        finished in time (an error is final, and counts as finished)."""
        registered, texts = run.registered, run.texts
        if job is None:
            self._count_error(registered, "timeout", "all its threads are still busy with earlier requests")
            return [None] * len(texts), 0
        # All annotators share one deadline: they run in parallel, so waiting
        # for them in turn never waits longer than the slowest allowed one.
        try:
            job.wait(timeout=max(0.0, deadline - time.monotonic()))
        except TimeoutError:
            # What it finished in time is kept; it stops before its next text.
            run.stopped = True
            outputs = list(run.outputs)
            finished = len(outputs)
            read = "texts and pieces of long texts" if run.pieced else "texts"
            self._count_error(registered, "timeout", f"no answer within {budget:g} s "
                                                     f"for {len(texts) - finished} of {len(texts)} {read}")
            outputs += [None] * (len(texts) - finished)
        except BaseException as exc:  # noqa: BLE001 - a plugin's sys.exit() ends only its own output
            if exc is not job.error:  # raised while waiting (Ctrl-C, a signal that stops the command): not the plugin's
                raise
            self._count_error(registered, "exception", failure_detail(exc))
            return [None] * len(texts), len(texts)
        else:
            outputs, finished = run.outputs, len(texts)
            self.metrics.observe_plugin_seconds(registered.plugin, registered.name, run.seconds)
        # An empty answer needs no checking (most texts get none from most annotators).
        checked = [self._checked(registered, output, text.text) if output else output
                   for output, text in zip(outputs, texts)]
        return checked, finished

    def _checked(
        self, registered: RegisteredAnnotator, output: list[Any] | Exception, text: str
    ) -> TaskSuggestions:
        if isinstance(output, Exception):
            self._count_error(registered, "exception", failure_detail(output))
            return None
        for suggestion in output:
            problem = check_suggestion(suggestion, text, registered.kinds)
            if problem:
                self._count_error(registered, "invalid", problem)
                return None
        return output

    def _count_error(self, registered: RegisteredAnnotator, kind: str, detail: str) -> None:
        log.warning("annotator %s (plugin %s) lost its output: %s: %s",
                    registered.name, registered.plugin, kind, detail)
        self.metrics.plugin_errors.labels(registered.plugin, registered.name, kind).inc()

    def regions(
        self, config: LabelingConfig, obj: TextObject, text: str, per_annotator: Sequence[TaskSuggestions],
        starts: Sequence[int] = (0,), page: RenderedPage | None = None,
    ) -> list[dict[str, Any]]:
        """Map every annotator's suggestions for the text of ``obj`` (in the
        order of ``self.annotators``) onto the config (``starts``: of the
        utterances of a Paragraphs object in ``text``; ``page``: a HyperText
        object's page)."""
        regions: list[dict[str, Any]] = []
        if not any(per_annotator):
            return regions
        for index, (registered, suggestions) in enumerate(zip(self.annotators, per_annotator)):
            if not suggestions:
                continue
            mapped = map_suggestions(config, obj, text, suggestions, id_prefix=f"{obj.name}-a{index}r",
                                     plugin=registered.plugin, starts=starts, page=page)
            for label in mapped.dropped:
                self.metrics.dropped_labels.labels(registered.name, label).inc()
            if mapped.regions:
                self.metrics.suggestions.labels(registered.plugin, registered.name).inc(len(mapped.regions))
            regions.extend(mapped.regions)
        return [region for region in regions if check_region_offsets(region, text) is None]


def _log_warm_up_failure(registered: RegisteredAnnotator, exc: Exception) -> None:
    log.warning("annotator %s (plugin %s) failed to warm up: %s", registered.name, registered.plugin,
                failure_detail(exc))


class Lane:
    """One annotator's threads. An annotator that overruns its budget ties up
    only its own threads, never another plugin's; once all of them are stuck,
    its next requests go on without it instead of queueing behind them.

    The hand-off is on every request's path, so it signals through pipes
    rather than locks: Linux wakes a pipe's reader as a "sync" wake-up, on the
    writer's CPU when the writer is about to sleep, instead of waking an idle
    CPU (a round trip, median: 28 us back to back and 35 us with sleeps
    between jobs through a queue and locks, 21 and 27 us through pipes). The threads are daemons
    so that a hung annotator cannot hold up the process's exit for more than EXIT_WAIT."""

    THREADS = 4

    def __init__(self, name: str) -> None:
        self.name = name
        self._forget_threads()
        # Threads, and the locks and queue they were using, do not survive a
        # fork (gunicorn --preload): a child starts from a clean lane.
        _on_fork_in_child(self, Lane._forget_threads)

    def _forget_threads(self) -> None:
        self.jobs: collections.deque[Job | None] = collections.deque()
        # One byte per job in self.jobs: a thread reads one, then takes a job.
        self.pipe = Pipe()
        self.lock = threading.Lock()
        self.running = 0
        self.threads = 0

    def submit(self, waiter: Waiter, function: Callable[..., Any], *args: Any) -> Job | None:
        """``function(*args)`` on one of the lane's threads, telling ``waiter``
        when it is done; None when all the threads are busy."""
        with self.lock:
            if self.running >= self.THREADS:
                return None
            self.running += 1
            # A thread more only when every one is busy: each thread that runs
            # a model keeps its own malloc arena (four idle-started threads per
            # annotator cost 110 MB more peak memory in bench/annotate.py).
            if self.running > self.threads:
                self.threads += 1
                threading.Thread(target=self._work, name=f"anota-{self.name}-{self.threads}", daemon=True).start()
        job = Job(function, args, waiter)
        self._put(job)
        return job

    def _put(self, job: Job | None) -> None:
        self.jobs.append(job)
        os.write(self.pipe.writer, b"j")

    def _work(self) -> None:
        while True:
            os.read(self.pipe.reader, 1)
            if (job := self.jobs.popleft()) is None:
                return
            job.run()
            # Free before telling the waiter, who may submit again at once.
            with self.lock:
                self.running -= 1
            job.finish()

    def close(self) -> None:
        for _ in range(self.threads):
            self._put(None)

    def wait_idle(self, deadline: float) -> None:
        """Until none of the lane's threads runs a job, or the ``time.monotonic()`` ``deadline``
        (polled: it is waited for once, at exit, not on a request's path)."""
        while self.running and time.monotonic() < deadline:
            time.sleep(0.01)


def _stop_at_exit(predictor: weakref.ref[Predictor]) -> None:
    """Stop a predictor's annotators still at work before the interpreter goes (see EXIT_WAIT)."""
    if (alive := predictor()) is not None:
        alive.stop(EXIT_WAIT)


def _on_fork_in_child(owner: Any, forget: Callable[[Any], None]) -> None:
    """Call ``forget(owner)`` in every process forked from now on, while
    ``owner`` lives: held by a weak reference, as the registration lasts as
    long as the process."""
    os.register_at_fork(after_in_child=functools.partial(_forget_if_alive, weakref.ref(owner), forget))


def _forget_if_alive(owner: weakref.ref[Any], forget: Callable[[Any], None]) -> None:
    if (alive := owner()) is not None:
        forget(alive)


class Waiter:
    """Where one thread sleeps until the jobs it submitted are done (a pipe,
    for the reason given in Lane)."""

    def __init__(self) -> None:
        self.pipe = Pipe()
        os.set_blocking(self.pipe.reader, False)
        os.set_blocking(self.pipe.writer, False)
        self.poller = select.poll()
        self.poller.register(self.pipe.reader, select.POLLIN)

    def wake(self) -> None:
        try:
            os.write(self.pipe.writer, b"d")
        except BlockingIOError:
            pass  # full of wake-ups its thread has not needed to read: it wakes anyway

    def sleep(self, timeout: float) -> None:
        """Until some job of this thread's is done, or ``timeout`` seconds."""
        if self.poller.poll(max(0, math.ceil(timeout * 1000))):
            os.read(self.pipe.reader, 4096)  # wake-ups of every job done so far


class Pipe:
    """An OS pipe, closed when dropped (a forked child drops its copy of its
    parent's pipes when it makes its own)."""

    def __init__(self) -> None:
        self.reader, self.writer = os.pipe()
        # Not at exit: a daemon thread may still be reading it.
        weakref.finalize(self, _close_pipe, self.reader, self.writer).atexit = False


def _close_pipe(reader: int, writer: int) -> None:
    os.close(reader)
    os.close(writer)


class Job:
    """One call waiting for a lane's thread; ``wait`` gives its result."""

    __slots__ = ("function", "args", "waiter", "result", "error", "done")

    def __init__(self, function: Callable[..., Any], args: tuple[Any, ...], waiter: Waiter) -> None:
        self.function = function
        self.args = args
        self.waiter = waiter
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False

    def run(self) -> None:
        try:
            self.result = self.function(*self.args)
        except BaseException as exc:  # handed to the waiting request
            self.error = exc

    def finish(self) -> None:
        self.done = True
        self.waiter.wake()

    def wait(self, timeout: float) -> Any:
        """The result; TimeoutError when the job is not done within ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        # A wake-up may be another job's, or a late one from an earlier request.
        while not self.done:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            self.waiter.sleep(remaining)
        if self.error is not None:
            raise self.error
        return self.result


# Characters no reader sees as part of a word: C0 and C1 controls (but tab and the line ends), line and paragraph
# separators, bidi controls, the byte order mark and U+FFFD (what replaced a lone surrogate or a bad byte).
# The entities annotator took them as letters: "Lula \ufffd", "\u2066Petrobras\u2069", "Fernando Haddad\x85Lula"
# (fixtures/malformed45).
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                       "\u2066-\u2069\ufeff\ufffd\ud800-\udfff]")
_LINE_BREAKS = frozenset("\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def readable_text(text: str) -> str:
    """``text`` as the annotators read it: each character that is not text
    (``_NOT_TEXT``) made a space, or a line break where it separates lines,
    one for one, so that every offset stays Label Studio's; ``text`` itself
    (the same object) when it holds none."""
    if _NOT_TEXT.search(text) is None:
        return text
    return _NOT_TEXT.sub(lambda match: "\n" if match.group() in _LINE_BREAKS else " ", text)


def counted_texts(texts: Sequence[AnalyzedText]) -> int:
    """How many texts ``texts`` are for the time budget: each once per TEXT_CHARS characters, at least once."""
    longer = [len(text.text) for text in texts if len(text.text) > TEXT_CHARS]  # few: most count once
    if not longer:
        return len(texts)
    return len(texts) - len(longer) + sum(math.ceil(length / TEXT_CHARS) for length in longer)


def read_by(annotator: Annotator, pieces: Sequence[Piece]) -> Sequence[Piece]:
    """The ``pieces`` in the languages ``annotator`` reads (``Annotator.languages``)."""
    if not annotator.languages:  # it reads every language: no copy on each request
        return pieces
    return [piece for piece in pieces if annotator.reads(piece.text.language)]


def joined(pieces: Sequence[Piece], outputs: Sequence[TaskSuggestions], texts: int, every_text: bool = True
           ) -> list[TaskSuggestions]:
    """Each of the ``texts`` texts' suggestions from its pieces' ``outputs``,
    a piece's spans moved by its offset; None for a text whose pieces all lost
    theirs, or that had none (``every_text`` False: some texts were not read)."""
    if every_text and len(pieces) == texts:  # each piece a whole text, in order (nearly every request)
        return list(outputs)
    per_text: list[TaskSuggestions] = [None] * texts
    for piece, output in zip(pieces, outputs):
        if output is None:
            continue
        if offset := piece.text.offset:
            output = [dataclasses.replace(s, start=s.start + offset, end=s.end + offset) if isinstance(s, Span) else s
                      for s in output]
        per_text[piece.owner] = output if per_text[piece.owner] is None else per_text[piece.owner] + output
    return per_text


def part_of(meta: dict[str, Any]) -> tuple[int, int] | None:
    """``(part, parts)`` from a task's meta, as :mod:`server.tasks` writes it;
    None when the task has none (imported from elsewhere) or it does not add up."""
    part, parts = meta.get("part"), meta.get("parts")
    if type(part) is int and type(parts) is int and 0 <= part < parts:
        return part, parts
    return None


def project_id(task_project: Any, request_project: str | None) -> int | None:
    """Label Studio's project id: the task's ``project``, else the numeric part
    of the request's ``"<id>.<created timestamp>"``."""
    if isinstance(task_project, int):
        return task_project
    if isinstance(task_project, str) and task_project.isdigit():
        return int(task_project)
    head = (request_project or "").split(".")[0]
    return int(head) if head.isdigit() else None


class AnnotatorRun:
    """One annotator over one request's texts or their pieces, on a lane's
    thread; the request reads ``outputs`` (one per text or piece done, in
    order) and may set ``stopped``."""

    __slots__ = ("registered", "pieces", "texts", "outputs", "stopped", "seconds", "__weakref__")

    def __init__(self, registered: RegisteredAnnotator, pieces: Sequence[Piece]) -> None:
        self.registered = registered
        self.pieces = pieces
        self.texts = [piece.text for piece in pieces]
        self.outputs: list[list[Any] | Exception] = []
        self.stopped = False
        self.seconds = 0.0

    @property
    def pieced(self) -> bool:
        """Whether some text reached it in pieces."""
        return len(self.pieces) > len({piece.owner for piece in self.pieces})

    def annotate_all(self) -> None:
        started = time.perf_counter()
        for text in self.texts:
            if self.stopped:  # the request went on without it
                break
            try:
                self.outputs.append(list(self.registered.annotator.annotate(text)))
            except Exception as exc:  # isolate: this plugin loses this task only
                self.outputs.append(exc)
        self.seconds = time.perf_counter() - started
