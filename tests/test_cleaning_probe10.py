"""Cleaning rules of the tenth probe (1 December 2026), on small texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position, boilerplate_reason, could_be_heading
from server.tasks import label_studio_tasks
from tests.test_preload import app_of_pages, assert_left_out, assert_screen_passes

AppFactory = Callable[..., Flask]

CHROME = [
    # A job posting's equal-opportunity statement: two cues.
    ("A empresa está comprometida com a diversidade. Todas as candidaturas serão consideradas sem distinção de raça, "
     "gênero ou idade.", "disclaimer"),
    ("We are an equal opportunity employer. All qualified applicants will receive consideration for employment.",
     "disclaimer"),
    # Office hours after a phone number on a contact footer's line.
    ("Telefone: (11) 3333-4444 · Horário de atendimento: segunda a sexta, das 9h às 17h", "byline or credit"),
    # A byline whose date opens with the weekday.
    ("*By Rachel Odum · Tue 10 Mar 2026 06.00 GMT*", "byline or credit"),
    ("Por Ana Lima · qui., 5 mar. 2026", "byline or credit"),
    # A search box's placeholder listing what to search.
    ("Search titles, people, genres…", "button or link label"),
    ("Buscar vagas, empresas, cidades...", "button or link label"),
    # A booking's or event's buttons (fragments kept as a section's heading before).
    ("Add to calendar", "button or link label"),
    ("Adicionar à agenda", "button or link label"),
    ("Print itinerary", "button or link label"),
    # An upsell box closed by its button.
    ("Save up to 25% on hotels in Boston. Book now", "advertisement"),
    # Lists of earlier records.
    ("Atas anteriores", "read-also prompt"),
    ("Previous minutes", "read-also prompt"),
    # An opinion page's call for letters.
    ("Do you have an opinion on the issues raised in this article? If you would like to submit a response of up to 300 "
     "words by email to be considered for publication in our letters section, please click here.", "contact prompt"),
    # An episode's length alone under its title, a drop-down's arrow.
    ("52m", "byline or credit"),
    ("1h 45m", "byline or credit"),
    ("Season 2 ▾", "button or link label"),
]


@pytest.mark.parametrize(("text", "kind"), CHROME)
def test_tenth_probe_chrome_is_recognised(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind)


def test_a_trail_of_four_crumbs_may_pass_through_one_long_section_name() -> None:
    assert_left_out("Assuntos > Saúde de A a Z > HPV > Perguntas frequentes", "navigation", "a menu")
    # Two long items make no breadcrumb; nor does one of more than six words.
    assert boilerplate_reason("Cursos > Saúde de A a Z > Ciência de dados aplicada > Turmas", Position(5, 20)) is None
    assert boilerplate_reason("Cursos > Tudo o que você precisa saber antes > HPV > Turmas", Position(5, 20)) is None


@pytest.mark.parametrize(
    "text",
    [
        # One cue in prose is a topic, not a notice.
        "A empresa disse estar comprometida com a diversidade, mas só 3% dos cargos de chefia são de mulheres negras.",
        "Customers can save up to 25% on their energy bills by insulating the loft, the report says.",
        "The library opening hours: 9am to 5pm on weekdays, and 10am to 1pm on Saturdays.",
        "By Tuesday 10 March, the council had voted twice on the plan.",
        "She printed the itinerary twice and still missed the bus to Porto.",
    ],
)
def test_tenth_probe_content_stays(text: str) -> None:
    assert boilerplate_reason(text, Position(5, 20)) is None


def test_the_chrome_screen_passes_the_tenth_probe_chrome() -> None:
    texts = [text for text, _kind in CHROME]
    for position in (Position(0, 1), Position(10, 20)):
        assert_screen_passes(texts, position)


def test_an_ordinal_indicator_does_not_make_an_office_lower_case() -> None:
    assert could_be_heading("1ª Secretária") and could_be_heading("2º Tesoureiro")
    assert not could_be_heading("ª secretária")


def _tasks(make_app: AppFactory, tmp_path: Path, name: str, text: str) -> list[str]:
    app = app_of_pages(make_app, tmp_path / "pages", {name: text})
    return [task["data"]["text"] for task in label_studio_tasks(app)]


MINUTES = """Câmara Municipal de Vila Nova
Início | Vereadores | Leis | Sessões | Contato
Ata da 3ª Sessão Ordinária de 2026
Aos dez dias do mês de março, reuniram-se os vereadores no plenário da Câmara Municipal, sob a presidência do vereador Carlos Lemos.
O Projeto de Lei nº 4/2026 foi aprovado por unanimidade, e nada mais havendo a tratar, o presidente encerrou a sessão.
Carlos Lemos
Presidente
Beatriz Souza Prado
1ª Secretária
Compartilhar: Facebook | WhatsApp
© 2026 Câmara Municipal de Vila Nova
"""


def test_a_second_signature_under_the_first_is_kept(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _tasks(make_app, tmp_path, "ata.txt", MINUTES)
    assert texts[-4:] == ["Carlos Lemos", "Presidente", "Beatriz Souza Prado", "1ª Secretária"]


README = """# Tidepool

