"""Preloading: the seed and unseen documents come out as clean, stable tasks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from server.analysis import normalise
from server.app import get_state
from server.batch_words import batch_words
from server.boilerplate import (
    Position, _decide_chrome, boilerplate_reason, chrome_suspects, heading_of, heads_a_paragraph, in_content_list,
    in_opening_menu, is_site_menu, site_header_reason,
)
from server.preload import preload_sources
from server.tasks import Exclusion, Task, excluded_listing, label_studio_tasks
from tests.conftest import FIXTURES

SEED = FIXTURES / "seed"
SEED_FILE = SEED / "000_3734a0b2899233d0.txt"
CORPUS = FIXTURES / "corpus"
UNSEEN = FIXTURES / "unseen"
# The annotators play no part in preloading; leaving them out keeps these
# tests about preloading alone.
NO_ANNOTATORS = ["entities", "claims", "sentiment"]

AppFactory = Callable[..., Flask]


@pytest.fixture
def preloaded(make_app: AppFactory) -> AppFactory:
    def make(**config: Any) -> Flask:
        config.setdefault("DISABLE_PLUGINS", NO_ANNOTATORS)
        return make_app(**config)

    return make


# The secondary indexes of the task tables, which a preload on SQLite builds after writing the rows.
TASK_TABLE_INDEXES = {index.name for table in (Task.__table__, Exclusion.__table__) for index in table.indexes}


def task_table_indexes(app: Flask) -> set[str]:
    """The secondary indexes the task tables of ``app``'s SQLite database have."""
    with get_state(app).database.engine.connect() as connection:
        return {name for (name,) in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('tasks', 'task_exclusions')"
            " AND name NOT LIKE 'sqlite_autoindex_%'")}


def source_text(task: dict[str, Any]) -> str:
    """The document a task cites, read back the way the loaders read it."""
    name = task["meta"]["source"]
    folder, file_name = name.split("/", 1)
    return (FIXTURES / folder / file_name).read_text(encoding="utf-8")


def test_the_seed_gives_the_five_paragraphs_of_the_post(preloaded: AppFactory) -> None:
    app = preloaded(SOURCES=[str(SEED)])
    tasks = label_studio_tasks(app)
    lines = SEED_FILE.read_text(encoding="utf-8").split("\n")
    assert [task["data"]["text"] for task in tasks] == lines[:5]
    for task in tasks:
        text = source_text(task)
        assert text[task["meta"]["start"] : task["meta"]["end"]] == task["data"]["text"]
        assert task["data"]["language"] == "pt"
        assert task["meta"]["copies"] == 2
        assert task["meta"]["source"] == "seed/000_3734a0b2899233d0.txt"
        assert len(task["data"]["anota_id"]) == 16
    assert [(task["meta"]["part"], task["meta"]["parts"]) for task in tasks] == [(part, 5) for part in range(5)]


def test_the_seed_chrome_is_excluded_with_its_reasons(preloaded: AppFactory) -> None:
    listing = excluded_listing(preloaded(SOURCES=[str(SEED)]))
    by_text = {item["text"][:20]: item for item in listing["excluded"]}
    button = by_text["Ver original"]
    assert button["kind"] == "boilerplate"
    assert "button or link label" in button["reason"] and "'Ver original'" in button["reason"]
    disclaimer = by_text["Esta página pode con"]
    assert disclaimer["kind"] == "boilerplate"
    assert "disclaimer" in disclaimer["reason"] and "'conteúdos de terceiros'" in disclaimer["reason"]
    duplicates = [item for item in listing["excluded"] if item["kind"] == "duplicate"]
    assert len(duplicates) == 5 and all(item["kept_id"] for item in duplicates)
    assert listing["skipped"] == [{"path": str(SEED / "README.md"), "reason": "folder documentation, not a source"}]
    assert listing["report"]["excluded"] == {"boilerplate": 2, "duplicate": 5}


