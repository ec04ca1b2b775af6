"""``anota push``: put Anota's preloaded tasks into a Label Studio project and,
with ``--connect``, register this Anota server as the project's ML backend.

Pushing is idempotent: the project is found by title, tasks whose data the
project already holds are not imported again, and a backend already registered
at the same URL is updated rather than added twice.
"""

from __future__ import annotations

import base64
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import httpx
from flask import Flask
from label_studio_sdk.client import LabelStudio
from label_studio_sdk.core.api_error import ApiError
from label_studio_sdk.core.pagination import SyncPager
from label_studio_sdk.label_interface import LabelInterface

from server.app import get_state
from server.cli import command_app, ready_to_predict
from server.config import setting_before_app
from server.exporting.sources import answer_shown, label_studio_address_problem
from server.labeling import SPAN_CONTROLS, parse_labeling_config
from server.tasks import TEXT_NAME, add_predictions, label_config_xml, label_studio_tasks, tasks_origin

DEFAULT_TITLE = "Anota"
BACKEND_TITLE = "Anota"
# Label Studio answers a page of at most this many tasks.
PAGE_SIZE = 100
# Connecting a backend waits for Label Studio to call its /setup and /health.
HTTP_TIMEOUT = 120
# Label Studio refuses to connect a backend whose /health does not answer ("health check failed", after 1 s), and
# `anota serve` listens only once its models are loaded and its sources preloaded (45 s here unloaded, minutes on a
# busy machine or a large corpus): `anota push --connect` run beside it waits this long for it, saying so.
BACKEND_WAIT_SECONDS = 600
BACKEND_POLL_SECONDS = 2
# How often, while it waits, it says it still does.
BACKEND_WAIT_NOTE_SECONDS = 30
# Tags that show a task field as text: an Anota task's text may go there.
TEXT_TAGS = ("Text", "HyperText")


@dataclass
class PushResult:
    project_id: int
    project_created: bool
    imported: int
    already_there: int
    backend_id: int | None = None
    backend_created: bool = False
    # The project's labels no suggestion lands on (labels_left_empty), and whether a sentence's sentiment would
    # fill some of them (ANOTA_SENTENCE_SENTIMENT off).
    left_empty: list[str] = field(default_factory=list)
    sentence_labels_left: bool = False
    # The model version the connected backend serves, where it is not that of the predictions imported here.
    backend_model_version: str | None = None


def label_studio_client(url: str, api_key: str, http: httpx.Client) -> LabelStudio:
    """A client for a legacy token or a personal access token (a JWT refresh
    token, which the SDK exchanges for short-lived access tokens itself)."""
    return LabelStudio(base_url=url.rstrip("/"), api_key=api_key, httpx_client=http)


def find_project(client: LabelStudio, title: str) -> int | None:
    """The id of the project called ``title``, if there is one."""
    found = every_item(lambda page: client.projects.list(title=title, page=page, page_size=PAGE_SIZE))
    return next((int(project.id) for project in found if project.title == title), None)


def text_key(label_config: str) -> str:
    """The ``data`` key under which the project's config shows a task's text,
    where Anota's tasks must put theirs. A config that reads several keys
    (a title and a body) or no text is a UsageError: Label Studio would
    refuse every task, after the project had been created with that config."""
    objects = [obj for obj in LabelInterface(label_config).objects if str(obj.value).startswith("$")]
    keys = sorted({obj.value_name for obj in objects})
    if len(keys) == 1 and all(obj.tag in TEXT_TAGS for obj in objects):
        return keys[0]
    read = ", ".join(f"{obj.tag} ${obj.value_name}" for obj in objects) or "no task field"
    raise click.UsageError(f"the labeling config reads {read}; Anota's tasks hold one text, so give a config "
                           f'whose Text objects read one field (value="${TEXT_NAME}")')


def with_text_under(task: dict[str, Any], key: str) -> dict[str, Any]:
    """``task`` with its text under ``key`` (``$texto``, ``$review``), as the
    project's config reads it."""
    if key != TEXT_NAME:
        task["data"][key] = task["data"].pop(TEXT_NAME)
    return task


