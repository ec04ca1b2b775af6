"""exportprobe40 (``fixtures/exportprobe40/README.md``): an export stopped by
a signal removes what it wrote and says so; a full disk where a pipe's copy
or Label Studio's download is kept is said as such. Real processes, real
signals, a real file size limit (``RLIMIT_FSIZE``, what a full disk gives a
writer without needing a small disk), a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import dataclasses
import errno
import http.server
import io
import os
import resource
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import pytest

from plugins.exporters import JsonlExporter
from server.exporting import running
from server.exporting.converting import Settings
from server.exporting.examples import ExportError
from server.exporting.sources import file_source, label_studio_source
from server.exporting.throttled import Patience, retry_after
from server.stopping import Interrupted, signals_held, stopping_on_signals
from tests.conftest import RECORDED

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT / "fixtures" / "exportprobe40"
sys.path.insert(0, str(PROBE))
from label_studio_troubles import JSON, NORMAL, Answer, Writer, label_studio, scenarios, send  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from export import generate  # noqa: E402


@pytest.fixture(scope="module")
def large_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bench's export of 5,000 tasks (25 MB): a signal test gives the export its first half through a pipe."""
    path = tmp_path_factory.mktemp("large") / "export.json"
    generate(path, 5_000)
    return path


@pytest.fixture(scope="module")
def medium_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("medium") / "export.json"
    generate(path, 500)
    return path


