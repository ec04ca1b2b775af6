"""JSON errors for every failure, so that no request ever gets an HTML page or
a bare 500 (Label Studio shows the body to the user)."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, jsonify, request
from flask.typing import ResponseReturnValue
from marshmallow import ValidationError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

# What a 503 for a database in use asks the client to wait: SQLite's busy timeout is 5 s.
RETRY_AFTER_SECONDS = 5


class BadRequest(Exception):
    """A request whose body is wrong, with the fields at fault."""

    def __init__(self, message: str, errors: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


def error_response(status: int, message: str, errors: dict[str, Any] | None = None) -> ResponseReturnValue:
    body: dict[str, Any] = {"status": status, "message": message}
    if errors:
        body["errors"] = errors
    return jsonify(body), status


def init_app(app: Flask) -> None:
    @app.errorhandler(BadRequest)
    def bad_request(exc: BadRequest) -> ResponseReturnValue:
        return error_response(400, exc.message, exc.errors)

    @app.errorhandler(ValidationError)
    def invalid_body(exc: ValidationError) -> ResponseReturnValue:
        errors = exc.messages if isinstance(exc.messages, dict) else {"_schema": exc.messages}
        fields = ", ".join(sorted(_paths(errors)))
        return error_response(400, f"Invalid request body: {fields}", errors)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> ResponseReturnValue:
        response, status = error_response(exc.code or 500, exc.description or exc.name)
        for name, value in exc.get_headers():
            if name.lower() != "content-type":  # keeps Allow on 405, for instance
                response.headers[name] = value
        return response, status

    @app.errorhandler(OperationalError)
    def database_unavailable(exc: OperationalError) -> ResponseReturnValue:
        # A lock another process holds past the busy timeout, a full disk, a lost connection: the request may
        # succeed when sent again (a 503 says so; a 500 said "Internal error: OperationalError").
        problem = str(exc.orig or exc).strip().splitlines()[0]
        log.warning("%s %s: 503, the database cannot be used now: %s", request.method, request.path, problem)
        response, status = error_response(503, f"The database cannot be used now ({problem}): send the request "
                                               "again later")
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response, status

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> ResponseReturnValue:
        log.exception("unexpected error")
        return error_response(500, f"Internal error: {type(exc).__name__}")


def _paths(errors: Any, prefix: str = "") -> list[str]:
    """Dotted paths of the fields at fault, e.g. ``tasks.0.data``."""
    if not isinstance(errors, dict):
        return [prefix or "_schema"]
    paths: list[str] = []
    for key, value in errors.items():
        paths.extend(_paths(value, f"{prefix}.{key}" if prefix else str(key)))
    return paths
