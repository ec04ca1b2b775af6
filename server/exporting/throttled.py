"""Asking Label Studio again when it says it is busy: HTTP 429 (its API
throttling a client), or a gateway's 502, 503 or 504 (a proxy, or Label
Studio restarting behind it, down for a moment; the SDK's own retries, now
off, asked again after these too). Waited as ``Retry-After`` asks (seconds or
an HTTP date), capped; with no ``Retry-After``, an exponential backoff. Each
wait is said; when the retries run out, the last answer goes back to the SDK,
whose error names its status, and ``exhausted()`` words what was tried."""

from __future__ import annotations

import email.utils
import time
from datetime import timezone
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

THROTTLED = 429
# Answers that say "later", not "never": throttling, and a gateway's bad, unavailable or timed-out upstream.
BUSY_STATUSES = frozenset((THROTTLED, 502, 503, 504))


@dataclass(frozen=True)
class Patience:
    """How long to keep asking: ``retries`` after the first request while
    Label Studio throttles, ``gateway_retries`` while a gateway answers for it
    (the SDK's own two: a gateway down longer is a server down, said within
    seconds), each wait at most ``longest`` seconds, ``first`` seconds before
    the first retry when the answer gives no ``Retry-After`` (doubled each
    retry)."""

    retries: int = 5
    gateway_retries: int = 2
    longest: float = 60.0
    first: float = 1.0


class PatientClient(httpx.Client):
    """An httpx client that asks again, as ``Patience`` allows, while Label
    Studio answers it is busy. Below the SDK, so that every request (the
    project, the export's creation, its status, its download) is retried
    alike, and the SDK's own silent retries are not needed (it is made with
    none). A client, not a transport: a transport of one's own would turn off
    httpx's proxies and certificates from the environment."""

    def __init__(self, say: Callable[[str], None] | None, patience: Patience, timeout: float) -> None:
        super().__init__(timeout=timeout, follow_redirects=True)  # as the SDK makes its own
        self.say = say
        self.patience = patience
        self.waited = 0.0
        self.gave_up: int | None = None  # the status still answered when the retries ran out
        self.tried = 0  # the retries made before giving up

    def send(self, request: httpx.Request, **options: Any) -> httpx.Response:
        retry = 0
        while True:
            response = super().send(request, **options)
            wait = busy_wait(response, retry, self.patience)
            if wait is None:
                return response
            allowed = self.patience.retries if response.status_code == THROTTLED else self.patience.gateway_retries
            if retry >= allowed:
                self.gave_up, self.tried = response.status_code, retry
                return response
            response.close()  # its body (Label Studio's "throttled" words) is not needed: it is asked again
            retry += 1
            if self.say is not None:
                self.say(f"Label Studio busy (HTTP {response.status_code}): waiting {wait:g} s, "
                         f"retry {retry} of {allowed}")
            time.sleep(wait)
            self.waited += wait

    def exhausted(self) -> str:
        """What was tried, for the error when Label Studio stayed busy: empty otherwise."""
        if self.gave_up is None:
            return ""
        return (f" (still HTTP {self.gave_up} after {self.tried} retries over {self.waited:g} s of "
                "waiting; try again later)")


def busy_wait(response: httpx.Response, retry: int, patience: Patience) -> float | None:
    """Seconds to wait before asking again, or None when the answer is not a
    "busy" one (``BUSY_STATUSES``)."""
    if response.status_code not in BUSY_STATUSES:
        return None
    asked = retry_after(response.headers.get("Retry-After"))
    return min(asked if asked is not None else patience.first * 2 ** retry, patience.longest)


def retry_after(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """``Retry-After``'s seconds (a number, or an HTTP date from ``now``; a
    date past is 0), or None when absent or unreadable."""
    if value is None:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # an HTTP date is GMT; one written without a zone is read so
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, when.timestamp() - now())