def export_process(tmp_path: Path, *arguments: str, stdin: IO[bytes] | int | None = None, stdout: IO[bytes] | int = -1,
                   before: Callable[[], None] | None = None, **environment: str) -> subprocess.Popen:
    """``anota export ARGUMENTS --format jsonl --quiet`` as a process of its own, with a ``TMPDIR`` of its own
    (``tmp_path/tmp``); ``before`` runs in the child before it starts (limits, signal dispositions)."""
    (tmp_path / "tmp").mkdir(exist_ok=True)
    quiet = [] if stdout != subprocess.PIPE else ["--quiet"]  # the summary printed where it is not read back
    env = {**os.environ, "TMPDIR": str(tmp_path / "tmp"), **environment,
           "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
    return subprocess.Popen([sys.executable, "-c", "import sys; from server.cli import cli; sys.exit(cli(sys.argv[1:]))",
                             "export", *arguments, "--format", "jsonl", *quiet], stdin=stdin,
                            stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=ROOT, preexec_fn=before)


def limited_to(size: int) -> Callable[[], None]:
    """A file size limit in the child (its writes beyond ``size`` bytes fail with EFBIG; Python ignores
    SIGXFSZ), as a full disk fails them with ENOSPC."""
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def ended(process: subprocess.Popen) -> tuple[int, str]:
    stdout, stderr = process.communicate(timeout=120)
    return process.returncode, (stderr + (stdout or b"")).decode().strip()


def nothing_left(tmp_path: Path) -> None:
    """No output, no work folder beside it (nor the folder made for it), no scratch folder in TMPDIR."""
    assert not (tmp_path / "new").exists(), sorted((tmp_path / "new").rglob("*"))
    assert not any((tmp_path / "tmp").iterdir()), sorted((tmp_path / "tmp").iterdir())


def signals_at_defaults() -> None:
    """In the child: Ctrl-C's and the hang-up's defaults, as a command typed at a terminal has them. A test run in the
    background (``make test &``: SIGINT ignored) or under ``nohup`` (SIGHUP ignored) passes its children those signals
    ignored, and an export keeps an ignored signal ignored."""
    for number in (signal.SIGINT, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)


def writing(out: Path) -> bool:
    return out.parent.is_dir() and any(path.name.startswith(f".{out.name}.") for path in out.parent.iterdir())


def test_a_signal_during_the_renames_says_the_export_is_complete(monkeypatch: pytest.MonkeyPatch,
                                                                  tmp_path: Path) -> None:
    """Held back until the output is in place, the signal then says so: "nothing was written" would send the
    user to export again a dataset that is there, whole."""
    replace = running._replace

    def signalled_while_replacing(work: Path, out: Path) -> None:
        os.kill(os.getpid(), signal.SIGTERM)
        replace(work, out)

    monkeypatch.setattr(running, "_replace", signalled_while_replacing)
    out = tmp_path / "dataset"
    with stopping_on_signals(running.NOTHING_WRITTEN), pytest.raises(Interrupted) as raised:
        running.run_export(file_source(RECORDED / "export_JSON.json"), JsonlExporter(), out, Settings())
    assert str(raised.value) == f"Interrupted (SIGTERM); the export was complete: {out} holds the whole dataset"
    assert (out / "report.json").is_file() and [path.name for path in tmp_path.iterdir()] == ["dataset"]


def test_a_read_error_mid_file_is_worded_as_the_input_failing(tmp_path: Path) -> None:
    """A failing disk or network share (EIO after the first tasks; no such device here, so the file's own reader
    is cut by one): before, "reading failed after task 1: OSError: ... (a bug: anota -v export ... shows where)"."""
    whole = file_source(RECORDED / "export_JSON.json")

    def failing_after_the_first(on_bytes: Callable[[int], None]) -> Iterator[tuple[str, object]]:
        tasks = iter(whole.tasks(on_bytes))
        yield next(tasks)
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    source = dataclasses.replace(whole, tasks=failing_after_the_first)
    out = tmp_path / "dataset"
    with pytest.raises(ExportError) as raised:
        running.run_export(source, JsonlExporter(), out, Settings())
    assert str(raised.value) == (f"{whole.description}: cannot read the file after $[0]: "
                                 "Input/output error; nothing was written")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_a_signal_mid_export_removes_what_it_wrote_and_says_so(number: int, large_export: Path,
                                                               tmp_path: Path) -> None:
    """Before: SIGTERM and SIGHUP ended the process on the spot (exit -15, nothing said) and left the work folder
    ``new/.dataset.xxxx`` with the dataset written so far; Ctrl-C said only ``Interrupted.``."""
    out = tmp_path / "new" / "dataset"
    # The export read from a pipe given only its first half: it is writing, and cannot finish before the signal
    # (a file's export finished first on a loaded machine, between two looks at the work folder).
    process = export_process(tmp_path, "-", "--out", str(out), stdin=subprocess.PIPE, before=signals_at_defaults)
    exported = large_export.read_bytes()
    process.stdin.write(exported[: len(exported) // 2])
    process.stdin.flush()
    deadline = time.monotonic() + 60
    while not writing(out) and time.monotonic() < deadline:
        time.sleep(0.005)
    assert process.poll() is None
    process.send_signal(number)
    process.wait(timeout=120)  # its input left open until it ends: an end of input then would race the signal
    code, said = ended(process)
    assert (code, said) == (128 + number, f"Interrupted ({signal.Signals(number).name}); nothing was written")
    nothing_left(tmp_path)


def test_a_hangup_ignored_before_the_export_stays_ignored(medium_export: Path, tmp_path: Path) -> None:
    """``nohup anota export ...``: the terminal closing does not stop it."""
    out = tmp_path / "new" / "dataset"
    process = export_process(tmp_path, str(medium_export), "--out", str(out),
                             before=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN))
    while not writing(out) and process.poll() is None:
        time.sleep(0.005)
    process.send_signal(signal.SIGHUP)
    assert ended(process) == (0, "")
    assert (out / "report.json").is_file()


def test_a_signal_while_the_output_is_put_in_place_waits_for_it() -> None:
    """The renames that replace an earlier export (``--force``) hold the signals back: one cut between them
    lost the earlier export, moved aside and then removed with the failed export's folders."""
    reached = False
    # Another thread, as an HTTP client's or a test server's: a signal sent to the process may reach it (held by
    # the main thread's signal mask, the signal went there and still raised at once).
    other_thread = threading.Event()
    threading.Thread(target=other_thread.wait, daemon=True).start()
    with stopping_on_signals():
        with pytest.raises(Interrupted) as raised:
            with signals_held():
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(0.05)
                reached = True
    other_thread.set()
    assert reached and raised.value.exit_code == 143
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # as it was before the export



def test_a_file_too_large_for_the_disk_stops_the_export_with_nothing_left(medium_export: Path,
                                                                          tmp_path: Path) -> None:
    out = tmp_path / "new" / "dataset"
    code, said = ended(export_process(tmp_path, str(medium_export), "--out", str(out), before=limited_to(65536)))
    assert (code, said) == (1, f"Error: cannot write {out}: File too large; nothing was written")
    nothing_left(tmp_path)


def test_standard_input_whose_copy_does_not_fit_in_tmpdir_says_where(medium_export: Path, tmp_path: Path) -> None:
    """Before: ``standard input: reading failed after its start: OSError: [Errno 28] No space left on device (a
    bug: anota -v export ... shows where)``."""
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("project-1.json", medium_export.read_bytes())
    (tmp_path / "export.zip").write_bytes(packed.getvalue())
    with (tmp_path / "export.zip").open("rb") as zipped:
        code, said = ended(export_process(tmp_path, "-", "--out", str(tmp_path / "new" / "dataset"), stdin=zipped,
                                          before=limited_to(65536)))
    assert (code, said) == (1, f"Error: cannot save a copy of standard input in {tmp_path / 'tmp'} (TMPDIR): File "
                               "too large; nothing was written")
    nothing_left(tmp_path)


def test_a_label_studio_download_that_does_not_fit_in_tmpdir_says_where(medium_export: Path,
                                                                        tmp_path: Path) -> None:
    """Before: ``cannot export project 3 from URL: OSError while waiting for the export's file: [Errno 28] No
    space left on device``, as if Label Studio had failed."""
    with label_studio(scenarios(medium_export.read_bytes())["normal_medium"]) as url:
        code, said = ended(export_process(tmp_path, "--from-label-studio", url, "--project", "3", "--out",
                                          str(tmp_path / "new" / "dataset"), before=limited_to(65536),
                                          LABEL_STUDIO_API_KEY="key"))
    assert (code, said) == (1, f"Error: cannot save the export of project 3 in {tmp_path / 'tmp'} (TMPDIR): File "
                               "too large; nothing was written")
    nothing_left(tmp_path)


def test_a_summary_that_standard_output_cannot_take_is_said_on_stderr(medium_export: Path, tmp_path: Path) -> None:
    """Before: a traceback (``OSError: [Errno 28] No space left on device`` in click.echo) and exit 1, beside the
    complete dataset."""
    out = tmp_path / "new" / "dataset"
    with open("/dev/full", "wb") as full:
        code, said = ended(export_process(tmp_path, str(medium_export), "--out", str(out), stdout=full))
    assert (code, said) == (0, f"Exported to {out}; its summary could not be written to standard output (No space "
                               "left on device): report.json and README.md there hold it")
    assert sorted(path.name for path in out.iterdir()) == ["README.md", "report.json", "train.jsonl"]


def test_a_label_studio_answer_cut_short_is_said_not_json(medium_export: Path, tmp_path: Path) -> None:
    """Before: ``HTTP 200 OK: {"id": 3, ...``, an error that read as a success."""
    with label_studio(scenarios(medium_export.read_bytes())["project_json_cut"]) as url:
        code, said = ended(export_process(tmp_path, "--from-label-studio", url, "--project", "3", "--out",
                                          str(tmp_path / "new" / "dataset"), LABEL_STUDIO_API_KEY="key"))
    assert code == 1 and said.startswith(f"Error: cannot export project 3 from {url}: the answer to the request for "
                                         "project 3's labeling config is not JSON (cut short?): HTTP 200 OK: "
                                         '{"id": 3, "title": "probe"'), said
    nothing_left(tmp_path)


def busy_then(answers: list[Answer], then: Answer, asked: list[str]) -> Writer:
    """``answers`` in turn (a busy Label Studio), then ``then``; each request noted in ``asked``."""
    def write(handler: http.server.BaseHTTPRequestHandler) -> None:
        asked.append(handler.path)
        send(handler, answers[len(asked) - 1] if len(asked) <= len(answers) else then)
    return write


def throttled(retry_after: str | None, status: int = 429) -> Answer:
    return status, JSON, b'{"detail": "Request was throttled."}', {} if retry_after is None else {
        "Retry-After": retry_after}


def test_a_throttled_label_studio_is_asked_again_as_retry_after_says(medium_export: Path, tmp_path: Path) -> None:
    """Before: ``Error: cannot export project 3 from URL: HTTP 429 Too Many Requests: ...`` after the SDK's two
    silent retries."""
    asked: list[str] = []
    normal = scenarios(medium_export.read_bytes())["normal_medium"]
    busy = {**normal, "project": busy_then([throttled("0"), throttled("1")], normal["project"], asked)}
    out = tmp_path / "new" / "dataset"
    with label_studio(busy) as url:
        code, said = ended(export_process(tmp_path, "--from-label-studio", url, "--project", "3", "--out", str(out),
                                          stdout=subprocess.DEVNULL, LABEL_STUDIO_API_KEY="key"))
    assert code == 0, said
    assert [line for line in said.splitlines() if line.startswith("Label Studio busy")] == [
        "Label Studio busy (HTTP 429): waiting 0 s, retry 1 of 5",
        "Label Studio busy (HTTP 429): waiting 1 s, retry 2 of 5"]
    assert len(asked) == 3
    assert sorted(path.name for path in out.iterdir()) == ["README.md", "report.json", "train.jsonl"]


def test_a_label_studio_throttling_for_ever_stops_the_export_naming_the_status(medium_export: Path,
                                                                               tmp_path: Path) -> None:
    asked: list[str] = []
    normal = scenarios(medium_export.read_bytes())["normal_medium"]
    busy = {**normal, "create": busy_then([], throttled("0"), asked)}
    with label_studio(busy) as url:
        code, said = ended(export_process(tmp_path, "--from-label-studio", url, "--project", "3", "--out",
                                          str(tmp_path / "new" / "dataset"), LABEL_STUDIO_API_KEY="key"))
    assert (code, said) == (1, f"Error: cannot export project 3 from {url}: HTTP 429 Too Many Requests: Request was "
                               "throttled. (still HTTP 429 after 5 retries over 0 s of waiting; try again later)")
    assert len(asked) == 6  # the first request and 5 retries
    nothing_left(tmp_path)


@pytest.mark.parametrize("answer, waits, requests", [
    (throttled(None), ["0.01", "0.02"], 3),  # no Retry-After: doubled from Patience.first
    (throttled("Wed, 21 Oct 2015 07:28:00 GMT", 503), ["0", "0"], 3),  # a date past: at once
    (throttled("3600"), ["0.05", "0.05"], 3),  # capped at Patience.longest
    (throttled(None, 502), ["0.01", "0.02"], 3),  # a gateway's bad upstream: a restart behind a proxy, asked again
    (throttled(None, 500), [], 1),  # a server's own error: said at once
])
def test_label_studio_busy_waits(answer: Answer, waits: list[str], requests: int, tmp_path: Path) -> None:
    asked: list[str] = []
    said: list[str] = []
    with label_studio({**NORMAL, "project": busy_then([], answer, asked)}) as url:
        with pytest.raises(ExportError, match=f"from {url}: HTTP {answer[0]} "):
            label_studio_source(url, 3, "key", tmp_path, say=said.append,
                                patience=Patience(retries=2, longest=0.05, first=0.01))
    assert [line.split()[6] for line in said if line.startswith("Label Studio busy")] == waits
    assert len(asked) == requests


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = 1445412480.0  # Wed, 21 Oct 2015 07:28:00 GMT
    assert retry_after(" 7 ", lambda: now) == 7.0
    assert retry_after("Wed, 21 Oct 2015 07:28:30 GMT", lambda: now) == 30.0
    assert retry_after("Wed, 21 Oct 2015 07:28:30 -0000", lambda: now) == 30.0
    assert retry_after("Wed, 21 Oct 2015 07:27:00 GMT", lambda: now) == 0.0
    assert retry_after("soon", lambda: now) is None
    assert retry_after(None, lambda: now) is None