def tasks_not_in_project(client: LabelStudio, project_id: int, tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The tasks whose ``data`` the project does not hold yet."""
    present = {_data_key(task.data) for task in project_tasks(client, project_id)}
    return [task for task in tasks if _data_key(task["data"]) not in present]


def project_tasks(client: LabelStudio, project_id: int) -> list[Any]:
    """Every task of a project, with its annotations and predictions."""
    return every_item(lambda page: client.tasks.list(project=project_id, page=page, page_size=PAGE_SIZE))


def every_item(fetch_page: Callable[[int], SyncPager]) -> list[Any]:
    """The items of every page of a listing, asking for no page past the last
    (the SDK's own iteration does, and Label Studio logs a traceback for it)."""
    items: list[Any] = []
    page = 1
    while True:
        pager = fetch_page(page)
        batch = list(pager.items or [])
        items.extend(batch)
        total = getattr(pager.response, "total", getattr(pager.response, "count", None))
        if len(batch) < PAGE_SIZE or (total is not None and len(items) >= total):
            return items
        page += 1


def _data_key(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def connect_backend(
    client: LabelStudio, project_id: int, backend_url: str, basic_auth: tuple[str, str] | None
) -> tuple[int, bool]:
    """Register ``backend_url`` as the project's interactive ML backend (or update
    the one already registered there); return its id and whether it is new."""
    settings: dict[str, Any] = {"url": backend_url, "title": BACKEND_TITLE, "is_interactive": True}
    if basic_auth:
        user, password = basic_auth
        settings.update(auth_method="BASIC_AUTH", basic_auth_user=user, basic_auth_pass=password)
    else:
        settings.update(auth_method="NONE")
    for backend in client.ml.list(project=project_id):
        if (backend.url or "").rstrip("/") == backend_url.rstrip("/"):
            client.ml.update(id=backend.id, project=project_id, **settings)
            return int(backend.id), False
    backend = client.ml.create(project=project_id, **settings)
    return int(backend.id), True


def connect_webhook(
    client: LabelStudio, project_id: int, backend_url: str, basic_auth: tuple[str, str] | None
) -> int:
    """Make the project send annotation events to ``<backend_url>/webhook``.

    Label Studio creates that webhook along with the backend, but without the
    backend's basic auth, so Anota would refuse every event: set the header.
    """
    url = backend_url.rstrip("/") + "/webhook"
    headers = {"Authorization": basic_auth_header(*basic_auth)} if basic_auth else {}
    settings: dict[str, Any] = {"headers": headers, "send_payload": True, "send_for_all_actions": True}
    for webhook in client.webhooks.list(project=str(project_id)):
        if webhook.project == project_id and webhook.url == url:
            client.webhooks.update(id=webhook.id, url=url, is_active=True, **settings)
            return int(webhook.id)
    return int(client.webhooks.create(url=url, project=project_id, **settings).id)


def wait_for_backend(backend_url: str, project_id: int, wait: float = BACKEND_WAIT_SECONDS,
                     poll: float = BACKEND_POLL_SECONDS) -> None:
    """Return once something listens at ``backend_url``, which Label Studio checks as it connects it.

    Only a refused connection is waited for: `anota serve` starting on this machine (it listens once its models are
    loaded). A name this machine cannot resolve (a Docker network's) is left to Label Studio, which may reach it."""
    started = time.monotonic()
    deadline = started + wait
    noted = None
    while _refused_at(backend_url):
        now = time.monotonic()
        if now >= deadline:
            raise click.ClickException(
                f"nothing answers at {backend_url} after {wait:.0f} s, so Label Studio cannot connect it: start "
                f"`anota serve` (ANOTA_PORT=... to serve on that port) or give --backend-url (ANOTA_URL) where it "
                f"serves, then run this command again (project {project_id} and its tasks are in place; nothing is "
                "imported twice)")
        if noted is None or now - noted >= BACKEND_WAIT_NOTE_SECONDS:
            click.echo(f"waiting for Anota at {backend_url} ({now - started:.0f} s): nothing listens there yet; "
                       "`anota serve` listens once its models are loaded (a minute or more). Ctrl-C stops; "
                       "run the command again later, nothing is imported twice", err=True)
            noted = now
        time.sleep(poll)


def unreached_backend(backend_url: str, project_id: int, error: ApiError) -> str:
    """What to do when Label Studio's health check of the backend failed though it answers here (wait_for_backend):
    Label Studio runs where that address is not Anota (a container's 127.0.0.1), or did not reach it in its 1 s."""
    answer = answer_shown(error.status_code, error.body) if isinstance(error.status_code, int) else str(error.body)
    return (f"Label Studio could not reach Anota at {backend_url}, which answers on this machine: where Label Studio "
            "runs elsewhere (a Docker container), give --backend-url (ANOTA_URL) the address it reaches Anota at "
            "(e.g. http://host.docker.internal:9090; a local address needs Label Studio's ML_BLOCK_LOCAL_IP=false), "
            f"else run this command again (project {project_id} and its tasks are in place; nothing is imported "
            f"twice). Label Studio said: {answer}")


def _refused_at(backend_url: str) -> bool:
    """Whether a connection to ``backend_url``'s /health is refused (any answer, or another error, is not)."""
    try:
        httpx.get(backend_url.rstrip("/") + "/health", timeout=HTTP_TIMEOUT)
    except httpx.HTTPError as exc:
        cause: BaseException | None = exc
        while cause is not None and not isinstance(cause, ConnectionRefusedError):
            cause = cause.__cause__ or cause.__context__
        return cause is not None
    return False


def basic_auth_header(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def push(
    client: LabelStudio,
    app: Flask,
    title: str,
    label_config: str | None = None,
    backend_url: str | None = None,
    predictions: bool = False,
) -> PushResult:
    """Create or reuse the project, import the app's tasks, and connect the
    backend at ``backend_url`` when one is given. An existing project keeps its
    own labeling config: Anota maps its labels onto whatever the project names
    them, and puts each task's text where that config reads it."""
    project_id = find_project(client, title)
    created = project_id is None
    config = (label_config or label_config_xml(app)) if created else client.projects.get(id=project_id).label_config
    key = text_key(config)  # before anything is created
    if project_id is None:
        project_id = int(client.projects.create(title=title, label_config=config).id)
    tasks = [with_text_under(task, key) for task in label_studio_tasks(app)]
    new_tasks = tasks_not_in_project(client, project_id, tasks)
    if new_tasks:
        if predictions:
            with ready_to_predict(app):  # a corpus's worth of tasks annotated here, as `anota tasks --predictions`
                add_predictions(app, new_tasks, config)
        client.projects.import_tasks(id=project_id, request=new_tasks, commit_to_project=True)
    left = labels_left_empty(app, config)
    result = PushResult(project_id, created, len(new_tasks), len(tasks) - len(new_tasks), left_empty=left,
                        sentence_labels_left=bool(sentence_labels(config) & set(left)))
    if backend_url:
        wait_for_backend(backend_url, project_id)
        basic_auth = backend_credentials(app.config["BASIC_AUTH_USER"], app.config["BASIC_AUTH_PASS"])
        try:
            result.backend_id, result.backend_created = connect_backend(client, project_id, backend_url, basic_auth)
        except ApiError as exc:
            if "health check failed" not in str(exc.body):
                raise
            raise click.ClickException(unreached_backend(backend_url, project_id, exc)) from exc
        connect_webhook(client, project_id, backend_url, basic_auth)
        if predictions and result.imported:
            served = served_model_version(backend_url, basic_auth)
            if served and served != get_state(app).model_version:
                result.backend_model_version = served
    return result


def served_model_version(backend_url: str, basic_auth: tuple[str, str] | None) -> str | None:
    """The model version Anota at ``backend_url`` serves (its /health), None where it does not say."""
    try:
        answer = httpx.get(backend_url.rstrip("/") + "/health", auth=basic_auth, timeout=HTTP_TIMEOUT)
        return str(answer.json()["model_version"])
    except (httpx.HTTPError, ValueError, KeyError, TypeError):
        return None


def other_model_version_note(result: PushResult, model_version: str, backend_url: str) -> str:
    """What `anota push --predictions --connect` says when the server it connected predicts with other plugins than
    this command did (s53-userpass2: a push without the server's ANOTA_PLUGINS imported predictions without its money
    plugin's MONEY, and Label Studio, holding predictions of their version, never asked the server for its own)."""
    return (f"Anota at {backend_url} serves model version {result.backend_model_version}, but the {result.imported} "
            f"tasks were imported with predictions of {model_version} (this command's plugins and settings): Label "
            "Studio asks Anota again for none of them. Run `anota push --predictions` with the settings `anota serve` "
            "runs with (ANOTA_PLUGINS, ANOTA_DISABLE_PLUGINS, PYTHONPATH), or Data Manager > Actions > Delete "
            "Predictions, then Retrieve Predictions")


def labels_left_empty(app: Flask, label_config: str) -> list[str]:
    """The labels and task-level choices of the project's controls on its text that no suggestion of the installed
    annotators lands on, in the config's order: a name narrower than ours ("Company"), a class Anota has no
    annotator for ("Event"), a sentence's sentiment with ANOTA_SENTENCE_SENTIMENT off. Label Studio shows them
    empty, and nothing said why (s48-userpass: a newsroom's Company got no organisation)."""
    config = parse_labeling_config(label_config)
    specs = [spec for registered in get_state(app).annotators for spec in registered.annotator.labels]
    filled = {(target.from_name, target.value) for obj in config.objects for target in [
        *(obj.span_target(spec.name) for spec in specs if spec.kind == "span"),
        *(obj.choice_target(spec.name) for spec in specs if spec.kind == "choice")] if target}
    texts = {obj.name for obj in config.objects}
    left: dict[str, None] = {}
    for control in config.interface.controls:
        # A perRegion choice belongs to a region the annotator selects: no suggestion is meant for it.
        task_level = control.tag == "Choices" and (control.attr or {}).get("perRegion") != "true"
        if (control.tag in SPAN_CONTROLS or task_level) and texts & set(control.to_name or []):
            left.update(dict.fromkeys(value for value in control.labels_attrs or {}
                                      if (control.name, value) not in filled))
    return list(left)


def sentence_labels(label_config: str) -> set[str]:
    """The config's span labels that a sentence's sentiment lands on (``Positive sentence``, ``Negative``)."""
    return {target.value for obj in parse_labeling_config(label_config).objects for label in ("Positive", "Negative")
            if (target := obj.span_target(label))}


def left_empty_note(result: PushResult) -> str:
    """What `anota push` says of the project's labels no suggestion lands on, and how a label takes ours."""
    setting = ""
    if result.sentence_labels_left:
        setting = "; a sentence's sentiment is marked with ANOTA_SENTENCE_SENTIMENT=1"
    return (f"labels Anota suggests nothing for: {', '.join(map(repr, result.left_empty))} (a label takes Anota's "
            'spans of a class when it names it in predicted_values, e.g. <Label value="Company" '
            f'predicted_values="ORG"/>; README: Your labeling config){setting}')


def backend_credentials(user: str | None, password: str | None) -> tuple[str, str] | None:
    """The basic auth Label Studio is to send Anota (this command's ``BASIC_AUTH_USER``
    and ``BASIC_AUTH_PASS``), None when one is not set."""
    return (user, password) if user and password else None


def check_backend_credentials(backend_url: str, basic_auth: tuple[str, str] | None) -> None:
    """Stop before anything is created when Anota at ``backend_url`` refuses
    the credentials Label Studio would be given: Label Studio refused to
    connect it with "HTTP 400 Bad Request: Validation error", after the
    project was made and its tasks imported. An Anota this machine cannot
    reach is left to Label Studio, which may reach it where this does not."""
    try:
        answer = httpx.get(backend_url.rstrip("/") + "/plugins", auth=basic_auth, timeout=HTTP_TIMEOUT)
    except httpx.HTTPError:
        return
    if answer.status_code != 401:
        return
    if basic_auth is None:
        raise click.ClickException(f"Anota at {backend_url} asks for basic auth: run `anota push` with the "
                                   "BASIC_AUTH_USER and BASIC_AUTH_PASS that `anota serve` runs with")
    raise click.ClickException(f"Anota at {backend_url} refuses BASIC_AUTH_USER and BASIC_AUTH_PASS: give "
                               "`anota push` those `anota serve` runs with")


def read_label_config(path: Path) -> str:
    """The text of a ``--label-config`` file, which Label Studio checks as XML."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise click.BadParameter(f"{path}: {exc.strerror}", param_hint="--label-config") from None
    except UnicodeDecodeError:
        raise click.BadParameter(f"{path} is not UTF-8 text; give the labeling config XML",
                                 param_hint="--label-config") from None
    if not text.lstrip().startswith("<"):
        raise click.BadParameter(f"{path} is not XML; give the labeling config XML (see `anota label-config`)",
                                 param_hint="--label-config")
    return text


def label_studio_error(url: str, error: ApiError) -> str:
    """What Label Studio's answer means for the user: the key refused, or a
    success that was not what its API sends (another server at ``url``)."""
    answer = answer_shown(error.status_code, error.body) if isinstance(error.status_code, int) else str(error.body)
    if error.status_code in (401, 403):
        return (f"Label Studio at {url} refused the key ({answer}); check --api-key (LABEL_STUDIO_API_KEY): "
                "a legacy token or a personal access token from Account & Settings")
    if error.status_code is not None and 200 <= error.status_code < 300:
        return (f"{url} answered {error.status_code} with what Label Studio's API does not send "
                f"({str(error.body)[:200]}); check --url (LABEL_STUDIO_URL)")
    return f"Label Studio at {url} answered {answer}"


@click.command("push")
@click.option("--url", envvar="LABEL_STUDIO_URL", required=True, show_envvar=True,
              help="Label Studio's address, e.g. http://127.0.0.1:8080")
@click.option("--api-key", envvar="LABEL_STUDIO_API_KEY", required=True, show_envvar=True,
              help="A legacy token or a personal access token (Account & Settings).")
@click.option("--title", default=DEFAULT_TITLE, show_default=True,
              help="The project to create, or to reuse when one has this title.")
@click.option("--label-config", "label_config_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Labeling config XML for a new project [default: Anota's, see `anota label-config`].")
@click.option("--predictions", is_flag=True,
              help="Import new tasks with Anota's predictions in them, mapped onto the project's config.")
@click.option("--connect", is_flag=True,
              help="Register this Anota server as the project's ML backend (interactive, with basic auth "
                   "when BASIC_AUTH_USER and BASIC_AUTH_PASS are set).")
@click.option("--backend-url", default=lambda: f"http://127.0.0.1:{os.environ.get('ANOTA_PORT') or 9090}",
              show_default="http://127.0.0.1:9090, or ANOTA_PORT's port", envvar="ANOTA_URL", show_envvar=True,
              help="Where Label Studio reaches this Anota server (with --connect).")
def push_command(
    url: str,
    api_key: str,
    title: str,
    label_config_file: Path | None,
    predictions: bool,
    connect: bool,
    backend_url: str,
) -> None:
    """Create or reuse a Label Studio project and import Anota's tasks into it."""
    if problem := label_studio_address_problem(url):
        raise click.ClickException(f"--url {url}: {problem}")
    label_config = read_label_config(label_config_file) if label_config_file else None
    try:
        with httpx.Client(timeout=HTTP_TIMEOUT) as http:
            client = label_studio_client(url, api_key, http)
            # Label Studio is asked once before the preload, which may take minutes on a large
            # corpus: a wrong --url or key is said at once, not after it.
            find_project(client, title)
            if connect:  # and the credentials Label Studio will be given, before the preload too
                check_backend_credentials(backend_url, backend_credentials(
                    setting_before_app("BASIC_AUTH_USER"), setting_before_app("BASIC_AUTH_PASS")))
            app = command_app(keep_stored_tasks=True)
            click.echo(f"pushing {tasks_origin(app)}")
            result = push(client, app, title, label_config, backend_url if connect else None, predictions)
    except ApiError as exc:
        raise click.ClickException(label_studio_error(url, exc)) from exc
    except httpx.HTTPError as exc:
        raise click.ClickException(f"cannot reach Label Studio at {url}: {exc}") from exc
    verb = "created" if result.project_created else "reused"
    click.echo(f"project {result.project_id} ({title!r}) {verb}: {url.rstrip('/')}/projects/{result.project_id}")
    click.echo(f"tasks: {result.imported} imported, {result.already_there} already there")
    if result.left_empty:
        click.echo(left_empty_note(result))
    if result.backend_id is not None:
        verb = "connected" if result.backend_created else "updated"
        click.echo(f"ML backend {result.backend_id} {verb}: {backend_url}")
    if result.backend_model_version:
        click.secho(other_model_version_note(result, get_state(app).model_version, backend_url), fg="yellow", err=True)
