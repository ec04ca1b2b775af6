"""Optional HTTP basic auth, with Label Studio's reference variable names
(``BASIC_AUTH_USER``, ``BASIC_AUTH_PASS``)."""

from __future__ import annotations

import hmac
import logging
import re
import shlex

import orjson
from flask import Flask, Request, request
from flask.typing import ResponseReturnValue

from server.errors import error_response

OPEN_ENDPOINTS = ("api.health", "api.index")

log = logging.getLogger(__name__)

# Label Studio creates an ML backend's webhook without the backend's basic auth: a
# project connected by hand (Settings > Model) lost every annotation event, and
# the log said only "POST /webhook 401". The fix, said where it is seen, for the
# project the refused body names (a project of several connected to one Anota).
WEBHOOK_REFUSED = (
    "POST /webhook refused (%s): this annotation event%s is lost. Label Studio gives the webhook it creates for an "
    "ML backend connected with basic auth no credentials: `anota push --connect --title %s` sets them "
    "(importing no task twice), or add the header Authorization: Basic <user:password in base64> to the "
    "project's webhook (Settings > Webhooks)"
)
# The largest refused body read for the project it names: an unauthenticated body is not
# decompressed, and one larger (a bulk event, a long task text) leaves the project unnamed.
REFUSED_BODY_READ = 1024 * 1024
TITLE_SHOWN = 80  # characters of a project's title in the warning


UNNAMED = ("", "PROJECT")
_ACTION = re.compile(r"[A-Z_]{1,40}")  # Label Studio's actions: ANNOTATION_CREATED, ANNOTATIONS_DELETED


def refused_event(request: Request) -> tuple[str, str]:
    """What a refused webhook body says of its event, as the warning shows it
    (`` (ANNOTATION_CREATED, project 3 'Reviews')``), and the ``--title`` to
    give ``anota push``; ``UNNAMED`` when it cannot be read cheaply. The body
    is unauthenticated: only shown, on one line, its title quoted."""
    if (request.content_length or REFUSED_BODY_READ + 1) > REFUSED_BODY_READ or request.content_encoding:
        return UNNAMED
    try:
        body = orjson.loads(request.get_data(cache=False))
    except (orjson.JSONDecodeError, OSError, ValueError):
        return UNNAMED
    project = body.get("project") if isinstance(body, dict) else None
    project_id, title = (project.get("id"), project.get("title")) if isinstance(project, dict) else (project, None)
    if not isinstance(project_id, int) or isinstance(project_id, bool):
        return UNNAMED
    action = body["action"] if isinstance(body.get("action"), str) and _ACTION.fullmatch(body["action"]) else "event"
    if not isinstance(title, str) or not (title := " ".join(title.split())[:TITLE_SHOWN]):
        return f" ({action}, project {project_id})", "PROJECT"
    # A title a terminal would act on (an escape sequence) is shown escaped, and not offered to be typed.
    return f" ({action}, project {project_id} {title!r})", shlex.quote(title) if title.isprintable() else "PROJECT"


def credentials_match(given_user: str, given_password: str, user: str, password: str) -> bool:
    # Compare both parts, always, in constant time: no early exit that would
    # tell an attacker which part was wrong.
    user_ok = hmac.compare_digest(given_user.encode(), user.encode())
    password_ok = hmac.compare_digest(given_password.encode(), password.encode())
    return user_ok and password_ok


def init_app(app: Flask) -> None:
    user, password = app.config["BASIC_AUTH_USER"], app.config["BASIC_AUTH_PASS"]
    if not (user and password):
        return

    @app.before_request
    def require_basic_auth() -> ResponseReturnValue | None:
        if request.endpoint in OPEN_ENDPOINTS:
            return None
        given = request.authorization
        if given is not None and given.type == "basic" and credentials_match(
            given.username or "", given.password or "", user, password
        ):
            return None
        if request.endpoint == "api.webhook":
            log.warning(WEBHOOK_REFUSED, "no credentials" if given is None else "wrong credentials",
                        *refused_event(request))
        body, status = error_response(401, "Authentication required")
        body.headers["WWW-Authenticate"] = 'Basic realm="anota"'
        return body, status
