"""The same behaviours on PostgreSQL as on SQLite, on a real server.

One PostgreSQL cluster runs for the session (tests/postgres.py) and every test
gets a fresh schema through the ``database_url`` fixture, which ``make_app``
(tests/conftest.py) builds its apps on. The webhook, preloading, task and
learned-mention tests of the other modules are imported here, so they run
again, unchanged, on PostgreSQL; the tests below add what only a second
database can show.

Where PostgreSQL cannot be started these tests skip, saying why, unless
``ANOTA_REQUIRE_POSTGRES=1`` (set by ``make test``) makes that a failure.
"""

from __future__ import annotations

import json
import os
import time
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from flask import Flask

from plugins.entity_memory import remember_suggestions
from server.db import SKIPPABLE_WRITE_WAIT, Database
from server.predicting import Lane
from server.tasks import excluded_listing, label_studio_tasks
from tests.conftest import recorded_body
from tests.e2e.servers import ANOTA, free_port, start
from tests.postgres import PostgresCluster, PostgresUnavailable, start_cluster
from tests.test_serve import post

# The behaviours checked on SQLite, run again here on PostgreSQL.
from tests.test_db import test_a_connection_given_back_after_dispose_is_closed_not_left_in_the_pool  # noqa: F401
from tests.test_entities import (  # noqa: F401
    annotation_body,
    entities,
    predict,
    test_added_spans_are_learned_and_survive_a_restart,
    test_an_updated_annotation_replaces_its_votes_and_a_deleted_one_withdraws_them,
    test_deleted_suggestions_stop_being_suggested,
)
from tests.test_preload import (  # noqa: F401
    CORPUS,
    NO_ANNOTATORS,
    SEED,
    SEED_FILE,
    preloaded,
    test_a_restart_serves_the_same_tasks_without_redoing_work,
    test_lines_repeated_across_documents_are_template,
    test_the_seed_chrome_is_excluded_with_its_reasons,
    test_the_seed_gives_the_five_paragraphs_of_the_post,
    test_unseen_documents_come_out_clean,
)
from tests.test_tasks_api import (  # noqa: F401
    app,
    test_excluded_endpoint_lists_what_was_left_out,
    test_predictions_fit_the_served_label_config,
    test_tasks_in_label_studio_import_format,
)
from tests.test_export_noticed21 import (  # noqa: F401
    serving,
    test_a_paragraphs_projects_annotations_export_from_the_database_without_label_config,
)
from tests.test_s51_interactive import (  # noqa: F401
    test_a_suggestion_deleted_does_not_come_back_from_another_worker,
    test_answers_before_the_first_autosave_are_claimed_on_another_worker,
    test_places_answered_longer_ago_than_the_expiry_are_forgotten,
)
from tests.test_events_deleted_projects import (  # noqa: F401
    test_a_late_event_of_a_deleted_project_stores_nothing_and_tells_no_plugin,
    test_a_new_setup_after_the_deletion_starts_the_project_again,
    test_every_worker_drops_a_deleted_projects_token_and_config_at_its_next_predict,
    test_the_deletion_holds_after_a_restart_and_on_another_worker,
)
from tests.test_events_annotation_races import (  # noqa: F401
    test_a_deletion_and_a_late_import_of_the_annotation_at_once_leave_none_of_its_votes,
    test_a_project_created_in_the_second_its_id_was_deleted_counts_as_the_deleted_one,
    test_an_update_and_a_late_import_of_the_annotation_at_once_leave_the_updates_votes,
)
from tests.test_events_races import (  # noqa: F401
    test_a_late_event_and_the_deletion_at_once_leave_no_learned_name,
    test_a_late_event_at_the_moment_of_the_deletion_leaves_nothing_live,
    test_a_setup_delivered_after_the_deletion_starts_only_a_project_created_after_it,
    test_a_setup_in_flight_at_the_moment_of_the_deletion_leaves_the_project_deleted,
    test_a_worker_without_predictions_drops_a_deleted_projects_token,
    test_predict_reads_no_votes_when_nothing_was_taught_and_sees_a_name_taught_through_another_worker,
)
from tests.test_webhook import (  # noqa: F401
    test_created_event_is_stored_once,
    test_events_survive_a_restart,
    test_the_config_setup_receives_is_kept_by_its_projects_id,
    test_the_projects_labeling_config_is_kept_as_its_latest_state,
    test_update_then_delete,
)