def test_each_task_says_where_it_stands_among_its_documents_tasks(preloaded: AppFactory, tmp_path: Path) -> None:
    # meta part (from 0) of parts: a plugin tells a document's opening paragraph from the rest.
    first = tmp_path / "a.txt"
    first.write_text("A prefeitura abriu hoje as inscrições para o curso gratuito de programação.\n\n"
                     "As aulas começam em março e vão até novembro, sempre às terças e quintas.\n\n"
                     "Podem se inscrever moradores com mais de dezesseis anos que estudem na rede pública.\n",
                     encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text("The library will close for two weeks in August while the roof is repaired.\n", encoding="utf-8")
    tasks = label_studio_tasks(preloaded(SOURCES=[str(first), str(second)]))
    places = [(task["meta"]["source"].rsplit("/", 1)[-1], task["meta"]["part"], task["meta"]["parts"]) for task in tasks]
    assert places == [("a.txt", 0, 3), ("a.txt", 1, 3), ("a.txt", 2, 3), ("b.txt", 0, 1)]


def test_ids_are_the_same_on_every_run(make_app: AppFactory, tmp_path: Path) -> None:
    def ids(database: Path) -> list[str]:
        app = make_app(DATABASE_URL=f"sqlite:///{database}", SOURCES=[str(SEED)], DISABLE_PLUGINS=NO_ANNOTATORS)
        return [task["data"]["anota_id"] for task in label_studio_tasks(app)]

    first, second = ids(tmp_path / "first.db"), ids(tmp_path / "second.db")
    assert first == second and len(set(first)) == 5
    # A hash of the normalised text: case and spacing do not change it.
    assert first[0] == "43da28a4f7339753"


def heads(tasks: list[dict]) -> list[tuple[str, str, str]]:
    """Each task's file, language and first 40 characters."""
    return [(task["meta"]["source"].split("/")[1], task["data"]["language"], task["data"]["text"][:40]) for task in tasks]


PAGES = ("ponte_interditada.txt", "receita_cookies.html", "school_bakery.txt")


def test_unseen_documents_come_out_clean(preloaded: AppFactory) -> None:
    app = preloaded(SOURCES=[str(CORPUS)])
    tasks = label_studio_tasks(app)
    assert heads(tasks) == [
        ("noticia_energia_solar.txt", "pt", "Governo anuncia plano para ampliar a ene"),
        ("noticia_energia_solar.txt", "pt", "O Ministério de Minas e Energia apresent"),
        ("noticia_energia_solar.txt", "pt", "A Dra. Helena Prado, secretária de Trans"),
        ("noticia_energia_solar.txt", "pt", "Especialistas ouvidos pela reportagem av"),
        ("noticia_energia_solar.txt", "pt", "O programa prevê ainda cursos de capacit"),
        ("river_flood_barriers.txt", "en", "City council approves new flood barriers"),
        ("river_flood_barriers.txt", "en", "The city council voted on Tuesday to bui"),
        ("river_flood_barriers.txt", "en", "Mr. Harris, the council's chief engineer"),
        ("river_flood_barriers.txt", "en", "Critics argue that the money would be be"),
        ("weekly_digest.html", "en", "Weekly digest: floods, schools and solar"),
        ("weekly_digest.html", "en", "This week the council finally settled a "),
        ("weekly_digest.html", "en", "Parents in the valley told us they mostl"),
    ]
    for task in tasks[:9]:
        assert source_text(task)[task["meta"]["start"] : task["meta"]["end"]] == task["data"]["text"]
    engineer = tasks[7]
    assert "twelve thousand" in engineer["data"]["text"] and engineer["meta"]["near_duplicates"] == 1


def test_a_short_paragraph_in_another_language_than_its_page_keeps_its_own(preloaded: AppFactory, tmp_path: Path) -> None:
    page = tmp_path / "mixed.txt"
    page.write_text(
        "El gobierno de España anunció ayer un nuevo paquete de medidas económicas para las familias.\n\n"
        # Eleven words, too few stopwords to decide alone: it had taken the page's Spanish.
        "The government announced a new package of measures for families yesterday.\n\n"
        "Ver original\n\n"
        "O governo anunciou.\n\n"  # three words: the page's language
        "La oposición criticó la propuesta y pidió más ayudas para los jóvenes.\n", encoding="utf-8")
    tasks = label_studio_tasks(preloaded(SOURCES=[str(page)]))
    assert [(task["data"]["text"][:20], task["data"]["language"]) for task in tasks] == [
        ("El gobierno de Españ", "es"), ("The government annou", "en"), ("O governo anunciou.", "es"),
        ("La oposición criticó", "es")]


def test_languages_without_stopword_lists_are_identified_paragraph_by_paragraph(
        preloaded: AppFactory, tmp_path: Path) -> None:
    page = tmp_path / "europa.txt"
    page.write_text(
        "Le gouvernement français a annoncé hier un nouveau plan pour soutenir les entreprises.\n\n"
        "Die Bundesregierung hat gestern ein neues Klimaschutzprogramm vorgestellt.\n\n"
        "O governo português anunciou ontem um novo pacote de medidas para as famílias.\n\n"
        "Merci.\n", encoding="utf-8")  # one word: the page's language
    # Only pt, en and es have stopword lists: every paragraph had taken the page's language.
    tasks = label_studio_tasks(preloaded(SOURCES=[str(page)], LANGUAGES=["pt", "en", "fr", "de"]))
    assert [task["data"]["language"] for task in tasks] == ["fr", "de", "pt", "fr"]


def test_unseen_chrome_is_listed_with_reasons(preloaded: AppFactory) -> None:
    listing = excluded_listing(preloaded(SOURCES=[str(CORPUS)]))
    kinds = {item["text"]: item["kind"] for item in listing["excluded"]}
    for chrome in (
        "Pular para o conteúdo", "Skip to main content", "Compartilhe", "Share this article",
        "Por Mariana Souza", "By Daniel Okafor", "Leia também: Conta de luz deve subir 8% em 2025",
        "Read more: How wetlands slow down floods", "© 2025 Jornal do Sertão. Todos os direitos reservados.",
        "© 2025 The Riverside Chronicle. All rights reserved.",
    ):
        assert kinds[chrome] == "boilerplate", chrome
    assert kinds["Início | Política | Economia | Esportes | Cultura"] == "navigation"
    for breadcrumb in ("Início > Medicamentos > Analgésicos > Dipirona 500 mg",
                       "Você está aqui: Página Inicial > Assuntos > Notícias > 2025 > Março"):
        assert boilerplate_reason(breadcrumb, Position(1, 20)) == (
            "navigation", "a line of short items between separators (a menu)")
    reasons = {item["text"][:20]: item["reason"] for item in listing["excluded"]}
    assert "cookie notice" in reasons["Usamos cookies para "] and "privacy notice" in reasons["Usamos cookies para "]
    assert "cookie notice" in reasons["We use cookies to im"]
    assert "subscribe prompt" in reasons["Assine nossa newslet"] and "subscribe prompt" in reasons["Sign up for our news"]
    assert "disclaimer" in reasons["This article may con"]
    [near] = [item for item in listing["excluded"] if item["kind"] == "near-duplicate"]
    assert "about 12 thousand residents" in near["text"]
    assert near["reason"].startswith("near-duplicate of task ") and ">= 0.7" in near["reason"]


def test_more_unseen_pages_come_out_clean(preloaded: AppFactory) -> None:
    app = preloaded(SOURCES=[str(UNSEEN)])
    tasks = [task for task in label_studio_tasks(app) if task["meta"]["source"].split("/")[1] in PAGES]
    assert heads(tasks) == [
        # A headline, a one-sentence paragraph and one starting "Compartilhe"
        # stay; the byline, the read-also heading, its link titles and the
        # copy of the story ("três mil" for "3 mil") do not.
        ("ponte_interditada.txt", "pt", "Ponte sobre o rio Pardo é interditada ap"),
        ("ponte_interditada.txt", "pt", "A Defesa Civil de Santa Rita interditou "),
        ("ponte_interditada.txt", "pt", "Com a interdição, cerca de 3 mil morador"),
        ("ponte_interditada.txt", "pt", "A prefeitura informou que uma empresa de"),
        ("ponte_interditada.txt", "pt", "Compartilhe a informação com quem usa a "),
        ("ponte_interditada.txt", "pt", "O secretário de Obras, Eng. Carlos Menez"),
        # A recipe page: cookies are food here, not a notice.
        ("receita_cookies.html", "pt", "Cookies de aveia sem açúcar: a receita q"),
        ("receita_cookies.html", "pt", "Os cookies de aveia da barraca da dona C"),
        ("receita_cookies.html", "pt", "Fui até lá três vezes para convencê-la a"),
        ("receita_cookies.html", "pt", "Você vai precisar de duas bananas nanica"),
        ("receita_cookies.html", "pt", "Amasse as bananas, misture os outros ing"),
        ("receita_cookies.html", "pt", "Os cookies duram até cinco dias em pote "),
        ("school_bakery.txt", "en", "Millbrook school swaps vending machines "),
        ("school_bakery.txt", "en", "Students at Millbrook High School have r"),
        ("school_bakery.txt", "en", "The project began last autumn as part of"),
        ("school_bakery.txt", "en", "Profits, about $1,200 so far, go to the "),
        ("school_bakery.txt", "en", '"We wanted people to eat something real,'),
        ("school_bakery.txt", "en", "The cookies sell out first, usually by t"),
    ]
    for task in tasks:
        if task["meta"]["source"].endswith(".txt"):
            assert source_text(task)[task["meta"]["start"] : task["meta"]["end"]] == task["data"]["text"]
    merged = {task["data"]["text"][:30]: task["meta"]["near_duplicates"] for task in tasks}
    assert merged["Com a interdição, cerca de 3 m"] == 1 and merged["The project began last autumn "] == 1
    listing = excluded_listing(app)
    reasons = {item["text"]: (item["kind"], item["reason"]) for item in listing["excluded"]}
    for chrome, cue in (
        ("Redação Jornal da Serra", "byline or credit"), ("Posted by Hannah Cole on 12 May 2025", "byline or credit"),
        ("Siga o Jornal da Serra no Instagram", "share prompt"), ("Comentários (12)", "comments prompt"),
        ("Leia também", "read-also prompt"), ("Most Read", "read-also prompt"),
        ("Sign up for the Millbrook Morning newsletter", "subscribe prompt"),
        ("(c) 2025 Millbrook Gazette. All rights reserved. | Privacy Policy | Cookie Policy | Terms", "copyright notice"),
    ):
        assert reasons[chrome][0] == "boilerplate" and cue in reasons[chrome][1], chrome
    # The stories a read-also heading lists are links, not content.
    for title, heading in (
        ("Chuva forte derruba árvores no centro de Santa Rita", "'Leia também'"),
        ("Câmara aprova reajuste do transporte escolar", "'Leia também'"),
        ("Council delays vote on new car park", "'Most Read'"),
    ):
        assert reasons[title][1].startswith("read-also list: ") and heading in reasons[title][1], title


# Every paragraph a reader would annotate in the other genres of fixtures/unseen,
# in order: short real lines ("Hi everyone,", "Thanks!", "Works.") and prose
# that starts like a prompt ("Subscribe and Save worked...") stay; so do an
# HTML page's <h2> headings over their content ("About this item", since probe 19).
GENRE_PARAGRAPHS = {
    "agenda_cultural.jsonl": [
        "Feira do Livro de Ouro Preto reúne 40 editoras independentes",
        "A Feira do Livro de Ouro Preto acontece de 12 a 15 de março na Praça Tiradentes, com 40 editoras "
        "independentes e debates com autores mineiros.",
        "A entrada é gratuita.", "Quando: 12 a 15 de março, das 10h às 21h", "Onde: Praça Tiradentes, Centro",
        "Orquestra Jovem toca Villa-Lobos no Teatro Municipal",
        "A Orquestra Jovem de Minas apresenta as Bachianas Brasileiras nº 4 e nº 5 no domingo, 16 de março, às "
        "11h. A regência é da maestra Ana Paula Lins.",
        "Ingressos a partir de R$ 20.", "Quando: 16 de março, às 11h", "Onde: Teatro Municipal, Rua Direita, 42",
        "Oficina de xilogravura para iniciantes no Museu da Inconfidência",
        "A oficina ensina as técnicas básicas de corte e impressão em madeira. As vagas são limitadas a 15 "
        "participantes e os materiais são fornecidos pelo museu.",
        "Inscrições pelo telefone (31) 3551-1121.", "Quando: 22 de março, das 14h às 17h",
        "Onde: Museu da Inconfidência",
    ],
    "forum_thread.txt": [
        "Tomato leaves curling upward after heatwave — normal?", "Hi everyone,",
        "My cherry tomatoes were fine until last week, when we had four days above 35 °C. Now the upper leaves are "
        "curling upward and feel leathery, but the fruit looks healthy. I water every morning.",
        "Is this something I should worry about, or will they recover once it cools down?",
        "Sounds like physiological leaf roll. It is the plant protecting itself from heat and water loss, and it is "
        "harmless to the fruit. Keep watering deeply rather than often, and mulch the soil.",
        "Thanks!",
        "Same here in zone 8. Mine uncurled about ten days after the heat broke. If the new leaves also curl, or you "
        "see yellow mottling, that is a different story and could be a virus.",
    ],
    "kettle_product.html": [
        "Stovetop Whistling Kettle, 2.5 L, Brushed Steel",
        "About this item",
        "The kettle holds two and a half litres and works on gas, electric and induction hobs. Its whistle sounds "
        "when the water boils, loud enough to hear from the next room.",
        "The handle stays cool and folds down for storage. The spout opens with a trigger, so your thumb never goes "
        "near the steam.",
        "Finally a whistle I can hear",
        "I bought this after my old kettle boiled dry twice. The whistle is shrill but that is the point. The base "
        "heats evenly on our induction hob and it boils a full load in about seven minutes.",
        "Good, but the lid is stiff",
        "Subscribe and Save worked fine for me, but the kettle itself has a stiff lid that needs both hands to open "
        "when it is hot. Otherwise it does what it should.",
        "Works.",
    ],
    "newsletter_tinker.html": [
        "Tinker Labs Monthly",  # an e-mail's <h1> in its layout table: its heading, kept since HTML loader 16 (cleaning47)
        "The workshop moved! After four years in the old bakery on Dock Road we now have twice the floor space, a "
        "proper ventilation system for the laser cutter and, finally, heating that works.",
        "The open house is on Saturday 6 December from 10 am to 4 pm. Bring a friend, bring a broken lamp, and our "
        "volunteers will show you how to fix it.",
        "We also started a repair café on the first Sunday of every month. Last time 23 people came and we fixed 17 "
        "of their things, including a 1970s radio.",
        "Thank you.", "— Priya and the Tinker Labs team",
    ],
    "water_report.txt": [
        "The Authority supplied 41.2 million cubic metres of drinking water in 2024, 3 per\ncent less than in 2023, "
        "while the population served grew by 1.8 per cent. Lower\ndemand per household reflects the metering "
        "programme completed in March.",
        "Leakage fell for the fourth year in a row, to 18 per cent of water put into\nsupply. Most of the gain came "
        "from replacing 26 kilometres of cast-iron mains\nin the old town.",
        "The board approved a capital plan of 95 million for the next five years, of\nwhich two thirds will go to "
        "treatment works and the rest to the distri-\nbution network.",
        "Water quality",  # a plain heading between two paragraphs heads the one below (probe 28)
        "All 14,600 samples taken at customers' taps met the national standards. Two\nsamples at the Hillcrest "
        "reservoir showed raised turbidity after the storm of\n9 October; the reservoir was taken out of service "
        "for 36 hours.",
        "Customers reported 212 complaints about taste or odour, down from 305. Most\nconcerned chlorine after "
        "mains repairs.",
    ],
    # The third probe's pages: a headline with "share" in it and a paragraph
    # saying "share" and "Shares" stay; section headings of a wiki and the
    # speaker lines of a transcript are content.
    "consent_wall_cinema.html": [
        "Town's last cinema saved by community share offer",
        "The Regal, Westbury's last cinema, will stay open after more than 1,100 residents bought shares in a "
        "community company set up to buy the building.",
        "The art deco cinema, which opened in 1937, was put up for sale last year when its owner retired. A developer "
        "had applied to turn it into flats.",
        "The community share offer raised £412,000 in eight weeks, enough to buy the freehold and pay for a new roof. "
        "Shares cost £50 each and no one may hold more than £5,000.",
        '"People came in with their grandchildren and told us about their first date here," said Ruth Alvarez, who '
        "chairs the Regal Community Cinema board.",
        "The cinema will close for repairs in April and reopen in September with a programme of films chosen by members.",
    ],
    "imovel_boa_viagem.html": [
        "Apartamento com 3 quartos à venda, 98 m² em Boa Viagem, Recife",
        "Descrição do imóvel",
        "Apartamento no 12º andar, nascente, a duas quadras da praia de Boa Viagem, com varanda gourmet e vista "
        "parcial para o mar.",
        "A sala tem dois ambientes e o piso é de porcelanato em todo o imóvel. A cozinha foi reformada em 2022 e "
        "entrega os armários planejados.",
        "O prédio tem piscina, academia, salão de festas e portaria 24 horas. Fica perto de supermercados, escolas e "
        "do Shopping Recife.",
        "Aceita financiamento bancário e FGTS. Documentação em dia.",
    ],
    "paywall_pantanal.html": [
        "Seca no Pantanal reduz navegação no rio Paraguai ao menor nível em 60 anos",
        "Comboios de minério e soja operam com um terço da carga; régua de Ladário marca 42 centímetros abaixo de zero",
        "A seca que atinge o Pantanal pelo segundo ano seguido levou o rio Paraguai ao nível mais baixo já registrado "
        "em Ladário (MS), onde a Marinha mede o rio desde 1900. Na segunda-feira, a régua marcou 42 centímetros "
        "abaixo de zero.",
        "Com o rio raso, os comboios de barcaças que levam minério de ferro e soja até a Argentina passaram a navegar "
        "com um terço da carga, segundo o sindicato das empresas de navegação.",
        '"Cada comboio que antes levava 24 mil toneladas hoje leva 8 mil", disse o presidente do sindicato, Marcos Leite.',
        "Pesquisadores da Embrapa Pantanal afirmam que a falta de chuva nas cabeceiras, no Mato Grosso, explica a "
        "maior parte da queda, mas apontam também o assoreamento do leito.",
        "A Marinha recomenda que embarcações de turismo evitem o trecho entre Corumbá e Porto Murtinho até o início "
        "das chuvas, previsto para novembro.",
    ],
    "podcast_compost.txt": [
        "Episode 87: Why your compost pile isn't heating up",
        "This week Dana talks to soil scientist Miguel Arroyo about the chemistry of hot composting, and why most "
        "home piles stay lukewarm.",
        "We cover the carbon-to-nitrogen ratio, how big a pile needs to be to hold heat, and what a thermometer can "
        "tell you that your nose can't.",
        "[00:00:12] DANA: Welcome back to The Soil Hour. My guest today is Miguel Arroyo, who has spent fifteen years "
        "measuring the temperature of compost piles.",
        "[00:00:25] MIGUEL: Thanks for having me. It's a strange thing to be known for, but here we are.",
        "[00:01:03] DANA: So let's start with the most common question we get. People build a pile, wait a month, and "
        "it's cold. What's going on?",
        "[00:01:14] MIGUEL: Nine times out of ten it's too small. A pile needs to be about a cubic metre before it "
        "can hold the heat the microbes produce.",
        "[00:02:40] MIGUEL: The other usual problem is too much brown material, like dry leaves, and not enough "
        "green, like grass clippings or kitchen scraps.",
        "[00:03:05] DANA: So people should add more greens?",
    ],
    "wiki_lighthouse.md": [
        "Farol da Ponta do Mel",
        "The Ponta do Mel Lighthouse is an active lighthouse on the coast of Rio Grande do Norte, Brazil, near the "
        "village of Ponta do Mel in the municipality of Areia Branca.[1]",
        "History",
        "The first light on the point was a wooden tower built in 1885, which was destroyed by a storm in 1909.[2] "
        "The current concrete tower was completed in 1954 and was automated in 1987.",
        "During the Second World War the light was switched off for several months, as were others along the "
        "northeastern coast, to avoid guiding submarines to Allied shipping.",
        "Description",
        "The lighthouse is a cylindrical concrete tower 19 metres high, painted in red and white horizontal bands, "
        "standing on a cliff about 30 metres above the sea.[3]",
        "Its light flashes white every 10 seconds and can be seen from 23 nautical miles away.",
    ],
}


def test_unseen_genres_keep_every_paragraph_in_order(preloaded: AppFactory) -> None:
    app = preloaded(SOURCES=[str(UNSEEN)])
    kept = kept_by_page(label_studio_tasks(app))
    for name, paragraphs in GENRE_PARAGRAPHS.items():
        # The newsletter's greeting is the forum post's, merged as an exact duplicate.
        assert kept[name] == paragraphs, name
    by_text = {task["data"]["text"]: task for task in label_studio_tasks(app)}
    assert by_text["Hi everyone,"]["meta"]["copies"] == 2
    for text in ("Sounds like physiological", "I bought this after", "We also started a repair", "Leakage fell",
                 "A oficina ensina", "The community share offer", "A sala tem dois", "Com o rio raso",
                 "[00:01:14] MIGUEL", "The lighthouse is a cylindrical"):
        [task] = [task for paragraph, task in by_text.items() if paragraph.startswith(text)]
        assert task["meta"]["near_duplicates"] == 1, text
    for task in by_text.values():
        if task["meta"]["source"].endswith(".txt"):
            assert source_text(task)[task["meta"]["start"] : task["meta"]["end"]] == task["data"]["text"]


def test_unseen_genres_chrome_is_listed_with_reasons(preloaded: AppFactory) -> None:
    listing = excluded_listing(preloaded(SOURCES=[str(UNSEEN)]))
    reasons = {item["text"]: item["reason"] for item in listing["excluded"] if item["kind"] != "fragment"}
    assert_listed_with_cue(reasons, (
        ("Started by greenthumb_88", "engagement count"), ("3 people liked this", "engagement count"),
        ("Previous topic", "a menu"), ("You must be logged in", "account notice"),
        ("All times are UTC", "account notice"), ("★★★★☆ 4.3 out of 5 stars", "engagement count"),
        ("In stock. Usually ships", "button or link label"), ("Sort by: Top reviews", "button or link label"),
        ("Reviewed in the United States on March", "byline or credit"),
        ("42 people found this helpful", "engagement count"),
        ("Glass Teapot with Infuser", "read-also list: a title without a sentence end under 'Customers who"),
        ("Can't see this email properly?", "mailing notice"), ("Issue 37", "byline or credit"),
        ("You are receiving this email", "mailing notice"), ("Unsubscribe · Update", "mailing notice"),
        ("Tinker Labs CIC · 48 Harbour Street", "a street address with a postcode"),
        ("This report is printed on recycled paper", "company details"),
        ("RIVERSIDE WATER AUTHORITY", "a menu"),
    ))
    running = [reason for text, reason in reasons.items() if text.startswith("Riverside Water Authority — Annual")]
    assert len(running) == 3 and all("running header or footer" in reason for reason in running)
    # Records without a text are reported with their line (from 1, as an editor counts), not dropped silently.
    errors = {error["path"].rsplit("/", 1)[1]: error["reason"] for error in listing["errors"]}
    assert errors == {"agenda_cultural.jsonl#2": "no 'text' field", "agenda_cultural.jsonl#3": "its 'text' field is empty"}


def test_third_probe_chrome_is_listed_with_reasons(preloaded: AppFactory) -> None:
    listing = excluded_listing(preloaded(SOURCES=[str(UNSEEN)]))
    reasons = {item["text"]: item["reason"] for item in listing["excluded"] if item["kind"] == "boilerplate"}
    assert_listed_with_cue(reasons, (
        # A wiki page's banners, reference entries, category line and footer.
        ("From Wikipedia, the free encyclopedia", "navigation"), ("This article needs additional", "maintenance notice"),
        ("Find sources:", "maintenance notice"), ("List of lighthouses in Brazil", "read-also list"),
        ('^ "Farol da Ponta do Mel". Marinha', "reference list"), ("^ Lista de Faróis", "reference list"),
        ("Categories: Lighthouses", "navigation"), ("This page was last edited", "navigation"),
        ("Text is available under the Creative Commons", "copyright notice"),
        # A podcast page: where to listen, the links list under a heading with a
        # colon, a sponsor read, the transcript's disclaimer, the sign-up box.
        ("April 3, 2025", "byline or credit"), ("Listen on Apple Podcasts", "share prompt"),
        ("Miguel's lab at Riverside", "read-also list: a title without a sentence end under 'Links mentioned"),
        ("This episode is sponsored by", "advertisement"), ("Transcript generated automatically", "disclaimer"),
        ("Get new episodes in your inbox", "subscribe prompt"),
        # A paywalled paper and a property listing.
        ("Por Juliana Arruda — Corumbá (MS)", "byline or credit"), ("Acesso ilimitado ao conteúdo", "subscribe prompt"),
        ("Já é assinante?", "subscribe prompt"), ("Código do imóvel: LC-48213", "reference code"),
        ("Anunciado há 5 dias", "byline or credit"), ("Olá, tenho interesse neste imóvel", "contact prompt"),
    ))


def kept_by_page(tasks: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The texts of the tasks, by the file they came from (a JSONL or CSV file's records under its name), in order."""
    kept: dict[str, list[str]] = {}
    for task in tasks:
        kept.setdefault(task["meta"]["source"].split("/")[1].split("#")[0], []).append(task["data"]["text"])
    return kept


def assert_left_out(text: str, decision: str, reason: str, position: Position = Position(5, 20)) -> None:
    """``text`` at ``position`` is left out as ``decision`` with a reason naming ``reason``."""
    left_out = boilerplate_reason(text, position)
    assert left_out is not None and left_out[0] == decision and reason in left_out[1], left_out


def assert_kept(text: str) -> None:
    """``text`` is no chrome, near a document's start or inside it."""
    assert boilerplate_reason(text, Position(1, 20)) is None and boilerplate_reason(text, Position(10, 20)) is None


def assert_screen_passes(texts: list[str], position: Position) -> None:
    """The batch screen lets through every text of ``texts`` that the full chrome check leaves out at ``position``."""
    normalised = [normalise(text) for text in texts]
    suspects = chrome_suspects(texts, normalised, batch_words(normalised), [position] * len(texts)).tolist()
    for text, suspect in zip(texts, suspects, strict=True):
        assert _decide_chrome(text, position) is None or suspect, text


def assert_probe_chrome(text: str, kind: str, content: str) -> None:
    """A probe's chrome line goes as ``kind``, a sentence of its words (``content``) stays, and
    the batch's screen lets the line through to the full check wherever it is."""
    assert_left_out(text, "boilerplate", kind)
    assert_kept(content)
    for position in (Position(5, 30), Position(1, 30), Position(29, 30)):
        assert_screen_passes([text], position)


def app_of_pages(make_app: AppFactory, folder: Path, pages: Mapping[str, str | bytes]) -> Flask:
    """An app without annotators whose sources are ``pages`` (file name: text or bytes), written into ``folder``."""
    folder.mkdir()
    for name, page in pages.items():
        if isinstance(page, bytes):
            (folder / name).write_bytes(page)
        else:
            (folder / name).write_text(page, encoding="utf-8")
    return make_app(SOURCES=[str(folder)], DISABLE_PLUGINS=NO_ANNOTATORS)


def assert_listed_with_cue(reasons: dict[str, str], expected: Iterable[tuple[str, str]]) -> None:
    """The one excluded text that starts with each ``start`` is listed with a reason naming ``cue``."""
    for start, cue in expected:
        [reason] = [reason for text, reason in reasons.items() if text.startswith(start)]
        assert cue in reason, start


@pytest.mark.parametrize(
    "text",
    [
        # Content that mentions what chrome is about, at length.
        "A nova política de privacidade do aplicativo entrou em vigor ontem e obriga a empresa a pedir "
        "consentimento antes de usar dados pessoais, segundo a Autoridade Nacional, que pode aplicar multas "
        "de até 2% do faturamento às empresas que descumprirem a regra.",
        "Por outro lado, o governo pretende assinar o contrato ainda este mês.",
        "Published research shows that the share of renewable energy grew again last year.",
        "The committee met on Monday.",
        "Share prices fell 3% on Monday.",
        # Cookies to eat; "Compartilhe" and "subscribe" in prose; headlines
        # that name a social network.
        "Os cookies duram até cinco dias em pote fechado, se sobrar algum.",
        "The cookies sell out first, usually by the end of the first break.",
        "Cookies de aveia sem açúcar: a receita que virou febre na feira de Pinheiros",
        "Compartilhe a conta com os vizinhos, brincou a dona de casa Marlene Dias, ao explicar que o condomínio do "
        "prédio onde mora em Taguatinga dividiu entre os moradores o aumento da energia das áreas comuns.",
        "Supporters who want to follow the semi-final draw can subscribe to the club's text alerts, although the "
        "county FA said the draw would also be shown live on its website on Monday.",
        "Instagram testa limite de tempo de tela para contas de adolescentes no Brasil",
        "WhatsApp libera edição de mensagens enviadas por engano",
        "Publicidade infantil é proibida em escolas do estado",
        "The advertisement was banned by regulators last week.",
        "Join our team of volunteers this weekend at the park.",
        # A greeting, prose that quotes a speech verb or starts like a prompt,
        # counts in a sentence, an event's venue with its street.
        "Hi everyone,", "Olá pessoal,",
        "Confirmo o que a Marta disse: limão e sal resolvem em quase todos os casos.",
        "Subscribe and Save worked fine for me, but the kettle itself has a stiff lid that needs both hands to open.",
        "The video had 3 million views in its first week.",
        "Onde: Teatro Municipal, Rua Direita, 42",
        "The shop moved to 12 Station Road, Ashford TN23 1PJ, where it opens every morning at nine.",
        "GOL  DO FLAMENGO!",
        # Two social networks named in a long sentence; ordinary sentences that
        # start with "Search", say "delayed" or "ago", or end in a colon.
        "A prefeitura divulgou o resultado no Facebook e no Instagram, mas muitos moradores disseram que só "
        "souberam da notícia pelo rádio.",
        "Search teams found the two missing hikers on Sunday morning.",
        "Trains were delayed by 40 minutes on Monday after a signal failure.",
        "The factory closed 30 years ago, and the town never recovered.",
        "Os moradores fizeram três pedidos à prefeitura:",
        "@joana concordo com você, o prefeito errou ao fechar a ponte.",
        "Os 10 melhores filmes de 2024 (parte 2)",
        "Page 3 of the report lists the costs.",
    ],
)
def test_content_that_looks_like_chrome_stays(text: str) -> None:
    # Inside the document and at its edge, where chrome needs one cue fewer.
    assert boilerplate_reason(text, Position(5, 10)) is None
    assert boilerplate_reason(text, Position(0, 10)) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Voltar ao topo", "navigation"),
        # Kinds of the third probe's pages.
        ("link para Copiar para área de transferência", "share prompt"),
        ("Reporting by Fabian Cambero; Writing by Natalia Siniawski; Editing by Alistair Bell", "byline or credit"),
        ("Our Standards: The Thomson Reuters Trust Principles., opens new tab", "button or link label"),
        ("All quotes delayed a minimum of 15 minutes.", "disclaimer"),
        ("March 31, 2025 3:12 PM GMT+1 Updated 2 hours ago", "byline or credit"),
        ("Version 5.2.1", "byline or credit"), ("4.7 out of 5", "engagement count"),
        ("Developer Response,", "button or link label"),
        ("Todo o conteúdo deste site está publicado sob a licença Creative Commons Atribuição 3.0.", "copyright notice"),
        ("Receba vagas como esta no seu e-mail", "subscribe prompt"), ("Vagas semelhantes", "read-also prompt"),
        ("Próximos eventos", "read-also prompt"), ("Related Answers Section", "read-also prompt"),
        ("Search in r/bikecommuting", "button or link label"), ("More By This Developer", "read-also prompt"),
        ("@lucianaf há 8 meses", "byline or credit"), ("Avaliações de clientes (214)", "a label with a count"),
        ("Up next", "read-also prompt"),
        ("*Postado por Carla Nunes em 14 de agosto de 2024 · 6 comentários*", "byline or credit"),
        ("Orgulhosamente feito com WordPress", "navigation"), ("Page 1 of 2", "navigation"),
        ("★★★★☆ 4.2 (1,876)", "engagement count"),
        ("Publicidade", "advertisement"),
        ("Ver tradução", "button or link label"),
        ("Carregar mais", "button or link label"),
        ("Read also: the ten best beaches", "read-also prompt"),
        ("Foto: Agência Brasil", "byline or credit"),
        ("Deixe seu comentário", "comments prompt"),
        ("As opiniões expressas neste artigo não refletem necessariamente a posição do jornal.", "disclaimer"),
        ("Terms of Service", "terms notice"),
        ("We use cookies to improve your experience. By continuing, you agree to our use of cookies.", "cookie notice"),
        ("Este site usa cookies para melhorar sua experiência.", "cookie notice"),
        ("Did you enjoy this article? Subscribe to our weekly Tech Briefing and never miss a story.", "subscribe prompt"),
        ("Receba nossas notícias no seu e-mail. Cadastre-se gratuitamente.", "subscribe prompt"),
        ("O conteúdo deste site é protegido pela lei de direitos autorais. Não é permitida a reprodução sem citação "
         "da fonte.", "copyright notice"),
        ("Este blog não oferece consultoria tributária. As informações têm caráter informativo e não substituem a "
         "orientação de um contador.", "disclaimer"),
        ("Was this review helpful?", "button or link label"),
        ("Por Thiago Moura, de São Paulo", "byline or credit"),
        ("*Publicado em 3 de novembro de 2025 · Leitura de 5 minutos*", "byline or credit"),
        ("Related topics", "read-also prompt"),
        ("Participe do nosso grupo no Telegram", "subscribe prompt"),
        ("Story continues below advertisement", "advertisement"),
        ("A reportagem continua após a publicidade", "advertisement"),
        ("Este conteúdo é exclusivo para assinantes.", "subscribe prompt"),
        ("Image caption, The council meeting on Tuesday", "byline or credit"),
        ("Carregando...", "button or link label"),
        ("View this email in your browser", "mailing notice"),
        ("Sorted by: Highest score (default)", "button or link label"),
        ("Not the answer you're looking for? Browse other questions tagged sourdough or ask your own question.",
         "read-also prompt"),
        ("Asked 2 years ago · Modified 5 months ago · Viewed 48k times", "byline or credit"),
        ("Marta_RJ respondeu:", "author line"), ("12 curtidas", "engagement count"),
        ("Você precisa estar logado para responder.", "account notice"),
        ("This post may contain affiliate links. If you book through them, we earn a small commission.",
         "disclaimer"),
        ("Praça da Matriz, 100 — Centro — CEP 89294-000 — Campo Alegre/SC", "street address"),
        ("Descrição[editar | editar código-fonte]", "button or link label"),
        ("↑ Lorenzi, H. Árvores brasileiras. Nova Odessa: Plantarum, 1992.", "reference list"),
        ("You received this email because you subscribed to The Climate Brief. Unsubscribe | Update preferences",
         "mailing notice"),
    ],
)
def test_unseen_chrome_is_recognised_by_its_cues(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind, Position(9, 10))


# The fourth probe's pages (fixtures/unseen/README.md), each paragraph kept, in
# order, by its first 40 characters: list items of a recipe and of a travel
# tip ("2 paios", "Sal a gosto", "Sé de Lisboa"), a one-line quote, a score
# line, the sentence that opens a minister's quote and the death notice's
# name heading over the paragraph that opens with the name stay; so does a
# Markdown section heading over its prose ("## Quanto custa?", since probe 19).
FOURTH_PROBE_PARAGRAPHS = {
    'blog_lisboa_eletrico.md': [
        'Elétrico 28 em Lisboa: como apanhar, qua', 'O elétrico 28 é o passeio mais famoso de',
        'A melhor hora para apanhar o 28 é antes ', 'Quanto custa', 'O bilhete comprado a bordo custa 3,10 eu', 'Vale a pena? Vale.',
        'Se vai andar muito de transporte, o pass', 'Miradouro de Santa Luzia', 'Sé de Lisboa', 'Basílica da Estrela',
        'Cemitério dos Prazeres', 'Cuidado com os carteiristas: o 28 é o sí',
    ],
    'campanha_gripe_govbr.txt': [
        'Campanha de vacinação contra a gripe com', 'Meta é vacinar 90% dos grupos prioritári',
        'A campanha nacional de vacinação contra ', 'Podem se vacinar nesta etapa:', 'Idosos com 60 anos ou mais;',
        'Crianças de 6 meses a menores de 6 anos;', 'Gestantes e puérperas;', 'Trabalhadores da saúde;',
        'Professores das redes pública e privada;', 'Povos indígenas.', 'A vacina protege contra os três subtipos',
        '"A vacina é segura e é a melhor forma de', 'Quem tem sintomas de gripe deve esperar ',
    ],
    'esportes_pouso_alegre.html': [
        'Pouso Alegre vence o Boa Esporte e volta', 'Gol de Wesley Pacheco aos 41 minutos do ',
        'Pouso Alegre 2 x 1 Boa Esporte.', 'O Pouso Alegre venceu o Boa Esporte por ',
        'O Boa abriu o placar aos 12 minutos, com', 'No segundo tempo, o técnico Emerson Ávil',
        '"Eu falei no vestiário que ia fazer o go', 'O Pouso Alegre volta a campo no sábado, ',
    ],
    'forum_tubeless.csv': [
        'Tubeless tyres losing pressure overnight', 'I set up a pair of 28 mm tubeless tyres ',
        'Is that normal for the first few weeks, ', 'Some loss in the first week is normal wh',
        'If it still drops more than 10 psi a nig', 'Agreed.', 'Also check the valve core is tight. Mine',
    ],
    'govuk_bus_fares.html': [
        'Bus fare cap extended to the end of 2026', 'Single bus fares in England outside Lond',
        'The government has extended the £3 cap o', 'The cap, which was due to end in Decembe',
        'Around 4 million bus journeys are made e', 'Local transport minister Simon Lightwood',
        'Buses are a lifeline for millions of peo', 'The extension applies to all operators t', 'Notes to editors',
        'The cap applies to single fares only; re', 'The £3 cap replaced the £2 cap on 1 Janu',
    ],
    'live_marathon.txt': [
        'City Marathon 2025: live updates as Kipr', "Kenya's Daniel Kiprono won the City Mara",
        "Nigeria's Ruth Okafor won the women's ra", 'About 41,000 runners started; organisers',
        "That's all from us. Thanks for following", 'Okafor: "I didn\'t look at my watch once"',
        '"I didn\'t look at my watch once. I just ', 'The wheelchair races were won by Marcel ',
        "Okafor wins the women's race", 'Ruth Okafor crosses the line in 2:21:09,', 'Kiprono breaks course record',
        'Daniel Kiprono crosses the line in 2:05:', 'Kiprono has dropped the leading group at',
        'The elite men are off. Conditions are al',
    ],
    'loja_corrida.jsonl': [
        'Tênis de corrida Vento Leve masculino', 'O Vento Leve foi feito para treinos de a',
        'O cabedal de tela respirável seca rápido', 'Indicado para pisada neutra.',
        'A forma é um pouco mais estreita no calc', 'Meia de corrida cano curto (kit com 3)',
        # A plain heading between two paragraphs heads the one below (probe 28).
        'Kit com três pares de meias de poliamida', 'Tamanho único, do 37 ao 43.', 'Avaliações dos clientes',
        'Boas, mas esquentam.',
        'Usei numa meia maratona e não tive bolha',
    ],
    'noticia_gripe_radio.txt': [
        'Vacinação contra a gripe começa na segun', 'Postos de saúde abrem das 8h às 17h; cid',
        'A Secretaria de Saúde de Lages começa a ', 'Segundo o Ministério da Saúde, a meta é ',
        'Quem for se vacinar deve levar documento', 'No sábado (12), haverá um Dia D com post',
    ],
    'obituario_professora.html': [
        'Morre aos 91 anos a professora Aurora Me', 'Ela lecionou por 32 anos na Escola Estad',
        'A professora aposentada Aurora Menezes m', 'Nascida em Borda da Mata, dona Aurora ch',
        'Ex-alunos contam que ela guardava uma ca', '"Ela era a escola."', 'A frase é do ex-aluno e hoje vereador Pa',
        'Aurora deixa três filhos, sete netos e q',
    ],
    'obituary_margaret.html': [
        'Margaret Ellen Hollis', 'Margaret Ellen Hollis, of Ashford, died ', 'Born in Canterbury in 1938, Margaret tra',
        'She married Geoffrey Hollis in 1961; the', 'In retirement she volunteered at the Pil',
        'She will be dearly missed.', "The funeral will take place at St Mary's",
    ],
    'press_release_ledgerline.txt': [
        'Ledgerline raises £18 million to bring i', 'LONDON, May 14, 2025 /PRNewswire/ -- Led',
        'The company will use the funding to laun', 'Ledgerline now runs payroll for 9,400 bu',
        '"Small employers have been stuck with so', 'Northcap partner Tom Eriksen will join L',
        'Ledgerline is a payroll and HR platform ', 'Northcap Ventures is a London-based vent',
    ],
    'receita_feijoada.md': [
        'Feijoada de panela de pressão para o alm', 'Feijoada não precisa levar o dia inteiro',
        'O segredo é dessalgar bem as carnes na v', '1 kg de feijão preto', '500 g de carne seca',
        '300 g de costelinha de porco salgada', '2 paios', '1 linguiça calabresa', '4 dentes de alho',
        '2 folhas de louro', 'Sal a gosto', 'Deixe o feijão de molho por 8 horas e as',
        'Cozinhe a carne seca e a costelinha na p', 'Na mesma panela, cozinhe o feijão com o ',
        'Junte as carnes, o paio e a linguiça em ', 'Refogue o alho no azeite e misture ao fe',
        'Sirva com arroz branco, couve refogada, ', 'Rende 8 porções.',
    ],
}


def test_fourth_probe_pages_keep_every_paragraph_in_order(preloaded: AppFactory) -> None:
    app = preloaded(SOURCES=[str(UNSEEN)])
    tasks = label_studio_tasks(app)
    kept = kept_by_page(tasks)
    for name, starts in FOURTH_PROBE_PARAGRAPHS.items():
        assert [text[:40] for text in kept[name]] == starts, name
    by_start = {task["data"]["text"][:40]: task for task in tasks}
    # One paragraph of each page came again with a word or number changed; a
    # press paragraph quoted by a radio story and a shoe's description on two
    # product pages are content found in 2 documents, kept once.
    for start in ("A melhor hora para apanhar o 28 é antes ", "No segundo tempo, o técnico Emerson Ávil",
                  "Some loss in the first week is normal wh", "Around 4 million bus journeys are made e",
                  "Kiprono has dropped the leading group at", "O Vento Leve foi feito para treinos de a",
                  "Ex-alunos contam que ela guardava uma ca", "In retirement she volunteered at the Pil",
                  "Ledgerline now runs payroll for 9,400 bu", "Cozinhe a carne seca e a costelinha na p"):
        assert by_start[start]["meta"]["near_duplicates"] == 1, start
    assert by_start["A vacina protege contra os três subtipos"]["meta"]["copies"] == 2
    assert by_start["O cabedal de tela respirável seca rápido"]["meta"]["copies"] == 2
    for task in tasks:
        if task["meta"]["source"].endswith((".txt", ".md")):
            assert source_text(task)[task["meta"]["start"] : task["meta"]["end"]] == task["data"]["text"]


def test_fourth_probe_chrome_is_listed_with_reasons(preloaded: AppFactory) -> None:
    listing = excluded_listing(preloaded(SOURCES=[str(UNSEEN)]))
    reasons = {item["text"]: item["reason"] for item in listing["excluded"] if item["kind"] == "boilerplate"}
    assert_listed_with_cue(reasons, (
        # A gov.br page's accessibility jumps and a blog's picture, caption, author box and prompts.
        ("Ir para o Menu 2", "navigation"), ("Ir para o Rodapé 4", "navigation"),
        ("![O elétrico 28", "image or caption"), ("*O elétrico 28 a subir", "image or caption"),
        ("**Sobre mim:**", "author bio"), ("Sobre a autora", "author bio"),
        ("Helena Castro é jornalista", "author bio: the paragraph under 'Sobre a autora'"),
        ("Guarde este artigo no Pinterest", "share prompt"), ("Subscreva a newsletter e receba um", "subscribe prompt"),
        ("Este post contém links de afiliados. Se você", "disclaimer"),
        ("Farofa de banana", "read-also list: a title without a sentence end under 'Você também vai gostar'"),
        # A shop's payment lines, its also-viewed box, a review's byline; a live blog's key events.
        ("De R$ 399,90 por R$ 279,90", "price or payment"), ("ou 2x de R$ 24,95", "price or payment"),
        ("Não sei meu CEP", "button or link label"), ("Carla M. — 12/01/2025", "byline or credit"),
        ("Women's race won by Okafor", "read-also list: a title without a sentence end under 'Key events'"),
        ("Send us your messages using #CityMarathon", "share prompt"),
        ("Download the Sport app", "subscribe prompt"), ("Last updated 14 March 2025", "byline or credit"),
        # A press release's dateline, disclaimer and wire-service boasts; a memorial page's flower shop.
        ("14 May, 2025, 07:00 GMT", "byline or credit"), ("This press release contains forward-looking", "disclaimer"),
        ("270k+ Journalists", "engagement count"), ("To send flowers to the family", "button or link label"),
        ("Rádio Serrana FM 98,3 | Ouça ao vivo", "share prompt"), ("Ouça a entrevista completa", "link prompt"),
    ))
    # A forum signature at the end of two posts is template, found in 2 documents only; under its "--" delimiter it is a
    # signature by that too (probe 28).
    [signature] = [reason for text, reason in reasons.items() if text == "Sent from my iPhone using Tapatalk"]
    assert signature.startswith(("repeated at the end of 2 documents: a signature or footer",
                                 "a signature: a short line under its delimiter '--'"))
    no_words = [item["text"] for item in listing["excluded"] if item["kind"] == "no-words"]
    assert "+44 20 7946 0321" in no_words


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Inside a document, where a paragraph of more than SHORT_WORDS words needs two cues.
        ("Este post contém links de afiliados. Se você comprar por eles, o blog recebe uma pequena comissão, sem "
         "custo extra para você.", "disclaimer"),
        ("This press release contains forward-looking statements. Actual results may differ materially from those "
         "expressed, and the company undertakes no obligation to update them.", "disclaimer"),
        ("Subscreva a newsletter e receba um roteiro de 3 dias em Lisboa grátis no seu e-mail.", "subscribe prompt"),
        ("**Sobre mim:** Olá! Sou a Rita, lisboeta de gema, e escrevo o Malas Feitas desde 2016. Aqui partilho "
         "roteiros, dicas de transporte e os sítios onde os lisboetas comem de verdade.", "author bio"),
        ("About the author: Tom Reid has covered local politics since 2009 and lives in Leeds with two cats and far "
         "too many bicycles.", "author bio"),
        ("Dona Aurora em 2019, na sala onde deu aula por três décadas, com os alunos da turma de alfabetização "
         "daquele ano — Foto: Arquivo pessoal", "image or caption"),
        ("![Feijoada servida na panela de barro](feijoada.jpg)", "image or caption"),
        ("To send flowers to the family or plant a tree in memory of Margaret Hollis, please visit our floral "
         "store.", "button or link label"),
        ("Download the Sport app for live scores and alerts, available on iOS and Android.", "subscribe prompt"),
        ("Ir para a Busca 3", "navigation"), ("Skip to search", "navigation"),
        ("Last updated 14 March 2025 + show all updates", "byline or credit"),
        ("14 May, 2025, 07:00 GMT", "byline or credit"), ("Verified Purchase", "byline or credit"),
        ("9k+ Digital Media Outlets", "engagement count"),
        ("ou 10x de R$ 27,99 sem juros no cartão", "price or payment"),
        ("Quem viu este produto também viu", "read-also prompt"), ("You may also like", "read-also prompt"),
        ("Key events", "read-also prompt"), ("Send us your messages using #CityMarathon", "share prompt"),
        ("Gostou? Salve esta receita no Pinterest", "share prompt"),
        ("Rádio Serrana FM 98,3 | Ouça ao vivo", "share prompt"),
        ("Ouça a entrevista completa com a secretária de Saúde no programa Serrana Notícias.", "link prompt"),
        ("Leia a íntegra da nota do ministério.", "link prompt"),
        ("Watch the full interview with the mayor on our website.", "link prompt"),
        # From four pages written after the fixes, as a check.
        ("Tamanho da fonte: A- A+", "button or link label"), ("Ouvir notícia", "button or link label"),
        ("Horário de atendimento: segunda a sexta, das 12h às 18h", "byline or credit"),
        ("Filed under: Vegetables, Soil | Tagged: no-dig, compost, beginners", "read-also prompt"),
        ("Did you make this recipe? Tag @fernskitchen on Instagram and hashtag it #fernskitchen!", "share prompt"),
        # The fifth probe's kinds.
        ("Saturday 12 April 2025, 5:14 pm", "byline or credit"), ("Press release issued: 19 March 2025", "byline or credit"),
        ("Please contact press-office@bristol.ac.uk for further information.", "contact prompt"),
        ("Esta avaliação é a opinião subjetiva de um membro da comunidade.", "disclaimer"),
        ("Outras notícias", "read-also prompt"), ("Stay in the loop", "subscribe prompt"),
        ("Was this update helpful? 👍 👎", "button or link label"),
        ("WANT YOUR COMPANY'S NEWS FEATURED ON PRNEWSWIRE.COM?", "advertisement"),
        ("Registered in England No. 04718223. Registered office: 1 King Street, Leeds.", "company details"),
        # From the fifth probe's four check pages (written after its fixes).
        ("Was this page useful? Yes | No", "button or link label"), ("News release: 21 February 2025", "byline or credit"),
        ("Related pages", "read-also prompt"), ("Calcular frete e prazo", "button or link label"),
        # From its three later check pages (a school notice, a classified ad, a newsletter post).
        ("Anúncios parecidos", "read-also prompt"), ("Notícias anteriores", "read-also prompt"),
        ("Discussion about this post", "comments prompt"),
        ("Anunciante: Roberto · Na plataforma desde 2019 · Responde em média em 1 hora", "byline or credit"),
        ("Thanks for reading Crumb & Crust! Subscribe for free to receive new posts and support my work.",
         "subscribe prompt"),
        # The sixth probe's kinds.
        ("**Seja sócio a partir de R$ 89/mês** — [Associe-se](/socios)", "subscribe prompt"),
        ("Become a member", "subscribe prompt"), ("👉 **Book your hotel in Porto on Booking.com**", "advertisement"),
        ("A partir de R$ 90,00 · em até 12x", "price or payment"), ("Date: 16 March 2025", "byline or credit"),
        ("Último acesso há 2 horas", "byline or credit"),
        ("Secretaria paroquial: terça a sexta, das 8h às 11h30 e das 13h30 às 17h", "byline or credit"),
        ("Desenvolvido por Agência Kairós", "byline or credit"),
        ("Diretoria Executiva de Comunicação - Dircom", "byline or credit"),
        ("You can find the latest forecast on our website, and by following us on X, Facebook and Instagram.",
         "share prompt"),
        ("Chat to us in the app, 24 hours a day, or call 0207 930 4450.", "contact prompt"),
        ("Still need help?", "contact prompt"), ("Denunciar anúncio", "button or link label"),
        ("Esta página foi útil? 👍 👎", "button or link label"), ("Write a comment...", "button or link label"),
        ("Dicas de segurança", "safety tips"), ("Serviços relacionados", "read-also prompt"),
    ],
)
def test_probe_chrome_is_recognised_inside_a_document(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind)


