"""Optional HTTP basic auth, with Label Studio's reference variable names
(``BASIC_AUTH_USER``, ``BASIC_AUTH_PASS``)."""

from __future__ import annotations

import hmac

from flask import Flask, request
from flask.typing import ResponseReturnValue

from server.errors import error_response

OPEN_ENDPOINTS = ("api.health", "api.index")


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
        body, status = error_response(401, "Authentication required")
        body.headers["WWW-Authenticate"] = 'Basic realm="anota"'
        return body, status
