"""Optional HTTP basic auth, with Label Studio's reference variable names
(``BASIC_AUTH_USER``, ``BASIC_AUTH_PASS``)."""

from __future__ import annotations

import hmac
import logging

from flask import Flask, request
from flask.typing import ResponseReturnValue

from server.errors import error_response

OPEN_ENDPOINTS = ("api.health", "api.index")

log = logging.getLogger(__name__)

# Label Studio creates an ML backend's webhook without the backend's basic auth: a
# project connected by hand (Settings > Model) lost every annotation event, and
# the log said only "POST /webhook 401". The fix, said where it is seen.
WEBHOOK_REFUSED = (
    "POST /webhook refused (%s): this annotation event is lost. Label Studio gives the webhook it creates for an "
    "ML backend connected with basic auth no credentials: `anota push --connect --title PROJECT` sets them "
    "(importing no task twice), or add the header Authorization: Basic <user:password in base64> to the "
    "project's webhook (Settings > Webhooks)"
)


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
            log.warning(WEBHOOK_REFUSED, "no credentials" if given is None else "wrong credentials")
        body, status = error_response(401, "Authentication required")
        body.headers["WWW-Authenticate"] = 'Basic realm="anota"'
        return body, status