@pytest.mark.parametrize(
    "text",
    [
        # A reporter's line that opens a quote (not a commenter's name), prose
        # about an author, money in a story, a hashtag and a picture in prose.
        "Local transport minister Simon Lightwood said:",
        "Sobre o autor dos disparos, a polícia não deu detalhes.",
        "About the author of the letter, the council said nothing.",
        "O governo liberou R$ 2 bilhões à vista para os estados, segundo o Tesouro.",
        "Parcelamento sem juros volta a crescer no varejo",
        "Ingressos a partir de R$ 20.",
        "The campaign went viral with the hashtag #SaveOurPool in two days.",
        "Quem tem RG com foto pode votar.",
        "The museum will send flowers from its garden to the hospital every Friday.",
        "A entrevista completa foi ao ar ontem.", "Veja o que muda com a nova lei a partir de segunda-feira.",
        "Prefeitura amplia horário de atendimento das unidades de saúde", "O tamanho da fonte dificulta a leitura.",
        "Tagged birds were tracked for three years across the estuary.",
        # Headlines that use a prompt's words in another sense.
        "Golpe do boleto chega no seu e-mail", "Lula também viu o jogo", "Cinco filmes que você vai gostar de ver",
        "Volunteers plant a tree for every pupil", "Children send flowers to hospital",
        # The fifth probe's: a sentence with links, a price sequence with slashes, an e-mail address in an
        # official notice, a headline in capitals, the word "team" or "edition" in prose.
        "See [the docs](/docs) and [the FAQ](/faq).", "O preço subiu de 10 / 20 / 30 reais em três anos.",
        "Informações pelo telefone (35) 3692-1700 ou pelo e-mail licitacao@itajuba.mg.gov.br.",
        "PREFEITURA ABRE INSCRIÇÕES PARA CURSO DE PADEIRO", "The news team won an award for its flood coverage.",
        "A edição nº 3 do festival reuniu 40 mil pessoas.", "Members must be registered in England to vote, the club said.",
        "The charity's registered office moved to Leeds last year.",
        # The sixth probe's: advice, a booking tip, a date and a maker in prose, a shell pipe, a secretariat's figures.
        "If you need help, call 111 or visit the NHS website.", "Book your tickets early, as the lodges fill up by ten.",
"O remédio foi desenvolvido por pesquisadores da USP.",
        "curl -fsSL https://get.ferry.dev | sh", "Secretaria de Saúde: 12 casos confirmados na segunda-feira",
        "A feira funciona de terça a domingo, das 8h às 14h.",
    ],
)
def test_probe_content_stays(text: str) -> None:
    assert boilerplate_reason(text, Position(5, 20)) is None
    assert boilerplate_reason(text, Position(0, 20)) is None