DELIVERIES = 8  # the same webhook event, sent at once


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    try:
        cluster = start_cluster()
    except PostgresUnavailable as error:
        if os.environ.get("ANOTA_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"ANOTA_REQUIRE_POSTGRES=1 but PostgreSQL cannot be started: {error}")
        pytest.skip(f"PostgreSQL cannot be started here: {error}")
    yield cluster
    cluster.stop()


@pytest.fixture
def database_url(postgres: PostgresCluster) -> Iterator[str]:
    url = postgres.create_schema()
    yield url
    postgres.drop_schema(url)


def test_tasks_are_the_same_as_on_sqlite(make_app: Callable[..., Flask], tmp_path: Path) -> None:
    sources = [str(SEED), str(CORPUS)]
    postgres_app = make_app(SOURCES=sources, DISABLE_PLUGINS=NO_ANNOTATORS)
    # The plain postgresql:// URL goes to psycopg 3, the driver anota[postgres] installs.
    assert postgres_app.extensions["anota"].database.engine.dialect.driver == "psycopg"
    on_postgres = postgres_app.test_client()
    on_sqlite = make_app(
        SOURCES=sources, DISABLE_PLUGINS=NO_ANNOTATORS, DATABASE_URL=f"sqlite:///{tmp_path / 'anota.db'}"
    ).test_client()
    for path in ("/tasks", "/tasks?include_excluded=true"):
        tasks = on_postgres.get(path).json
        assert len(tasks) >= 17 and tasks == on_sqlite.get(path).json
    listings = [client.get("/tasks/excluded").json for client in (on_postgres, on_sqlite)]
    assert listings[0]["excluded"] == listings[1]["excluded"] and listings[0]["excluded"]


def test_gunicorn_workers_share_the_database(database_url: str, tmp_path: Path) -> None:
    """``anota serve`` with two workers, forked after the app preloaded on
    PostgreSQL: each opens its own connections, and the same event delivered
    many times at once is stored once."""
    port = free_port()
    environment = {
        **os.environ, "ANOTA_DATABASE_URL": database_url, "ANOTA_SOURCES": str(SEED),
        "ANOTA_DISABLE_PLUGINS": ",".join(NO_ANNOTATORS), "PYTHONUNBUFFERED": "1",
    }
    command = [str(ANOTA), "serve", "--port", str(port), "--workers", "2", "--threads", "4"]
    server = start("anota", command, environment, port, tmp_path)
    body = recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json")
    try:
        server.wait_until_up(120)
        with ThreadPoolExecutor(DELIVERIES) as pool:
            answers = list(pool.map(lambda _: post(f"{server.url}/webhook", body, {}), range(DELIVERIES)))
        with urllib.request.urlopen(f"{server.url}/tasks", timeout=30) as answer:
            tasks = json.load(answer)
    finally:
        server.stop()
    assert [status for status, _ in answers] == [200] * DELIVERIES
    assert sorted(answer["status"] for _, answer in answers) == ["duplicate"] * (DELIVERIES - 1) + ["ok"]
    assert len(tasks) == 5 and tasks[0]["data"]["anota_id"] == "43da28a4f7339753"
    assert "Traceback" not in server.log_text()


def test_concurrent_predictions_of_one_text_keep_their_entities(make_app: Callable[..., Flask]) -> None:
    """Each /predict stores the entities it suggested for the text; requests
    for the same text at once all write the same key."""
    served_app = make_app(PRELOAD=False)
    text = "A Meta e a Nvidia falaram com a China."
    # Fewer requests at once than the plugin has threads (when all are busy,
    # a request goes on without it), counting one whose thread has not yet
    # been given back.
    with ThreadPoolExecutor(Lane.THREADS // 2) as pool:
        answers = list(pool.map(lambda _: predict(served_app, text)[0], range(40)))
    assert all({("Meta", "Organization"), ("China", "Place")} <= entities(regions) for regions in answers)
    metrics = served_app.test_client().get("/metrics").get_data(as_text=True)
    assert 'anota_plugin_errors_total{annotator="entities"' not in metrics


def test_a_write_a_request_can_do_without_gives_way_to_a_row_another_transaction_holds(database_url: str) -> None:
    """PostgreSQL's lock_timeout for the transaction alone: the entities plugin's record of a text's suggestions,
    whose row another transaction holds, is skipped after SKIPPABLE_WRITE_WAIT, and the connection keeps no timeout."""
    database = Database(database_url)
    database.create_all()
    skipped: list[str] = []
    database.on_skipped_write = skipped.append
    remember_suggestions(database, {"a" * 64: [(0, 4, "PER")]})
    holder = database.engine.connect()
    holder.begin()
    holder.exec_driver_sql(f"SELECT * FROM entity_suggestions WHERE text_digest = '{'a' * 64}' FOR UPDATE")
    try:
        started = time.monotonic()
        remember_suggestions(database, {"a" * 64: [(0, 5, "ORG")]})
        waited = time.monotonic() - started
    finally:
        holder.rollback()
        holder.close()
    assert skipped == ["entity_suggestions"] and SKIPPABLE_WRITE_WAIT <= waited < 3
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("SHOW lock_timeout").scalar() == "0"
    remember_suggestions(database, {"a" * 64: [(0, 5, "ORG")]})
    assert skipped == ["entity_suggestions"]
    database.dispose()


def test_what_sqlite_takes_postgresql_takes(make_app: Callable[..., Flask]) -> None:
    """PostgreSQL enforces what SQLite only declares: 32-bit INTEGER and
    VARCHAR lengths. Label Studio's ids and strings, and annotators' spans, are
    stored as they come (a 500 or a lost annotation before)."""
    served_app = make_app(PRELOAD=False)
    client = served_app.test_client()
    body = recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json")
    body["project"] = {"id": 2**40}
    body["annotation"].update(id=2**40, completed_by={"email": "a" * 300 + "@example.org"})
    assert client.post("/webhook", json=body).json == {"status": "ok", "events": 1}
    assert client.post("/webhook", json={"action": "X" * 100, "project": {"id": 1}}).json["status"] == "ok"
    # A paragraph marked as one entity is not learned; the annotation's names are.
    paragraph = "Companhia " + "Muito " * 60 + "Grande"
    taught = f"A {paragraph} lançou o assistente Jandaia."
    client.post("/webhook", json=annotation_body(1, taught, [(paragraph, "Organization"), ("Jandaia", "Product")]))
    assert ("Jandaia", "Product") in entities(predict(served_app, "O Jandaia cresce.")[0])
    assert 'kind="hook"' not in client.get("/metrics").get_data(as_text=True)


def test_a_source_with_nul_characters_is_reported_not_fatal(make_app: Callable[..., Flask], tmp_path: Path) -> None:
    """PostgreSQL text cannot hold NUL; a UTF-16 file without a byte-order
    mark decodes as UTF-8 full of them, and made the whole preload (so the
    server's start) fail."""
    corpus = tmp_path / "mixed"
    corpus.mkdir()
    (corpus / "post.txt").write_text(SEED_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "utf16.txt").write_bytes("A paragraph saved as UTF-16.\n".encode("utf-16-le"))
    served_app = make_app(SOURCES=[str(corpus)], DISABLE_PLUGINS=NO_ANNOTATORS)
    assert len(label_studio_tasks(served_app)) == 5
    [error] = excluded_listing(served_app)["errors"]
    assert Path(error["path"]).name == "utf16.txt" and error["reason"] == (
        "not text: UTF-16 or UTF-32 text without a byte-order mark: save it as UTF-8")