Tidepool reads tide-gauge records from national monitoring networks into tidy tables.

```
pip install tidepool
```

Gaps of up to six hours are filled by harmonic interpolation.
"""


def test_a_fenced_code_block_of_a_few_words_is_content(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _tasks(make_app, tmp_path, "tidepool.md", README)
    assert "pip install tidepool" in texts


# Kinds of chrome the blind check of four pages still kept (added after it).
CHROME_AFTER_BLIND_CHECK = [
    # A series' previous and next links, with their titles.
    ("Previous talk: Open budgets in practice", "navigation"),
    ("Next article: Why the river flooded twice", "navigation"),
    ("Próxima notícia: Prefeitura anuncia obras na avenida", "navigation"),
    ("Post anterior: Como plantar tomates na varanda", "navigation"),
    ("« Anterior: Câmara aprova orçamento de 2027", "button or link label"),
    ("Próxima notícia em destaque »", "button or link label"),
    # A page's feedback widget.
    ("Is this page useful? Yes No", "button or link label"),
    ("Did you find this article helpful? Yes No", "button or link label"),
    ("Você achou este conteúdo útil? Sim Não", "button or link label"),
    # An event's schedule buttons.
    ("Add to my schedule", "button or link label"),
    ("Adicionar à minha programação", "button or link label"),
    # A list of other stories headed by what they are about.
    ("Mais notícias da Série B", "read-also prompt"),
    ("More news from Leeds", "read-also prompt"),
    # Who reviewed a health page.
    ("*Revisado por farmacêutica Dra. Paula Mendes · Atualizado em 4 de junho de 2026*", "byline or credit"),
    ("Medically reviewed by Dr. Aisha Grant", "byline or credit"),
]


@pytest.mark.parametrize(("text", "kind"), CHROME_AFTER_BLIND_CHECK)
def test_chrome_kept_by_the_blind_check_is_recognised(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind)


@pytest.mark.parametrize(
    "text",
    [
        "The next step is to test it.",
        "Próxima aula: terça-feira, 14h, na sala 3.",
        "No próximo ano, a agenda do governo deve priorizar a saúde e a educação.",
        "Was this a good idea? Experts disagree.",
        "Is this useful? Many readers asked us the same thing.",
        "«Anterior» é a palavra que ele usou para descrever o governo.",
        "Revisado por especialistas, o texto foi aprovado pela Anvisa em 2024.",
        "Mais notícias sobre a greve chegam a cada hora.",
        "Slides will be available after the talk.",
        # A text quoting a page's widget (this README's line on a fixture).
        '"Published"/"Last updated ... + show all updates", "Is this page useful?", the licence footer. "Local transport',
    ],
)
def test_content_like_the_blind_check_chrome_stays(text: str) -> None:
    assert boilerplate_reason(text, Position(5, 20)) is None


def test_the_chrome_screen_passes_the_chrome_kept_by_the_blind_check() -> None:
    assert_screen_passes([text for text, _kind in CHROME_AFTER_BLIND_CHECK], Position(10, 20))


MATCH_REPORT = """Placar Esportivo
Ponte Preta 2 x 1 Avaí: a Macaca vence em casa e sobe na tabela
Jogando no Moisés Lucarelli, a Ponte Preta venceu o Avaí por 2 a 1 na noite deste sábado, pela 24ª rodada da Série B.
Os gols saíram no segundo tempo, e o Avaí ainda descontou nos acréscimos, sem tempo para buscar o empate.
Com o resultado, a Ponte chega a 38 pontos e entra no grupo dos quatro primeiros colocados.
Mais notícias da Série B
Chapecoense anuncia novo técnico
Novorizontino perde invencibilidade em casa
© 2026 Placar Esportivo. Todos os direitos reservados.
"""


def test_a_list_of_other_stories_headed_by_their_topic_is_left_out(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _tasks(make_app, tmp_path, "partida.txt", MATCH_REPORT)
    assert texts[-1] == "Com o resultado, a Ponte chega a 38 pontos e entra no grupo dos quatro primeiros colocados."