# The fifth probe's pages kept as fixtures (fixtures/unseen/README.md), each
# paragraph kept, in order, by its first 40 characters: plain-text ingredient
# lines ("3 ovos"), a thread's title and one-line posts, a gazette's acts and
# their signatories' titles (and, since the seventh probe, a signatory's name between content lines), shell commands (the "curl ... | sh" pipe is no menu
# since the sixth probe), a repository page's metadata (its short fields next to others: 'Idioma: por') stay.
FIFTH_PROBE_PARAGRAPHS = {
    'diario_oficial_itajuba.txt': [
        'SECRETARIA MUNICIPAL DE ADMINISTRAÇÃO', 'EDITAL DE CONVOCAÇÃO Nº 014/2025', 'PROCESSO SELETIVO SIMPLIFICADO Nº 002/20',
        'O Secretário Municipal de Administração,', 'Fernanda Ribeiro Lima - 4º lugar - ESF V',
        'Paulo Henrique Costa - 5º lugar - ESF Bo', 'Juliana Mendes Rocha - 6º lugar - ESF Me',
        'Os candidatos deverão apresentar os docu', 'O não comparecimento no prazo estabeleci',
        'Itajubá, 5 de março de 2025.', 'Rogério Amaral Siqueira', 'Secretário Municipal de Administração',
        'SECRETARIA MUNICIPAL DE OBRAS',
        'PREGÃO ELETRÔNICO Nº 031/2025', 'O Município de Itajubá torna público que', 'A sessão pública será realizada no dia 2',
        'Informações pelo telefone (35) 3692-1700', 'Carla Beatriz Moreira', 'Pregoeira Oficial',
    ],
    'docs_cli_install.md': [
        'Install the CLI', 'The Ferry CLI is a single binary. It tal', 'Requirements', 'You need a Ferry account and a 64-bit op',
        'brew install ferry/tap/ferry', 'Homebrew puts the binary on your PATH an', 'Linux', 'Run the install script, which downloads ',
        'curl -fsSL https://get.ferry.dev | sh',
        'If you prefer not to pipe a script into ', 'winget install Ferry.CLI', 'Verify the install', 'Open a new terminal and run `ferry versi',
        'If the command is not found, open a new ', '**Note:** The CLI checks for updates onc',
    ],
    'forum_notebook.txt': [
        'Notebook desligando sozinho quando esque', 'Boa tarde, pessoal.', 'Tenho um Acer Aspire 5 com Ryzen 5 5500U',
        'No HWMonitor a CPU passa de 95 °C antes ', 'Alguém sabe se vale trocar a pasta térmi',
        'Desligar sem tela azul a 95 °C é proteçã', 'Aproveite e veja se as aletas do dissipa',
        'Troquei a pasta por uma Arctic MX-4 e ab', 'Valeu demais pela ajuda!', 'Ótimo! Vou marcar o tópico como resolvid',
    ],
    'qa_sourdough.html': [
        'Why does my sourdough collapse in the ov', 'My sourdough rises well overnight in the',
        'I use 75% hydration, 20% starter, and ba', 'What am I doing wrong?', 'Have you tried a lower hydration, say 68', 'A loaf that spreads instead of springing',
        'With 20% starter and a long cold retard,', 'A simple test: press the dough with a fl',
        'This was it. I cut the starter to 10% an', 'Shaping matters too. If you do not build',
    ],
    'radio_wessex_news.txt': [
        'Weymouth harbour bridge to close for thr', 'The town bridge will shut to traffic fro',
        "Weymouth's Town Bridge will close to veh", 'Pedestrians and cyclists will still be a',
        'Dorset Council said the bearings had wor', 'Drivers are being sent via the Westwey R',
        'Councillor Jon Andrews said: "We know th', 'Harbour users have been given extra lift',
    ],
    'receita_pudim.txt': [
        'Pudim de leite condensado sem furinhos', 'Esse é o pudim que minha mãe fazia todo ', '1 xícara de açúcar',
        '1/2 xícara de água', '1 lata de leite condensado', '2 medidas da lata de leite integral', '3 ovos',
        '1 colher de chá de essência de baunilha', 'Derreta o açúcar numa panela em fogo bai',
        'Bata no liquidificador o leite condensad', 'Despeje na forma caramelizada, cubra com',
        'Deixe esfriar e leve à geladeira por pel', 'Dica da Vó: se o pudim grudar na hora de',
    ],
    'tese_repositorio.txt': [  # its item type ("Tipo: Dissertação") left out as a catalogue field since probe 33
        'Título: Reaproveitamento de lodo de esta', 'Autor(es): Larissa Fonseca Duarte',
        'Primeiro Orientador: Marcos Vinícius Tei', 'Membro da banca: Ana Cláudia Prado',
        'Membro da banca: Ricardo Alves Nunes', 'O lodo gerado nas estações de tratamento',
        'Foram moldados corpos de prova com 0%, 5', 'Os tijolos com até 10% de lodo atenderam',
        'Conclui-se que a incorporação de até 10%', 'Sludge from water treatment plants (WTP)',
        'Palavras-chave: lodo de ETA; solo-ciment', 'Idioma: por', 'País: Brasil', 'Editor: Universidade Federal de Minas Ge', 'Sigla da Instituição: UFMG',
        'Departamento: ENG - DEPARTAMENTO DE ENGE', 'Programa: Programa de Pós-Graduação em C',
        'Tipo de Acesso: Acesso Aberto', 'URI: http://hdl.handle.net/1843/78214', 'Data do documento: 28-Fev-2025',
    ],
}


