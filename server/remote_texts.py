"""Texts that Label Studio sends as links.

A ``<Text valueType="url">`` object (typical for files imported from cloud or
local storage) gives the backend a URL, not the text: an uploaded file, a
local-storage file, an ``s3://``/``gs://``/``azure-blob://`` URI that Label
Studio presigns, or any http(s) address. label-studio-sdk's ``get_local_path``
is what Label Studio's own ML backends use to resolve every one of these
(storage proxy, presign endpoint, token header for Label Studio's host only),
so Anota uses it too rather than a second reading of those conventions.

Label Studio's address and token come from the project's ``/setup`` (its
``hostname`` and ``access_token``), else from ``LABEL_STUDIO_URL`` and
``LABEL_STUDIO_API_KEY`` as for the SDK.
"""

from __future__ import annotations

import functools
import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # an export imports this module to tell a link from a text: nothing heavy
    import requests

    from server.metrics import Metrics

log = logging.getLogger(__name__)

# Seconds to wait for one text file, and for all of one request's: Label Studio
# waits up to 100 s for /predict, and the annotators need their share of it.
FETCH_TIMEOUT = 10.0
FETCH_BUDGET = 50.0
# Links fetched at once: a selection of linked tasks waits for the slowest few
# files instead of the sum of all of them.
FETCH_THREADS = 8
LINK = re.compile(r"(https?://|/|upload/|s3://|gs://|azure-blob://)\S*\Z")
LINK_STARTS = frozenset("h/usga")  # the first characters of LINK's prefixes


@dataclass(frozen=True)
class LabelStudioConnection:
    """Where a project's Label Studio is, and the token to read its files."""

    hostname: str | None
    access_token: str | None


class LinkedTexts:
    """Fetches (and caches on disk) the text behind a link."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        self.session = session_with_timeout(FETCH_TIMEOUT)
        sdk_log = logging.getLogger(SDK_IO_LOGGER)
        if not any(isinstance(found, QuietFetches) for found in sdk_log.filters):
            sdk_log.addFilter(QuietFetches())

    def fetch(self, url: str, task_id: Any, connection: LabelStudioConnection | None) -> str:
        """The text at ``url``, decoded as UTF-8. Raises ``TextUnavailable``
        saying why when it cannot be had."""
        from label_studio_sdk._extensions.label_studio_tools.core.utils.io import (
            get_local_path,
            http_session,
        )

        self.cache_dir.mkdir(parents=True, exist_ok=True)
        try:
            with http_session(self.session):
                path = get_local_path(
                    url,
                    cache_dir=str(self.cache_dir),
                    # A folder that does not exist: never look for Label Studio's
                    # own upload folder (nor create one in the user's home).
                    image_dir=str(self.cache_dir / "no-local-uploads"),
                    hostname=connection.hostname if connection else None,
                    access_token=connection.access_token if connection else None,
                    task_id=task_id,
                )
            return Path(path).read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise TextUnavailable("decode", f"{url} is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
        except Exception as exc:  # the SDK raises requests', OS and its own errors
            raise TextUnavailable("fetch", f"cannot fetch {url}: {type(exc).__name__}: {exc}") from exc


class RemoteTexts(LinkedTexts):
    """The texts behind a /predict request's links, several at once, each
    failure logged and counted."""

    def __init__(self, cache_dir: Path, metrics: Metrics) -> None:
        super().__init__(cache_dir)
        self.metrics = metrics

    def resolve(
        self, tasks: Sequence[dict[str, Any]], text_key: str, connection: LabelStudioConnection | None
    ) -> list[dict[str, Any]]:
        """``tasks`` with the URL under ``text_key`` replaced by its text. A
        task whose text cannot be had gets none (an empty prediction), and is
        logged and counted; the other tasks go on. Links are fetched
        FETCH_THREADS at a time, each distinct one once (two downloads into one
        cache file could read each other's half); once the request has spent
        ``FETCH_BUDGET`` seconds fetching, its other links are not fetched."""
        # Label Studio itself puts an uploaded .txt file's content, not its
        # link, in such a project's tasks: only links are fetched.
        links = {task["data"][text_key]: task.get("id") for task in tasks
                 if looks_like_link((task.get("data") or {}).get(text_key))}
        if not links:
            return list(tasks)
        from concurrent.futures import ThreadPoolExecutor  # here: an export of texts (no links) starts no threads

        deadline = time.monotonic() + FETCH_BUDGET
        with ThreadPoolExecutor(max_workers=min(FETCH_THREADS, len(links))) as pool:
            texts = dict(zip(links, pool.map(
                lambda url: self.text_or_none(url, links[url], connection, deadline), links)))
        # A value that is a key of ``texts`` is a link (a string): no second test.
        return [
            {**task, "data": {**task["data"], text_key: texts[value]}}
            if isinstance(value := (task.get("data") or {}).get(text_key), str) and value in texts else task
            for task in tasks
        ]

    def text_or_none(self, url: str, task_id: Any, connection: LabelStudioConnection | None,
                     deadline: float) -> str | None:
        """The text at ``url``, or None when it cannot be had (logged and counted)."""
        try:
            if time.monotonic() > deadline:
                raise TextUnavailable("deadline", f"not fetched: this request spent {FETCH_BUDGET:g} s fetching")
            return self.fetch(url, task_id, connection)
        except TextUnavailable as exc:
            log.warning("task %s has no text: %s", task_id, exc)
            self.metrics.text_fetch_errors.labels(exc.reason).inc()
            return None


SDK_IO_LOGGER = "label_studio_sdk._extensions.label_studio_tools.core.utils.io"


class QuietFetches(logging.Filter):
    """label-studio-sdk logs every file it fetches ("Resolving url", "File
    downloaded to", at INFO) and warns about a ``localhost`` Label Studio
    address (a hint for docker setups) each time: a linked project's /predict or
    export would log lines per task. The INFO lines go; the warning, once a process."""

    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return False
        if not record.getMessage().startswith("Using `localhost`"):
            return True
        first, self.seen = not self.seen, True
        return first


def looks_like_link(value: Any) -> bool:
    """A link as Label Studio writes them: http(s), a path on Label Studio
    (uploads, local storage), or a cloud storage URI; never text with spaces."""
    # The first character first: a text (nearly every one) starts with none of LINK's, and a
    # regex match costs a call whose arguments are parsed by keyword (1,400 instructions).
    return isinstance(value, str) and value[:1] in LINK_STARTS and LINK.match(value) is not None


def session_with_timeout(timeout: float) -> requests.Session:
    """A session whose requests give up after ``timeout`` seconds unless told
    otherwise: the SDK sets no timeout, and a Label Studio that stops answering
    would hold the /predict request for ever."""
    import requests

    session = requests.Session()
    session.request = functools.partial(session.request, timeout=timeout)  # type: ignore[method-assign]
    return session


class TextUnavailable(Exception):
    """A task's text URL could not be fetched or decoded (``reason``)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
