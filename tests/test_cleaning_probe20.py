"""Cleaning rules of the twentieth probe (2 December 2026): four known misses (a Markdown code fence never closed took
the rest of the page for code, a Firecrawl byline with its bars escaped, an organisation's name under a page's title, a
petition's call in English to sign and share it), and what its eight studied pages kept in fixtures/unseen showed (a
pt-BR weather forecast in HTML, a pt-PT match report in HTML, a pt-BR GitHub issue thread in Markdown, a pt-PT food
bank's call for volunteers in Markdown, an English workshop call for papers in HTML, an English staff profile in HTML,
an English kayak tour booking page from Jina Reader, an English open-data dataset page as text), on small texts
written for these tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import is_postal_address
from server.segmentation import code_bodies, segment
from tests.test_cleaning_probe17 import assert_page_matches_truth, exclusion_reasons, task_texts
from tests.test_preload import app_of_pages, assert_kept, assert_probe_chrome

AppFactory = Callable[..., Flask]
UNSEEN = Path(__file__).parent.parent / "fixtures" / "unseen"

# Each cue's chrome line, its kind, and a sentence of content with the same words, which stays.
CHROME = [
    # A Firecrawl byline, its bars escaped as Markdown ("\|"): read as the bars the page shows.
    ("By Jane Doe \\| March 3, 2026", "byline or credit",
     "The pipe character \\| separates the fields in the file, the manual says."),
    ("Maria Silva \\| 3 de março de 2026", "byline or credit",
     "A barra \\| separa os campos do arquivo, diz o manual do sistema."),
    # A petition's call to sign it, in English as "Assine" is in Portuguese.
    ("Sign the petition and share it", "subscribe prompt",
     "She asked her neighbours to sign the petition, which closes in May."),
    # An issue tracker's timeline, its bot's notice and its sidebar's fields.
    ("**marinaveloso** commented on Oct 14, 2025", "social activity",
     "The minister commented on Oct 14, 2025 that the bridge would reopen in spring."),
    ("**Open** · marinaveloso opened this issue on Oct 14, 2025 · 5 comments", "social activity",
     "Ana opened a pull request on 3 March 2025 to fix the translation, and it was merged the next day."),
    ("**luizfsantos** added the `bug` and `good first issue` labels on Oct 15, 2025", "social activity",
     "The shop added the new labels to its jars in October, after the complaints."),
    ("[rafaelcosta](/rafaelcosta) linked a pull request on Nov 2, 2025 that will close this issue", "social activity",
     "The pull request that fixed the leak was linked from the release notes."),
    ("This issue has been automatically marked as stale because it has not had recent activity. It will be closed if "
     "no further activity occurs.", "maintenance notice",
     "The bread was marked as stale by the inspector, and the shop will be closed for a week."),
    ("Assignees: rafaelcosta · Labels: bug, good first issue · Milestone: 2.4", "catalogue field",
     "Labels: the EU requires new warnings on cigarette packs from next year."),
    # A call's places filled; a booking box's terms.
    ("Vagas preenchidas: 412 de 600", "engagement count",
     "Até ontem, as vagas preenchidas eram 412, disse a coordenadora do banco alimentar."),
    ("From **£55** per adult · Free cancellation up to 24 hours before", "button or link label",
     "Free cancellation is the main reason people book through the site, the survey found."),
    ("Reserve now & pay later", "button or link label",
     "Buy now, pay later loans grew by a fifth last year, the regulator said."),
    # An open data licence under its label; a staff profile's contact line with "Telephone".
    ("Licence: Open Government Licence v3.0", "copyright notice",
     "The licence was granted to the pub in 2019 after a long hearing."),
    ("Email: h.okafor@wessex.ac.uk · Telephone: +44 1202 965 412 · Office: Dorset House, room 3.14", "contact details",
     "The telephone exchange at Dorset House closed in 1998, the council said."),
    # Found blind (the probe's four pages kept back, run once): a clinic's booking button and its technical director by
    # law, a noticeboard's note on who posts there, a shop's age check on alcohol, a footer's line with a place closed
    # by its postcode and town.
    ("Agende sua consulta", "button or link label",
     "Agende sua consulta com antecedência, recomenda o médico, porque a fila é longa."),
    ("Responsável técnico: Dr. Marcelo Antunes – CRM-SP 98.765", "company details",
     "O responsável técnico da obra foi ouvido pela polícia na segunda-feira."),
    ("Notices are posted by members of the public; the noticeboard does not check them.", "disclaimer",
     "Notices are posted by the council on the church door every Friday."),
    ("You must be 18 or over to buy alcohol. We operate Challenge 25.", "terms notice",
     "The supermarket will operate Challenge 25 in all its stores from May, it said."),
]


def test_a_footers_line_with_a_place_closed_by_its_postcode_and_town_is_an_address() -> None:
    """Between separators, a place closed by its postcode and its town, a particle in the town's name (found blind);
    a sentence that gives the same address stays."""
    assert is_postal_address("Clube Naval Figueirense · Doca de Recreio, 3080-000 Figueira da Foz · Tel. 233 422 100")
    assert_kept("O clube mudou-se em 1990 para a Doca de Recreio, 3080-000 Figueira da Foz, onde ainda está.")


@pytest.mark.parametrize(("text", "kind", "content"), CHROME)
def test_twentieth_probe_chrome_goes_and_its_words_in_a_sentence_stay(text: str, kind: str, content: str) -> None:
    assert_probe_chrome(text, kind, content)


INSTALL = """# Installing the sensor library

The library talks to the sensor over I2C and needs Python 3.10 or newer.