# The sixth probe's pages kept as fixtures: a help page's numbered steps and
# questions, a bulletin's schedule and its priest's name, a listing's field
# ("Tipo: Speed" next to "Categoria: Bicicletas"), a changelog's version
# headings and its "curl ... | sudo bash" line stay. Still wrong: the court's
# case number ("Processo: ...") and the seller's "Na OLX desde março de 2016"
# are kept; the priest's title ("Pároco"), the ad's price and place and its
# "Categoria:" field are dropped.
SIXTH_PROBE_PARAGRAPHS = {
    'bank_faq.html': [
        'How do I freeze my card?', 'If you have misplaced your card, you can', 'To freeze your card',
        'Open the app and tap Cards.', 'Choose the card you want to freeze.',
        'Tap Freeze card. The card turns grey whi', 'You can unfreeze it at any time by tappi',
        'What if my card has been stolen?', 'If you think someone else has your card,',
        'If you see payments you do not recognise',
    ],
    'boletim_paroquia.txt': [
        'Boletim Paroquial – 5º Domingo da Quares', 'Queridos irmãos e irmãs,',
        'Estamos chegando à Semana Santa, o coraç', 'A Campanha da Fraternidade deste ano tem',
        'Agradecemos aos 42 voluntários que ajuda', 'Horários da Semana Santa',
        'Quinta-feira Santa: Missa da Ceia do Sen', 'Sexta-feira da Paixão: Via-Sacra às 15h ',
        'Sábado Santo: Vigília Pascal às 20h.', 'Domingo de Páscoa: Missas às 7h, 9h30 e ', 'Com a bênção de Deus,',
        'Pe. Antônio Carlos Ferreira',
    ],
    'classificado_bike.txt': [
        'Bicicleta Caloi Elite Carbon Sport 2022 ', 'Vendo Caloi Elite Carbon Sport 2022, qua',
        'Acompanha pedais clip, suporte de carama', 'Motivo da venda: mudança de cidade.',
        'Não aceito trocas. Pode ser vista no Bac', 'Tipo: Speed', 'Na OLX desde março de 2016',
    ],
    'notas_versao.md': [
        'Novidades do Contábil Fácil', 'Versão 4.2.0 — 11 de março de 2025',
        'Esta versão traz a emissão de NFS-e pelo', 'Novidades', 'Emissão de NFS-e no padrão nacional, com',
        'Conciliação bancária com o Sicredi e o B', 'Relatório de fluxo de caixa por centro d', 'Correções',
        'O boleto gerado para clientes com CNPJ d', 'A exportação para Excel cortava descriçõ',
        'Para atualizar a versão instalada no ser', 'curl -fsSL https://get.contabilfacil.com',
        'Versão 4.1.3 — 20 de fevereiro de 2025', 'A conciliação bancária ignorava lançamen',
        'O login com certificado digital A3 falha',
    ],
    'servico_cnh.txt': [
        'Renovar a Carteira Nacional de Habilitaç', 'O que é?', 'A renovação da CNH é obrigatória quando ',
        'Quem pode utilizar este serviço?', 'Condutores com a CNH vencida ou a vencer',
        'Etapas para a realização deste serviço', 'Agendar o exame médico',
        'O agendamento é feito pelo aplicativo Ca', 'Fazer o exame médico',
        'Leve um documento oficial com foto. O ex', 'Receber a nova CNH', 'A CNH digital fica disponível no aplicat',
        'Quanto tempo leva?', 'Até 5 dias úteis para a CNH digital.', 'Quanto custa?',
        'R$ 142,50 (exame médico) e R$ 98,70 (tax',
    ],
    'substack_sourdough.txt': [
        'Why I stopped feeding my starter every d', 'A lazier routine, and better bread',
        'For three years I fed my sourdough start', 'Last spring a reader asked whether all t',
        'The first loaf was flat. The second was ', 'Here is the routine I use now:',
        'Take the starter out the night before yo', 'Leave it on the counter overnight; by mo',
        'Use what you need and put the rest back ', 'If your kitchen is cold, the overnight r',
    ],
    'tribunal_noticia.txt': [
        'Justiça condena construtora a indenizar ', 'Decisão da 14ª Câmara Cível fixou indeni',
        'A 14ª Câmara Cível do Tribunal de Justiç', 'O contrato previa a entrega do imóvel em',
        'Em sua defesa, a empresa alegou que a pa', '"O prazo de tolerância existe justamente',
        'Os desembargadores Estevão Lucchesi e Va', 'A decisão está sujeita a recurso.',
        'Processo: 1.0000.24.318822-7/001',
    ],
}


