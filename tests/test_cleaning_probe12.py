"""Cleaning rules of the twelfth probe (1 December 2026), on small texts written for these tests and on its six
studied pages kept in fixtures/unseen (a match report with a results box, a newsletter post, a tax-help page, a
Reddit-like thread, a recipe, a tech blog with comments)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position, boilerplate_reason, is_result_line
from server.tasks import excluded_listing, label_studio_tasks
from tests.test_preload import app_of_pages, assert_left_out, assert_screen_passes

AppFactory = Callable[..., Flask]
UNSEEN = Path(__file__).parent.parent / "fixtures" / "unseen"

CHROME = [
    # A news site's stamp with the month abbreviated or in Portuguese, and the hour.
    ("23 fev 2026, 22:48", "byline or credit"),
    ("7 Out 2025, 08h15", "byline or credit"),
    ("3 Sept. 2025", "byline or credit"),
    ("12 dezembro 2025", "byline or credit"),
    # A betting ad: its offer and the responsible-gambling line it must carry.
    ("Aposte já na Taça e receba 30€ em apostas grátis. +18. Jogue com responsabilidade.", "advertisement"),
    ("Get £20 in free bets when you bet £10 on the derby. 18+ BeGambleAware.org. Please gamble responsibly.",
     "advertisement"),
    # pt-PT's call for contact, with a phone number.
    ("Contacte-nos através do formulário ou ligue 808 200 300, dias úteis.", "contact prompt"),
    # A post's closing appeal to a reader who liked it, and the support it asks for.
    ("If you liked this article, consider sponsoring me on GitHub.", "subscribe prompt"),
    # A platform's line under a public post.
    ("This post is public so feel free to share it.", "share prompt"),
    ("Esta edição é pública, fique à vontade para compartilhar.", "share prompt"),
    # A thread's call to log in to take part.
    ("Entre para comentar", "account notice"),
    ("Inicie sessão para comentar", "account notice"),
    # A list's heading whose topic is a forum or a handle.
    ("Mais posts de r/viagens", "read-also prompt"),
    ("More posts from @ana_costa", "read-also prompt"),
]


@pytest.mark.parametrize(("text", "kind"), CHROME)
def test_twelfth_probe_chrome_is_recognised(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind)


@pytest.mark.parametrize(
    "text",
    [
        # A date opening a sentence, a date with its event.
        "23 fev 2026 foi o dia em que o clube voltou a vencer em casa.",
        "7 Out 2025, 21h: concerto da Orquestra do Norte no Teatro Circo",
        # One cue of the new kinds in prose is a topic.
        "A lei obriga os sites a mostrar a frase jogue com responsabilidade em cada anúncio de apostas.",
        "The odds of a flood this winter are one in ten, the agency said.",
        "Thousands liked this post within an hour, according to the police.",
        "The paper now has 40,000 paid subscribers, up from 31,000 last year.",
        "Contacte a junta de freguesia através do site para marcar a vistoria.",
        "Feel free to share the road with cyclists, the mayor said, but slow down near the school.",
        "Entre para comentar as obras, o presidente da câmara chegou às 10h.",
        # A report's own score stands alone.
        "Braga 2-1 Vitória SC.",
    ],
)
def test_twelfth_probe_content_stays(text: str) -> None:
    assert boilerplate_reason(text, Position(15, 20)) is None


def test_the_chrome_screen_passes_the_twelfth_probe_chrome() -> None:
    assert_screen_passes([text for text, _kind in CHROME], Position(15, 20))


def test_a_result_line_is_a_score_between_two_teams() -> None:
    assert is_result_line("FC Porto 1-0 Rio Ave") and is_result_line("Pouso Alegre 2 x 1 Boa Esporte")
    assert not is_result_line("Braga 2-1 Vitória SC.") and not is_result_line("Sporting 56")
    assert not is_result_line("O Braga venceu 2-1 o Vitória")


def _fixtures(make_app: AppFactory, tmp_path: Path, *names: str) -> list[str]:
    pages = {name: (UNSEEN / name).read_text(encoding="utf-8") for name in names}
    app = app_of_pages(make_app, tmp_path / "pages", pages)
    return [task["data"]["text"] for task in label_studio_tasks(app)]


REPORT = """Futebol › Liga 3
Académico vence em Viseu e sobe ao segundo lugar
Por Rui Matos
O Académico de Viseu venceu o Fafe por 3-1 no Fontelo, num jogo resolvido na segunda parte, com dois golos de \
bola parada e uma defesa que segurou a vantagem até ao apito final.
Resultados da jornada 14
Torreense 0-0 Sanjoanense
Amarante 2-1 Trofense
Académico 3-1 Fafe
O treinador elogiou a reação da equipa depois do golo sofrido logo aos cinco minutos, e pediu aos adeptos que \
encham o estádio no próximo domingo.
Académico 3-1 Fafe.
A equipa joga no domingo em Braga, frente ao Vilaverdense, às 15h00.
Comentários (4)
Mais lidas
Viseu recebe a Volta a Portugal em agosto
© 2026 Beira Desporto
"""


def test_a_box_of_results_and_its_heading_go_and_the_reports_own_score_stays(
        make_app: AppFactory, tmp_path: Path) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {"relato.txt": REPORT})
    texts = [task["data"]["text"] for task in label_studio_tasks(app)]
    # The box sits between paragraphs, where a table's cells are content: its results are not.
    assert texts[-4:] == [
        "O Académico de Viseu venceu o Fafe por 3-1 no Fontelo, num jogo resolvido na segunda parte, com dois golos de "
        "bola parada e uma defesa que segurou a vantagem até ao apito final.",
        "O treinador elogiou a reação da equipa depois do golo sofrido logo aos cinco minutos, e pediu aos adeptos que "
        "encham o estádio no próximo domingo.",
        "Académico 3-1 Fafe.", "A equipa joga no domingo em Braga, frente ao Vilaverdense, às 15h00."]
    reasons = {item["text"]: item["reason"] for item in excluded_listing(app)["excluded"]}
    assert reasons["Resultados da jornada 14"].startswith("the heading of a box of results")
    assert reasons["Torreense 0-0 Sanjoanense"].startswith("a match's result in a box of 3 or more")


COLUMN = """Opinião
A biblioteca do bairro merece mais do que promessas
Por Marta Sousa
A biblioteca do bairro abriu em 1987 e nunca teve um orçamento próprio. Vive de doações, de voluntários e da \
paciência de quem lá trabalha há décadas sem saber se o contrato será renovado.
Na semana passada, a câmara prometeu obras para o próximo ano. Não é a primeira vez que o ouvimos, e os leitores \
que lá passam as tardes merecem mais do que um anúncio.
Publicidade
Quem quiser ajudar pode seguir a biblioteca no Facebook, onde são anunciadas as recolhas de livros.
Partilhar
© 2026 Jornal do Bairro
"""


def test_a_storys_last_paragraph_under_an_ad_slot_stays(make_app: AppFactory, tmp_path: Path) -> None:
    # Under chrome and over chrome alone, with a cue ("Facebook"), but the chrome above is an ad slot.
    app = app_of_pages(make_app, tmp_path / "pages", {"coluna.txt": COLUMN})
    texts = [task["data"]["text"] for task in label_studio_tasks(app)]
    assert texts[-1].startswith("Quem quiser ajudar pode seguir a biblioteca no Facebook")


def test_a_match_report_keeps_its_story_and_score_only(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _fixtures(make_app, tmp_path, "relato_braga_guimaraes.txt")
    assert texts[0] == "Braga vence dérbi minhoto e sobe ao terceiro lugar"
    assert texts[-2:] == [
        "Com esta vitória, o Braga soma 48 pontos e ultrapassa o Vitória na tabela, a três jornadas do fim da primeira "
        "volta da época seguinte.",
        "Braga 2-1 Vitória SC.",
    ]
    assert len(texts) == 7


def test_a_newsletters_tail_goes_with_its_paid_tier_pitch(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _fixtures(make_app, tmp_path, "newsletter_field_notes.md")
    assert texts[-1].startswith("Split fruit is still good to eat") and len(texts) == 6


def test_a_help_page_ends_with_its_last_answer(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _fixtures(make_app, tmp_path, "ajuda_portal_financas.html")
    assert texts[-1].startswith("O reembolso pode ficar retido") and len(texts) == 8


def test_a_thread_keeps_its_posts_and_drops_its_login_prompt_and_other_posts(
        make_app: AppFactory, tmp_path: Path) -> None:
    texts = _fixtures(make_app, tmp_path, "thread_mochilao_pt.txt")
    assert texts[-1] == "Valeu demais!" and len(texts) == 7


def test_a_tech_posts_sponsor_appeal_goes_and_its_comments_stay(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _fixtures(make_app, tmp_path, "blog_sqlite_wal.md")
    assert texts[-2:] == [
        "Did you measure with synchronous=FULL as well? NORMAL can lose the last transaction on power failure.",
        "Yes: FULL was 61 ms per batch, still much better than before.",
    ]
    assert not any(text.startswith("If you liked") for text in texts)