```bash
pip install tidesense
tidesense --version

Once installed, open a Python shell and import the module to check that the driver finds the sensor on the bus.

The sensor sends a reading every two seconds, and the library keeps the last hundred readings in memory.
"""


def test_prose_after_a_code_fence_never_closed_is_text_again(make_app: AppFactory, tmp_path: Path) -> None:
    """A block left open runs to its first paragraph that reads as prose: the page's text after the code becomes tasks
    again, one a paragraph, instead of one code segment to the page's end."""
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"install.md": INSTALL}))
    assert "pip install tidesense\ntidesense --version" in texts
    assert "The sensor sends a reading every two seconds, and the library keeps the last hundred readings in memory." \
        in texts
    assert any(text.startswith("Once installed, open a Python shell") for text in texts)


@pytest.mark.parametrize("code", [
    # Code in paragraphs: a call, an assignment, a usage line, a comment.
    "x = read()\n\nprint(x)\n",
    "Usage: tidesense read --port 1\n\nReading sensor on bus 1 at address 0x48\n",
    "# Read every sensor on the bus and print what they say.\nfor s in sensors: print(s)\n",
])
def test_code_after_a_fence_never_closed_stays_code(code: str) -> None:
    text = "Intro line of the page.\n\n```\n" + code
    [(start, end)] = code_bodies(text)
    assert text[start:end] == code.strip()


def test_a_closed_code_block_keeps_a_paragraph_of_prose_inside_it() -> None:
    """Only a block left open ends at prose: a closed one holds what its fences hold (a Markdown example's text)."""
    text = "```markdown\n# Title\n\nThis paragraph is part of the example and stays in the code block.\n```\n"
    assert [text[start:end] for start, end in segment(text, "paragraph")] == [
        "```markdown", "# Title\n\nThis paragraph is part of the example and stays in the code block.", "```"]


FESTA = """[Início](/) · [Horários](/horarios) · [Catequese](/catequese) · [Contactos](/contactos)

# Festa de Santo António 2026

Paróquia de São Martinho de Cedofeita

A festa em honra de Santo António realiza-se nos dias 12 e 13 de junho, com missa solene às 11 horas e procissão.

As inscrições para as tasquinhas estão abertas até 30 de maio na secretaria paroquial, de segunda a sexta.
"""
VOLUNTEERS = """<!DOCTYPE html><html lang="en"><head><title>Spring volunteering day</title></head><body><main><article>
<h1>Spring volunteering day</h1>
<p>Friends of Heathfield Park</p>
<p>Join us on Saturday 14 March to plant two hundred hedge saplings along the northern edge of the park.</p>
<p>Gloves, tools and tea are provided; please wear boots, as the ground by the stream is usually wet.</p>
</article></main></body></html>
"""
# A name of no organisation's head noun, repeated by the page's footer.
WARDENS = """# Hedge planting on the north field

Heathfield Tree Wardens Group

We plant two hundred hedge saplings along the northern edge of the park on Saturday 14 March, from 10am to 3pm.

© 2026 Heathfield Tree Wardens Group
"""
PROFILE = """# Dr Helen Okafor

Senior Lecturer in Urban Hydrology

School of Civil Engineering

Helen Okafor joined the university in 2017 after six years as a drainage engineer for Lagos State.
"""
# A subtitle that says something, a person's name the page does not repeat: no publisher's name.
SUBTITLE = """# Festa de Santo António

Uma Festa com Trezentos Anos de Procissões

A festa em honra de Santo António realiza-se nos dias 12 e 13 de junho, com missa solene às 11 horas e procissão.
"""
PORTRAIT = """# The last ferryman of the Tamar

Walter James Penrose of Calstock Quay

For forty years he rowed passengers across the river at Calstock, in every weather but fog.
"""


def test_the_name_of_who_publishes_a_page_under_its_title_goes(make_app: AppFactory, tmp_path: Path) -> None:
    """A name (capitalised words and their particles) right under the page's title, or under its subtitle, that opens
    with an organisation's head noun ("Paróquia", "School of") or that the page repeats below (its footer's ©)."""
    app = app_of_pages(make_app, tmp_path / "pages", {"festa.md": FESTA, "volunteers.html": VOLUNTEERS,
                                                      "profile.md": PROFILE, "wardens.md": WARDENS})
    texts = task_texts(app)
    for name in ("Paróquia de São Martinho de Cedofeita", "Friends of Heathfield Park", "Heathfield Tree Wardens Group", "School of Civil Engineering"):
        assert name not in texts and "who publishes the page" in exclusion_reasons(app)[name]
    assert {"Festa de Santo António 2026", "Spring volunteering day", "Senior Lecturer in Urban Hydrology"} <= set(texts)


def test_a_subtitle_or_a_name_the_page_is_about_stays_under_its_title(make_app: AppFactory, tmp_path: Path) -> None:
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"subtitle.md": SUBTITLE, "portrait.md": PORTRAIT}))
    assert "Uma Festa com Trezentos Anos de Procissões" in texts and "Walter James Penrose of Calstock Quay" in texts


# The eight studied pages' truth, and the four pages kept back as a blind check until the fixes above were made (run once
# then, and fixed after as "found blind").
TRUTH = json.loads((UNSEEN / ".probe20_truth.json").read_text(encoding="utf-8")) | json.loads(
    (UNSEEN / ".probe20_blind_truth.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_studied_page_keeps_its_real_lines_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                      name: str) -> None:
    assert_page_matches_truth(make_app, tmp_path, name, TRUTH[name], set(), set())