@pytest.mark.parametrize(
    ("paragraphs", "near_duplicated"),
    [
        pytest.param(FIFTH_PROBE_PARAGRAPHS, (
            "O Município de Itajubá torna público que", "Homebrew puts the binary on your PATH an",
            "Desligar sem tela azul a 95 °C é proteçã", "With 20% starter and a long cold retard,",
            "Pedestrians and cyclists will still be a", "Bata no liquidificador o leite condensad",
            "Os tijolos com até 10% de lodo atenderam"), id="fifth probe"),
        pytest.param(SIXTH_PROBE_PARAGRAPHS, (
            "You can unfreeze it at any time by tappi", "Agradecemos aos 42 voluntários que ajuda",
            "Vendo Caloi Elite Carbon Sport 2022, qua", "Esta versão traz a emissão de NFS-e pelo",
            "A CNH digital fica disponível no aplicat", "The first loaf was flat. The second was ",
            "O contrato previa a entrega do imóvel em"), id="sixth probe"),
    ],
)
def test_probe_pages_keep_every_paragraph_in_order(
        preloaded: AppFactory, paragraphs: dict[str, list[str]], near_duplicated: tuple[str, ...]) -> None:
    tasks = label_studio_tasks(preloaded(SOURCES=[str(UNSEEN)]))
    kept = kept_by_page(tasks)
    for name, starts in paragraphs.items():
        assert [text[:40] for text in kept[name]] == starts, name
    # One paragraph of each page came again with a word or number changed.
    by_start = {task["data"]["text"][:40]: task for task in tasks}
    for start in near_duplicated:
        assert by_start[start]["meta"]["near_duplicates"] == 1, start


