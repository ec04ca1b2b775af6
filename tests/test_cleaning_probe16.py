"""Cleaning rules of the sixteenth probe (2 December 2026), on small texts written for these tests and on its eight
studied pages kept in fixtures/unseen (a pt-PT ministry's press release, a pt-BR recipe blog with comments, a pt-BR car
forum, a pt-BR newsletter's web version in Markdown, an English council's letter, an English podcast episode page, a
pt-BR job post, an English university news page in HTML)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position, boilerplate_reason, is_contact_line, is_sign_off
from server.tasks import excluded_listing, label_studio_tasks
from tests.test_preload import app_of_pages, assert_kept, assert_left_out, assert_screen_passes

AppFactory = Callable[..., Flask]
UNSEEN = Path(__file__).parent.parent / "fixtures" / "unseen"

CHROME = [
    # A letter's references under its letterhead, ours and the addressee's.
    ("Our ref: PS/PCN/2025/0412", "reference code"),
    ("Your ref: Appeal received 3 March 2025", "reference code"),
    ("N/Ref.ª: GMM/2025/214", "reference code"),
    ("V/ Ref.ª: Of. 118/DMM/2025", "reference code"),
    # A letter printed by a system and its offer of other formats.
    ("This document was produced electronically and is valid without a signature.", "signature notice"),
    ("Este documento é válido sem assinatura.", "signature notice"),
    ("If you need this leaflet in large print or another format, please call 0300 123 4567.", "contact prompt"),
    # A forum member card's fields and counts, the thread's reply button and its readers.
    ("Membro desde: jan 2021", "byline or credit"),
    ("Member since: March 2019", "byline or credit"),
    ("Mensagens: 342", "engagement count"),
    ("Posts: 1,204", "engagement count"),
    ("Responder ao tópico", "button or link label"),
    ("Post reply to thread", "button or link label"),
    ("Users browsing this thread: 3 (1 members and 2 guests)", "navigation"),
    # A recipe's call to pin it, with a possessive before the network.
    ("Gostou? Salve esta receita no seu Pinterest!", "share prompt"),
    # More from a profile and its publication, in Portuguese: both named in capitals.
    ("Mais de Ana Paula Ribeiro e Cozinha da Vó Lurdes", "read-also prompt"),
    ("Mais de Camila Duarte e Dev na Prática", "read-also prompt"),
    # A list's entry's byline with its day and month alone.
    ("Luiza Andrade · 26 de fev.", "byline or credit"),
    ("Tom Hale | 3 March", "byline or credit"),
    # A podcast's list of its other episodes, a transcript kept for its patrons.
    ("More episodes", "read-also prompt"),
    ("Outros episódios", "read-also prompt"),
    ("Transcript available for supporters on Patreon.", "subscribe prompt"),
    # App stores' badges alone on their lines.
    ("Get it on Google Play", "subscribe prompt"),
    ("Download on the App Store", "subscribe prompt"),
    ("Baixar na App Store", "subscribe prompt"),
    ("Descarregar na App Store", "subscribe prompt"),
    # Portuguese Wikipedia's banners, as the English ones (missed in the blind pages, added after their run).
    ("Origem: Wikipédia, a enciclopédia livre.", "navigation"),
    ("Esta página cita fontes, mas que não cobrem todo o conteúdo. Ajude a inserir referências.", "maintenance notice"),
]


@pytest.mark.parametrize(("text", "kind"), CHROME)
def test_sixteenth_probe_chrome_is_recognised(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind)


DETAIL_LINES = [
    # A letterhead's or footer's address, phone and site between dots or bars.
    "Praça do Comércio, Ala Nascente, 1149-010 Lisboa · Tel 21 323 46 00 · www.portugal.gov.pt",
    "Civic Centre, 40 Market Street · Tel 01632 960 400 · www.eastbrook.gov.uk",
    "Rua da Graça, 12 · Tel 21 000 0000 · www.moradoresgraca.pt",
    "Casa Verde Ltda. | Av. Brasil, 1500 | (11) 3000-0000 | contato@casaverde.com.br",
]


@pytest.mark.parametrize("text", DETAIL_LINES)
def test_a_line_of_an_address_phone_and_site_is_contact_details(text: str) -> None:
    # (Short parts between dots may read as a menu first: left out either way.)
    assert is_contact_line(text) and boilerplate_reason(text, Position(10, 20)) is not None


@pytest.mark.parametrize(
    "text",
    [
        # The same words in a story's sentences.
        "Our reference to the 1998 floods was wrong, and we apologise to the families.",
        "Nossa referência: o relatório de 2019 mostrou que a água da barragem estava limpa.",
        "Without a signature, the court said, the will could not be enforced.",
        "The library now lends books in Braille and large print, and the council pays for the audio versions.",
        "Os membros desde 2019 pagam metade da quota, decidiu a assembleia.",
        "Mensagens enviadas por engano podem ser apagadas até uma hora depois, disse a empresa.",
        "Responder ao tópico mais difícil do exame levou quase uma hora aos alunos.",
        "Users browsing the council's website can now pay parking fines online.",
        "Mais de metade dos alunos e professores faltou às aulas na segunda-feira.",
        "A reunião foi marcada para 26 de fev.",
        "More episodes of the series will be filmed in Porto next year.",
        "A transcript is available for supporters of the bill on the council's website.",
        "The app is available on Google Play and the App Store from Monday, the council said.",
        "Download the app from the App Store before you travel, the airline advises.",
        "A Wikipédia, a enciclopédia livre, fez 25 anos em janeiro e tem 1,1 milhão de artigos em português.",
        "Wikipedia, the free encyclopedia, turned 25 in January and has seven million articles in English.",
        "O relatório cita fontes do governo, mas os autores pedem que o leitor ajude a inserir os dados que faltam.",
        # A sentence with a phone and a site between dots is no line of details.
        "Para marcar, ligue 21 000 0000 · www.clinicadomar.pt · ou passe na receção.",
    ],
)
def test_sixteenth_probe_content_stays(text: str) -> None:
    assert_kept(text)


def test_a_salutation_is_no_sign_off() -> None:
    assert not is_sign_off("Dear Ms Carter,") and not is_sign_off("Exma. Senhora Vereadora,")
    assert is_sign_off("Yours sincerely,") and is_sign_off("Cumprimentos,")


def test_the_chrome_screen_passes_the_sixteenth_probe_chrome() -> None:
    texts = [text for text, _kind in CHROME] + DETAIL_LINES
    for position in (Position(15, 30), Position(1, 30), Position(29, 30)):
        assert_screen_passes(texts, position)


def _texts(app: Flask) -> list[str]:
    return [task["data"]["text"] for task in label_studio_tasks(app)]


LETTER = """Harbour Road Surgery
Unit 2, Quay House · Tel 01632 960 111 · www.harbourroadsurgery.nhs.uk
Our ref: HR/ACC/2025/77
Dear Mr Patel,
Repeat prescription request for March
Your repeat prescription has been sent to the pharmacy you chose and will be ready to collect from Thursday.
Yours sincerely,
Dr Anna Lewis
"""


def test_a_letters_subject_under_its_salutation_stays(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _texts(app_of_pages(make_app, tmp_path / "pages", {"carta.txt": LETTER}))
    # The subject line under "Dear ...," is no e-mail signature, though contact details are above it.
    assert "Repeat prescription request for March" in texts
    assert "Our ref: HR/ACC/2025/77" not in texts and not any("Quay House" in text for text in texts)


INLINE_READ_ALSO = """Câmara aprova novo plano de mobilidade para o centro
A Câmara Municipal aprovou na terça-feira o plano que fecha ao trânsito três ruas do centro histórico a partir de junho.
Leia também
Obras na ponte velha começam em abril
O vereador disse ainda que os moradores terão cartões de acesso gratuitos para as ruas fechadas.
A oposição votou contra e pediu um estudo do impacto no comércio local.
"""

POST_LIST = """# Como escolhemos os nossos fornecedores
Visitamos cada produtor antes de assinar o primeiro contrato, e voltamos todos os anos na colheita.
Mais publicações de Mercado do Bairro
Um ano de cabazes
Contamos o que correu bem e o que correu mal no primeiro ano. Spoiler: as couves.
Rita Sá · 2 de jan.
O nosso pão
Porque passámos a fazer o pão com farinha de moinho.
Rita Sá · 14 de dez.
© 2025 Mercado do Bairro
"""


def test_a_read_also_lists_teasers_go_and_the_story_under_a_list_goes_on(make_app: AppFactory,
                                                                         tmp_path: Path) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {"a_camara.txt": INLINE_READ_ALSO, "b_posts.txt": POST_LIST})
    texts = _texts(app)
    # Under the read-also box's one title the story continues: its paragraphs stay.
    assert texts[2:4] == ["O vereador disse ainda que os moradores terão cartões de acesso gratuitos para as ruas fechadas.",
                          "A oposição votou contra e pediu um estudo do impacto no comércio local."]
    # Under "Mais publicações de ..." each entry's title, teaser and byline go.
    assert texts[4:] == ["Como escolhemos os nossos fornecedores",
                         "Visitamos cada produtor antes de assinar o primeiro contrato, e voltamos todos os anos na "
                         "colheita."]
    reasons = {item["text"]: item["reason"] for item in excluded_listing(app)["excluded"]}
    assert "a title's teaser" in reasons["Porque passámos a fazer o pão com farinha de moinho."]


def _fixture(make_app: AppFactory, tmp_path: Path, name: str) -> list[str]:
    return _texts(app_of_pages(make_app, tmp_path / "pages", {name: (UNSEEN / name).read_text(encoding="utf-8")}))


TRUTH = json.loads((UNSEEN / ".probe16_truth.json").read_text(encoding="utf-8"))


def _normal(line: str) -> str:
    return " ".join(line.lstrip("#").replace("**", "").split())


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_studied_page_gives_its_truth(make_app: AppFactory, tmp_path: Path, name: str) -> None:
    texts = [_normal(text) for text in _fixture(make_app, tmp_path, name)]
    truth = TRUTH[name]
    real = [_normal(line) for line in truth["real"]]
    either = {_normal(line) for line in truth["either"]}
    # Every real line is a task (an HTML page's quote may hold its marks), in order; nothing else but lines that may
    # go either way.
    assert [text for text in texts if text not in either] == real
