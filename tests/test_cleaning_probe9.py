"""Cleaning rules of the ninth probe (1 December 2026), on small texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position, boilerplate_reason
from server.tasks import label_studio_tasks
from tests.test_preload import app_of_pages, assert_left_out

AppFactory = Callable[..., Flask]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A review site's affiliate disclosure: its opening and "an affiliate commission" are two cues.
        ("If you buy something through our links, we may earn an affiliate commission at no cost to you.",
         "disclaimer"),
        ("Ao comprar através dos nossos links, o blog pode receber comissão de afiliado.", "disclaimer"),
        # A review's shop buttons.
        ("Check price at Walmart | Target", "button or link label"),
        ("Ver preço na Magalu", "button or link label"),
        # A list's heading with its topic between, or of updates.
        ("Related travel updates", "read-also prompt"),
        ("Related campus news", "read-also prompt"),
        ("More council updates", "read-also prompt"),
        ("Atualizações relacionadas", "read-also prompt"),
        ("Outras atualizações", "read-also prompt"),
    ],
)
def test_ninth_probe_chrome_is_recognised(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind)


@pytest.mark.parametrize(
    "text",
    [
        # Prose about links, prices and related news is no button or disclosure.
        "Customers who buy through links on comparison sites pay more, the regulator found in a study of 2,000 sales.",
        "The survey compares prices at supermarkets in every state capital.",
        "Related news stories on the flood were shared more than a million times that week.",
        "A agência confere preços nas farmácias do centro toda semana.",
    ],
)
def test_ninth_probe_content_stays(text: str) -> None:
    assert boilerplate_reason(text, Position(5, 20)) is None


# A related-list heading whose topic word is between: the titles under it are links, not content.
TRAVEL = """Harbour Ferries
Timetables | Fares | Travel updates | Contact
Evening sailings to the island resume on Monday
The 19:30 and 21:00 sailings return from Monday after the repairs to the pier were finished ahead of schedule.
Passengers with cars should arrive thirty minutes before departure.
Related travel updates
Pier repairs to start in March
New fares for island residents
© 2026 Harbour Ferries
"""


def test_titles_under_a_related_updates_heading_are_left_out(make_app: AppFactory, tmp_path: Path) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {"travel.txt": TRAVEL})
    texts = [task["data"]["text"] for task in label_studio_tasks(app)]
    assert texts == [
        "Evening sailings to the island resume on Monday",
        "The 19:30 and 21:00 sailings return from Monday after the repairs to the pier were finished ahead of schedule.",
        "Passengers with cars should arrive thirty minutes before departure.",
    ]