FIFTH_PROBE_CHROME = (
    # Site names and taglines over their menus, and their copies in the footer.
    ("Fórum Clube do Hardware", "a site's name or tagline above its menu"),
    ("Repositório Institucional da UFMG", "a site's name or tagline above its menu"),
    ("Wessex FM — the sound of Dorset", "name or tagline"),
    # A forum signature under two posts of one thread; a breadcrumb ending in the thread's title.
    ("Regras do fórum: leia antes de postar", "repeated 2 times below the top of one document"),
    ("Início > Notebooks > Notebook desligando", "a menu"), ("Iniciado por rafael.sp", "byline or credit"),
    ("Você precisa ser um membro para responder", "account notice"),
    # A gazette's masthead, its running header and its digital-signature footer.
    ("Ano XII - Edição nº 2.418", "byline or credit"), ("Este documento foi assinado digitalmente", "signature notice"),
    ("A autenticidade deste documento", "signature notice"),
    # A docs page's sidebar and pager of links, its edit link; a radio's byline, other news and company footer.
    ("[Install the CLI](/start/install)", "a line of links alone"),
    ("[← Getting started](/start)", "a line of links alone"), ("[Edit this page on GitHub]", "button or link label"),
    ("Wessex FM News Team", "byline or credit"), ("Thursday 3 April 2025 15:20", "byline or credit"),
    ("Got a story?", "contact prompt"), ("More local news", "read-also prompt"),
    ("Portland prison plans go on display", "read-also list"), ("Wessex FM is part of the Bauer", "company details"),
    # A Q&A site's user cards and prompts; a repository item page's own links.
    ("4,812 2 2 gold badges", "engagement count"), ("Marta K.", "ending in an initial"), ("Thanks for contributing an answer", "read-also prompt"),
    ("Por favor, use este identificador", "navigation"), ("Mostrar registro completo do item", "navigation"),
    ("Buscar receitas...", "button or link label"),
)
SIXTH_PROBE_CHROME = (
    # A site's name below accessibility jumps, or over one more name line, above the site's own menu.
    ("Tribunal de Justiça do Estado de Minas Gerais", "a site's name or tagline above its menu"),
    ("Serviços e Informações do Brasil", "a site's name or tagline above its menu"),
    # Footers: a name between a press office's lines, a platform's line at the end, an address, the site's maker.
    ("Tribunal de Justiça de Minas Gerais - TJMG", "a short line in the page's footer"),
    ("Substack is the home for great culture", "a short line in the page's footer"),
    ("Rua Barão de Jaguara, 1370", "a street address with a postcode in the page's footer"),
    ("Desenvolvido por Agência Kairós", "byline or credit"), ("Diretoria Executiva de Comunicação", "byline or credit"),
    ("Secretaria paroquial: terça a sexta", "byline or credit"),
    # A classified ad's seller box and safety tip under its heading; related services under theirs.
    ("Último acesso há 2 horas", "byline or credit"), ("Dicas de segurança", "safety tips"), ("Nunca faça pagamentos antecipados", "safety tip: the paragraph under"),
    ("Emitir segunda via da CNH", "read-also list"),
    # Help boxes, feedback widgets, placeholders, a platform's last call, a '∙' menu.
    ("Chat to us in the app", "contact prompt"), ("**Precisa de ajuda?**", "contact prompt"),
    ("12 out of 15 found this helpful", "engagement count"), ("Este serviço foi útil?", "button or link label"),
    ("Esta página foi útil? 👍 👎", "button or link label"), ("Denunciar um problema", "button or link label"),
    ("Type your email...", "button or link label"), ("Ready for more?", "subscribe prompt"),
    ("Privacy ∙ Terms ∙ Collection notice", "a menu"),
)


@pytest.mark.parametrize("expected", [pytest.param(FIFTH_PROBE_CHROME, id="fifth probe"),
                                      pytest.param(SIXTH_PROBE_CHROME, id="sixth probe")])
def test_probe_chrome_is_listed_with_reasons(preloaded: AppFactory, expected: tuple[tuple[str, str], ...]) -> None:
    listing = excluded_listing(preloaded(SOURCES=[str(UNSEEN)]))
    reasons = {item["text"]: item["reason"] for item in listing["excluded"] if item["kind"] != "near-duplicate"}
    assert_listed_with_cue(reasons, expected)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Você está em: Início / Notícias / Câmara aprova programa de hortas comunitárias", "separators"),
        ("Início | Comunidades e Coleções | Navegar | Ajuda | Entrar", "separators"),
        ("**Previous:** [Stripe payouts](/changelog/stripe) · **Next:** [Custom numbering](/changelog/numbering)",
         "links alone"),
    ],
)
def test_menus_with_a_long_title_a_cue_word_or_links_are_navigation(text: str, kind: str) -> None:
    assert_left_out(text, "navigation", kind)




def test_a_site_name_goes_above_its_menu_and_a_headline_stays_above_its_price(
        preloaded: AppFactory, tmp_path: Path) -> None:
    lines = {
        "shop.txt": ["Autos › Carros › São Paulo › Campinas", "Fiat Uno Way 1.0 2015 completo, único dono", "R$ 38.900",
                     "Vendo Uno Way 2015, único dono, com 78 mil km rodados e manual.", "Cor: prata", "Câmbio: manual",
                     "Aceito troca por moto de menor valor.", "Não atendo curiosos."],
        "school.txt": ["Escola Estadual Castelo Branco", "Início | A escola | Notícias | Fale conosco",
                       "Reunião de pais do 1º bimestre", "A reunião acontece no sábado, das 8h às 11h.",
                       "Os responsáveis devem justificar a ausência.", "Contamos com a presença de todos!",
                       "Telefone da secretaria pelo site.", "Atenciosamente, a direção."],
        # A headline over its lead (which mentions "clique aqui") stays.
        "story.txt": ["Ponte interditada no centro", "A prefeitura interditou a ponte nesta segunda-feira para obras "
                      "que devem durar três semanas; para ver os desvios, clique aqui ou consulte o site da prefeitura.",
                      "Os ônibus vão usar a avenida nova.", "A obra custa R$ 2 milhões.", "O comércio reclamou.",
                      "A ponte reabre em maio.", "A prefeitura pede paciência."],
    }
    corpus = tmp_path / "pages"
    corpus.mkdir()
    for name, page in lines.items():
        (corpus / name).write_text("\n".join(page) + "\n", encoding="utf-8")
    app = preloaded(SOURCES=[str(corpus)])
    kept = {task["data"]["text"] for task in label_studio_tasks(app)}
    assert {"Fiat Uno Way 1.0 2015 completo, único dono", "Reunião de pais do 1º bimestre",
            "Ponte interditada no centro"} <= kept
    reasons = {item["text"]: item["reason"] for item in excluded_listing(app)["excluded"]}
    assert reasons["Escola Estadual Castelo Branco"].startswith("a site's name or tagline above its menu")


def test_a_site_name_goes_above_a_second_name_line_and_the_site_menu_not_above_a_line_of_details() -> None:
    menu = ("Início | A Paróquia | Horários | Pastorais | Dízimo | Contato", ("navigation", "a menu"))
    name = ("Arquidiocese de Campinas", ("fragment", "3 words"))
    assert site_header_reason("Paróquia Nossa Senhora Aparecida", 4, Position(0, 25), False, [name, menu])
    # Lower in the header only the site's own menu counts: a breadcrumb or four items at least.
    assert site_header_reason("Tribunal de Justiça de Minas Gerais", 6, Position(3, 30), True, [menu])
    details = ("Maracanã · Público: 62.418", ("navigation", "a menu"))
    assert site_header_reason("Flamengo 2 x 1 Palmeiras", 5, Position(3, 30), True, [details]) is None
    assert is_site_menu("Paraná > Curitiba e região > Ciclismo") and not is_site_menu("Cooperativa Vale Verde · Chapecó · Híbrido")
    # A name line between holds no figures: a price under a headline is no name.
    price = ("R$ 38.900", ("fragment", "3 words"))
    assert site_header_reason("Fiat Uno Way 2015", 4, Position(0, 25), False, [price, menu]) is None


def test_a_list_that_opens_a_page_is_a_menu_even_its_long_item() -> None:
    page = "- Início\n- Sobre\n- Cursos de programação para quem está começando do zero\n\n# Título\n\nTexto.\n"
    assert in_opening_menu(page, page.index("Cursos"))
    alone = "- Cursos de programação para quem está começando do zero\n- Sobre\n"
    assert not in_opening_menu(alone, alone.index("Cursos"))


def test_a_letterhead_of_place_names_and_a_postcode_is_a_footer() -> None:
    address = "Civic Centre, Market Street, Harrowfield, HF1 2AB"
    assert_left_out(address, "boilerplate", "a street address with a postcode", Position(18, 20))
    assert boilerplate_reason(address, Position(8, 20)) is None  # inside a page it may be content
    assert boilerplate_reason("We met at the Civic Centre, Market Street, Harrowfield, HF1 2AB.", Position(18, 20)) is None


def test_a_name_heading_its_paragraph_and_lines_of_quantities_are_content() -> None:
    assert heads_a_paragraph("Margaret Ellen Hollis", ["1938 - 2025", "Margaret Ellen Hollis, of Ashford, died"])
    assert not heads_a_paragraph("Getting started", ["The Ferry CLI is a single binary."])
    assert not heads_a_paragraph("Mais lidas", ["Mais lidaspor leitores"])
    recipe = "Para o pudim:\n1 lata de leite condensado\n3 ovos\nModo de preparo\n"
    assert in_content_list(recipe, recipe.index("3 ovos"))
    contents = "Contents\n1 History\n2 Description\n3 See also\n"  # a numbered contents list
    assert not in_content_list(contents, contents.index("2 Description"))
    # A list that opens a page, before its heading, is the site's menu; a list alone is a list.
    menu = "- Início\n- Sobre\n- Cursos de programação para quem está começando do zero\n\n# Título\n\nTexto.\n"
    assert not in_content_list(menu, menu.index("Sobre"))
    alone = "- 2 ovos\n- 1 xícara de farinha de trigo\n"
    assert in_content_list(alone, alone.index("2 ovos"))


def test_a_heading_names_the_section_it_heads() -> None:
    assert heading_of("Leia também") == "read-also prompt"
    assert heading_of("Quem viu este produto também viu") == "read-also prompt"
    assert heading_of("Sobre a autora") == "author bio" and heading_of("**About the author:**") == "author bio"
    assert heading_of("About me: Jane Doe.") is None  # a sentence, not a heading
    assert heading_of("Ingredientes") is None


def test_short_items_of_a_list_of_things_are_content() -> None:
    recipe = "## Ingredientes\n\n- 1 kg de feijão preto\n- 2 paios\n- Sal a gosto\n\n## Modo de preparo\n"
    assert in_content_list(recipe, recipe.index("2 paios")) and in_content_list(recipe, recipe.index("Sal a"))
    # A menu: every item a label, or links.
    menu = "- Home\n- Sobre nós\n- Contato\n"
    links = "- [Início](/)\n- [Receitas de bolo e sobremesas](/bolos)\n"
    assert not in_content_list(menu, menu.index("Contato"))
    assert not in_content_list(links, links.index("[Início]"))
    assert not in_content_list(recipe, recipe.index("Ingredientes"))  # not a list item


