"""The bytes of a request's body, and that body read as JSON, for the
endpoints Label Studio calls (``/setup``, ``/predict``, ``/webhook``).

Two things Label Studio never sends but a proxy or another client does are
read here rather than refused with a misleading error: a gzip- or
deflate-compressed body (``Content-Encoding``), and a string holding a lone
UTF-16 surrogate escape (``"\\ud800"``), which Python's ``json.dumps`` (Label
Studio's) writes for a task text that holds one and orjson refuses: the
whole batch was a 400 and no task got a prediction.
"""

from __future__ import annotations

import re
import zlib
from typing import Any

import orjson
from flask import Request
from werkzeug.exceptions import RequestEntityTooLarge, RequestTimeout, UnsupportedMediaType

from server.errors import BadRequest

# Largest body a compressed one may decode to: a gzip bomb must not take the worker's memory. A /predict of 2,000
# tasks is about 1 MB, one of a 5 MB task 5 MB.
MAX_DECODED_BODY = 256 * 1024 * 1024
DECODED_ENCODINGS = ("gzip", "x-gzip", "deflate")
# zlib's window bits that take a gzip or a zlib header alike (RFC 9110's "deflate" is zlib-wrapped).
_GZIP_OR_ZLIB = 47
# An escaped backslash, a high surrogate escape followed by a low one (a character outside the BMP), or a
# surrogate escape alone: only the last is replaced; scanning left to right, an escaped backslash is consumed
# whole, so `\\ud800` (a backslash, then the letters) is left as it is.
_SURROGATE_ESCAPES = re.compile(
    rb"\\\\|\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[dD][89a-fA-F][0-9a-fA-F]{2}"
)
ORJSON_DEPTH_LIMIT = 1024


def body_bytes(request: Request) -> bytes:
    """The request's body, decoded when its ``Content-Encoding`` is gzip or
    deflate; another encoding is a 415 that names it."""
    raw = _received(request)
    encoding = request.headers.get("Content-Encoding", "").strip().lower()
    if encoding in ("", "identity"):
        return raw
    if encoding not in DECODED_ENCODINGS:
        raise UnsupportedMediaType(f"Content-Encoding {encoding!r} is not supported: send the body as it is, "
                                   f"or compressed with {', '.join(DECODED_ENCODINGS)}")
    return _decompressed(raw, encoding)


def _received(request: Request) -> bytes:
    """The body's bytes as they came; a 400 when gunicorn's reader cannot read
    them: a chunk size that is not hex, a chunked body the client stopped
    sending before its last chunk (fixtures/malformed45: both were a 500); a
    408 when the client stopped sending it (``server.gthread_worker``)."""
    try:
        return request.get_data()
    except Exception as exc:
        from gunicorn.http.errors import NoMoreData, ParseException  # here: only gunicorn's reader raises them

        from server.gthread_worker import ClientStalled

        if isinstance(exc, ClientStalled):
            raise RequestTimeout(f"The request body cannot be read: {exc.strerror}") from None
        if isinstance(exc, NoMoreData):
            said = "it ended before its last chunk (the client stopped sending it)"
        elif isinstance(exc, ParseException):
            said = f"{exc}"
        else:
            raise
        raise BadRequest(f"The request body cannot be read: {said}", {"_schema": [f"Cannot read the body: {said}."]}) \
            from None


def _decompressed(raw: bytes, encoding: str) -> bytes:
    """``raw`` decompressed, every gzip member of it, at most MAX_DECODED_BODY bytes."""
    decoded = bytearray()
    rest = raw
    while rest:
        stream = zlib.decompressobj(_GZIP_OR_ZLIB)
        try:
            decoded += stream.decompress(rest, MAX_DECODED_BODY + 1 - len(decoded))
        except zlib.error as exc:
            raise BadRequest(f"The body is not valid {encoding} (its Content-Encoding): {exc}",
                             {"_schema": [f"Cannot decompress the {encoding} body: {exc}"]}) from None
        if len(decoded) > MAX_DECODED_BODY or stream.unconsumed_tail:
            raise RequestEntityTooLarge(f"The {encoding} body decodes to more than {MAX_DECODED_BODY:,} bytes")
        if not stream.eof:
            raise BadRequest(f"The {encoding} body is cut short (its Content-Encoding)",
                             {"_schema": [f"The {encoding} stream ends before its end."]})
        rest = stream.unused_data
    return bytes(decoded)


def json_object(raw: bytes) -> dict[str, Any]:
    """``raw`` read as a JSON object; a 400 that says why it is not one."""
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        body = _repaired(raw, exc)
    if not isinstance(body, dict):
        raise BadRequest("The body must be a JSON object", {"_schema": ["Expected a JSON object."]})
    return body


def _repaired(raw: bytes, exc: orjson.JSONDecodeError) -> Any:
    """``raw`` read with each lone surrogate escape made U+FFFD (one code point
    for one: the offsets in the text stay those of Label Studio's string), or
    the 400 that says why the body is not JSON."""
    mended = _SURROGATE_ESCAPES.sub(_replacement, raw)
    if mended != raw:
        try:
            return orjson.loads(mended)
        except orjson.JSONDecodeError as again:
            exc = again
    raise BadRequest("The body is not valid JSON", {"_schema": [_why_not_json(raw, exc)]}) from exc


def _replacement(match: re.Match[bytes]) -> bytes:
    escape = match.group()
    return escape if len(escape) != 6 else b"\\ufffd"


def _why_not_json(raw: bytes, exc: orjson.JSONDecodeError) -> str:
    """orjson's reason, or a plainer one where it misleads: it calls any byte
    that is not UTF-8 a surrogate, and a deep nesting a "depth limit"."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        byte = raw[bad.start]
        hint = " (a gzip body? say so with Content-Encoding: gzip)" if raw[:2] == b"\x1f\x8b" else ""
        return f"not UTF-8: byte 0x{byte:02X} at offset {bad.start} cannot be decoded; send JSON in UTF-8{hint}"
    if "depth limit" in str(exc):
        return f"nested more than {ORJSON_DEPTH_LIMIT} levels deep ({exc})"
    return str(exc)
