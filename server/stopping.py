"""Stopping a command cleanly on a signal: Ctrl-C (SIGINT), a job stopped
(SIGTERM: ``kill``, ``timeout``, a CI job cancelled) and a terminal closed
(SIGHUP) all raise :class:`Interrupted` where the command is, so that what it
made (a work folder, a scratch database, a partial output file) is removed
on the way out. The default of SIGTERM and SIGHUP ends the process on the
spot and leaves all of it behind.

``anota export`` and ``anota tasks`` use it; each says in the exception's
message what became of its output.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
# Each signal's handler before a command sets its own: only these are replaced, an ignored one (``nohup``,
# a background job's SIGINT) stays ignored.
_DEFAULT_HANDLERS = {signal.SIGINT: signal.default_int_handler, signal.SIGTERM: signal.SIG_DFL,
                     signal.SIGHUP: signal.SIG_DFL}


class Interrupted(KeyboardInterrupt):
    """A signal stopped the command. A KeyboardInterrupt, not a SystemExit: a
    plugin's ``sys.exit()`` at import or while it annotates is taken for that
    plugin's failure, and a signal that came meanwhile was taken for one (the
    command went on and ended with 0). Its exit code is a shell's (128 + the
    signal's number); ``outcome`` says what became of the output."""

    def __init__(self, number: int, outcome: str = "") -> None:
        super().__init__(number)
        self.number, self.outcome = number, outcome
        self.exit_code = 128 + number

    def __str__(self) -> str:
        said = f"Interrupted ({signal.Signals(self.number).name})"
        return f"{said}; {self.outcome}" if self.outcome else said


class _Stop:
    """The handler :func:`stopping_on_signals` sets: raises :class:`Interrupted`,
    or, while :func:`signals_held` holds, keeps the first signal for its end.
    Held in Python, not by the thread's signal mask: a signal sent to the
    process reaches any thread that does not block it (an HTTP client's, a
    test's server), and Python runs the handler in the main thread anyway."""

    def __init__(self, outcome: str) -> None:
        self.outcome = outcome
        self.holding = 0
        self.pending: int | None = None

    def __call__(self, number: int, _frame: object) -> None:
        if self.holding:
            self.pending = self.pending or number
            return
        raise Interrupted(number, self.outcome)


@contextlib.contextmanager
def stopping_on_signals(outcome: str = "") -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted` (with ``outcome``)
    inside the block; each signal's handler is restored after it. A signal
    ignored when the command starts stays ignored, and another thread than the
    main one cannot set handlers (a test's), so there it changes nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stop = _Stop(outcome)
    previous = {number: signal.getsignal(number) for number in STOP_SIGNALS}
    for number, handler in previous.items():
        if handler is _DEFAULT_HANDLERS[number]:
            signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """The signals :func:`stopping_on_signals` catches held back, the first
    raised at the end: for what must not be cut in two, such as renames that
    put an output in place, the removal of a failed command's files (a second
    Ctrl-C there left them half removed), or a folder made and its name kept
    for removal (a signal between the two left it behind, owned by nothing).
    Outside :func:`stopping_on_signals` it holds nothing."""
    stop = next((handler for number in STOP_SIGNALS if isinstance(handler := signal.getsignal(number), _Stop)), None)
    if stop is None:
        yield
        return
    stop.holding += 1
    try:
        yield
    finally:
        stop.holding -= 1
        if not stop.holding and (number := stop.pending) is not None:
            stop.pending = None
            raise Interrupted(number, stop.outcome)