def test_lines_at_the_edges_of_two_pages_are_template(preloaded: AppFactory, tmp_path: Path) -> None:
    corpus = tmp_path / "posts"
    corpus.mkdir()
    story = ["Heavy rain kept most people at home on Sunday, the mayor said."] * 2
    bodies = (
        ("Rain closes the valley road", "The valley road was closed on Sunday after a landslide near the quarry.",
         "Crews expect to reopen one lane by Wednesday.", "Buses will take the old mill road until then."),
        ("Rain closes the valley road", "Drivers were sent back to the bypass at the quarry junction on Sunday.",
         "The council said the repairs would cost about 40,000 pounds.", "Cyclists may still use the path."),
    )
    for number, (headline, *paragraphs) in enumerate(bodies):
        # A headline at the top of both pages stays; a signature at the end of
        # both, and a tagline at the top and bottom of one, are template.
        lines = [headline, story[number], *paragraphs, "Thanks for reading,", "Sent from my phone"]
        if number == 0:
            lines = ["The Valley Gazette, your town since 1921", *lines[:-2], "Thanks for reading,",
                     "The Valley Gazette, your town since 1921", "Sent from my phone"]
        (corpus / f"post{number}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    app = preloaded(SOURCES=[str(corpus)])
    texts = {task["data"]["text"]: task for task in label_studio_tasks(app)}
    assert texts["Rain closes the valley road"]["meta"]["copies"] == 2
    assert texts["Thanks for reading,"]["meta"]["copies"] == 2  # a closing line ending in a comma
    reasons = {item["text"]: item["reason"] for item in excluded_listing(app)["excluded"]}
    assert reasons["Sent from my phone"] == "repeated at the end of 2 documents: a signature or footer"
    assert reasons["The Valley Gazette, your town since 1921"] == (
        "repeated 2 times, at the top and at the bottom of pages: a site's header and footer")


# Three pages of one local site's stories, under (and over) its template lines.
VALLEY_STORIES = (
    "Heavy rain kept most people at home on Sunday, the mayor said.",
    "The bakery on Main Street reopened after three months of repairs.",
    "Two students from the valley won the national chemistry olympiad.",
)


def test_lines_repeated_across_documents_are_template(preloaded: AppFactory, tmp_path: Path) -> None:
    corpus = tmp_path / "site"
    corpus.mkdir()
    for number, story in enumerate(VALLEY_STORIES):
        (corpus / f"page{number}.txt").write_text(f"The Valley Gazette, since 1921\n{story}\n", encoding="utf-8")
    app = preloaded(SOURCES=[str(corpus)])
    assert [task["data"]["text"] for task in label_studio_tasks(app)] == list(VALLEY_STORIES)
    template = [item for item in excluded_listing(app)["excluded"] if item["text"].startswith("The Valley")]
    assert len(template) == 3
    assert all(item["kind"] == "boilerplate" and "repeated in 3 documents" in item["reason"] for item in template)


@pytest.mark.parametrize("update_keys", [1, 300])
def test_the_copies_of_template_lines_take_their_own_lines_reason(
    preloaded: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_keys: int
) -> None:
    # Two template lines with copies, moved by one UPDATE or by one a line: each copy takes its own line's reason.
    monkeypatch.setattr("server.preload.UPDATE_KEYS", update_keys)
    corpus = tmp_path / "site"
    corpus.mkdir()
    for number, story in enumerate(VALLEY_STORIES):
        page = f"The Valley Gazette, since 1921\n{story}\nWeather and traffic for the valley\n"
        (corpus / f"page{number}.txt").write_text(page, encoding="utf-8")
    app = preloaded(SOURCES=[str(corpus)])
    assert [task["data"]["text"] for task in label_studio_tasks(app)] == list(VALLEY_STORIES)
    excluded = excluded_listing(app)["excluded"]
    assert sorted((item["text"], item["kind"], item["reason"], item["kept_id"]) for item in excluded) == sorted(
        (line, "boilerplate", "repeated in 3 documents: page template", None)
        for line in ("The Valley Gazette, since 1921", "Weather and traffic for the valley") for _copy in VALLEY_STORIES)


def test_near_duplicate_threshold_is_a_setting(preloaded: AppFactory) -> None:
    merged = label_studio_tasks(preloaded(SOURCES=[str(CORPUS)]))
    separate = label_studio_tasks(preloaded(SOURCES=[str(CORPUS)], NEAR_DUPLICATE_THRESHOLD=1))
    assert len(separate) == len(merged) + 1
    assert any("about 12 thousand residents" in task["data"]["text"] for task in separate)


def test_excluded_segments_come_back_with_a_flag(preloaded: AppFactory) -> None:
    app = preloaded(SOURCES=[str(SEED)], INCLUDE_EXCLUDED=True)
    tasks = label_studio_tasks(app)
    assert [task["data"]["text"][:12] for task in tasks[4:7]] == ["No mundo de ", "Ver original", "Esta página "]
    assert tasks[5]["meta"]["excluded"] == "boilerplate" and "button" in tasks[5]["meta"]["reason"]
    assert len(tasks) == 7  # the exact duplicates are the same tasks, counted in copies
    assert len(label_studio_tasks(app, include_excluded=False)) == 5


def test_task_units(preloaded: AppFactory) -> None:
    sentences = label_studio_tasks(preloaded(SOURCES=[str(SEED)], TASK_UNIT="sentence"))
    assert len(sentences) > 5
    assert sentences[1]["data"]["text"].startswith("Com a produção em massa") and sentences[1]["data"]["text"].endswith("processamento.")
    for task in sentences:
        assert SEED_FILE.read_text(encoding="utf-8")[task["meta"]["start"] : task["meta"]["end"]] == task["data"]["text"]
    [document] = label_studio_tasks(preloaded(SOURCES=[str(SEED_FILE)], TASK_UNIT="document"))
    assert document["data"]["text"] == SEED_FILE.read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="TASK_UNIT"):
        preloaded(SOURCES=[str(SEED)], TASK_UNIT="chapter")


def test_bad_files_are_reported_and_the_rest_loads(preloaded: AppFactory, tmp_path: Path) -> None:
    corpus = tmp_path / "mixed"
    corpus.mkdir()
    shutil.copy(SEED_FILE, corpus / "post.txt")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "latin1.txt").write_bytes("Não é UTF-8".encode("latin-1"))
    (corpus / "broken.jsonl").write_text('{"text": \n', encoding="utf-8")
    (corpus / "table.csv").write_text("id,body\n1,hello\n", encoding="utf-8")
    app = preloaded(SOURCES=[str(corpus), str(tmp_path / "absent.txt")])
    assert len(label_studio_tasks(app)) == 5
    listing = excluded_listing(app)
    assert {Path(error["path"]).name: error["reason"] for error in listing["errors"]} == {
        "broken.jsonl": "invalid JSON on line 1: Expecting value",
        "empty.txt": "empty",
        "latin1.txt": "not UTF-8: undecodable byte 0xE3 ('ã' in Latin-1 or windows-1252) at offset 1 (line 1)",
        "table.csv": "no column named 'text' (columns: id, body; ANOTA_SOURCE_TEXT_FIELD names the one to read)",
    }
    assert {"path": str(tmp_path / "absent.txt"), "reason": "does not exist"} in listing["skipped"]


def test_jsonl_tasks_keep_their_data_fields(preloaded: AppFactory, tmp_path: Path) -> None:
    path = tmp_path / "import.jsonl"
    text = "A Petrobras anunciou um novo poço no pré-sal, segundo a empresa."
    path.write_text(json.dumps({"data": {"text": text, "url": "https://example.org/a"}}) + "\n", encoding="utf-8")
    [task] = label_studio_tasks(preloaded(SOURCES=[str(path)]))
    assert task["data"]["url"] == "https://example.org/a"
    assert task["meta"]["source"] == "import.jsonl#1" and task["data"]["text"] == text


def test_a_restart_serves_the_same_tasks_without_redoing_work(preloaded: AppFactory, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    first = preloaded(SOURCES=[str(corpus)])
    second = preloaded(SOURCES=[str(corpus)])  # the same SQLite file
    assert label_studio_tasks(second) == label_studio_tasks(first)
    assert excluded_listing(second)["excluded"] == excluded_listing(first)["excluded"]
    again = preload_sources(second)
    assert again is not None and again.reused and again.tasks == 12
    # Touched but unchanged: contents are hashed, nothing is redone.
    page = corpus / "river_flood_barriers.txt"
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))
    assert preload_sources(second).reused
    # Changed: preloaded again, replacing the tasks.
    page.write_text("A brand new story about the river, told in one sentence.\n", encoding="utf-8")
    report = preload_sources(second)
    assert report is not None and not report.reused and report.tasks == 10
    assert len(label_studio_tasks(preloaded(SOURCES=[str(corpus)]))) == 10


def test_a_preload_builds_the_task_tables_indexes_it_left_out_while_writing(preloaded: AppFactory, tmp_path: Path) -> None:
    """The load drops the secondary indexes while it writes and builds them at its end (``_indexes_built_after``),
    also one that a database made before it lacks."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    app = preloaded(SOURCES=[str(corpus)])
    engine = get_state(app).database.engine
    assert len(TASK_TABLE_INDEXES) == 3 and task_table_indexes(app) == TASK_TABLE_INDEXES
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP INDEX ix_task_exclusions_anota_id")
    (corpus / "river_flood_barriers.txt").write_text("A brand new story about the river, told in one sentence.\n",
                                                     encoding="utf-8")
    report = preload_sources(app)
    assert report is not None and not report.reused and report.tasks == 10
    assert task_table_indexes(app) == TASK_TABLE_INDEXES
    with engine.connect() as connection:
        plan = " ".join(str(row) for row in connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT * FROM task_exclusions WHERE anota_id = 'x'"))
    assert "ix_task_exclusions_anota_id" in plan


def test_preloading_can_be_switched_off(preloaded: AppFactory) -> None:
    app = preloaded(SOURCES=[str(SEED)], PRELOAD=False)
    assert preload_sources(app) is None
    assert label_studio_tasks(app) == []


def test_a_reason_is_worded_the_same_whatever_the_hash_seed():
    # The reasons are stored and served (/tasks/excluded): a run must word them as the one before.
    code = ("from server.boilerplate import Position, boilerplate_reason; print(boilerplate_reason("
            "'Malas Feitas © 2025 · Política de Privacidade · Política de Cookies · Termos de Uso', Position(9, 10)))")
    root = Path(__file__).resolve().parent.parent
    reasons = {
        subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": str(seed)},
                       capture_output=True, text=True, check=True, cwd=root).stdout
        for seed in range(1, 5)
    }
    assert len(reasons) == 1 and "privacy notice" in reasons.pop()


def test_a_configured_source_that_is_not_there_is_a_warning_on_every_start(
        preloaded: AppFactory, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # It was logged at INFO only: a server with a mistyped ANOTA_SOURCES started quietly with no tasks.
    (tmp_path / "story.txt").write_text("A Petrobras anunciou lucro recorde no trimestre passado.", encoding="utf-8")
    (tmp_path / "README.md").write_text("# About these files\n", encoding="utf-8")
    sources = [str(tmp_path), str(tmp_path / "absent.txt")]
    for _start in range(2):  # the second reuses the stored run
        caplog.clear()
        preloaded(SOURCES=sources)
        warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING" and r.name == "server.preload"]
        assert warnings == [f"preload: source {tmp_path / 'absent.txt'} does not exist"]


def test_anota_tasks_says_each_problem_once(tmp_path: Path) -> None:
    # The preload's log lines and the command's own listing said each one twice.
    (tmp_path / "story.txt").write_text("A Petrobras anunciou lucro recorde no trimestre passado.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.xyz").write_text("no loader reads this", encoding="utf-8")
    done = subprocess.run([str(Path(sys.executable).parent / "anota"), "tasks", str(tmp_path)], capture_output=True,
                          text=True, check=True, env={**os.environ, "ANOTA_DISABLE_PLUGINS": "entities,claims,sentiment"})
    assert done.stderr.count("empty.txt") == 1 and "cannot load" in done.stderr
    assert done.stderr.count("notes.xyz") == 1 and "skipped" in done.stderr
    assert [task["data"]["text"] for task in json.loads(done.stdout)] == [
        "A Petrobras anunciou lucro recorde no trimestre passado."]
