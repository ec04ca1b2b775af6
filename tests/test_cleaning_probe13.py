"""Cleaning rules of the thirteenth probe (1 December 2026), on small texts written for these tests and on its six
studied pages kept in fixtures/unseen (a forwarded e-mail newsletter, a pt-PT news page behind a cookie wall, a gov.br
notice, a LinkedIn-style post, a cooking video's transcript page, a WordPress post with its comment form)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position, mail_field
from server.tasks import excluded_listing, label_studio_tasks
from tests.test_preload import app_of_pages, assert_kept, assert_left_out, assert_screen_passes

AppFactory = Callable[..., Flask]
UNSEEN = Path(__file__).parent.parent / "fixtures" / "unseen"

CHROME = [
    # A mailing's call to pass it on, in more words than "forward to a friend".
    ("Forward this newsletter to a colleague who would enjoy it.", "mailing notice"),
    ("Encaminhe este e-mail para um amigo que gosta de jardinagem.", "mailing notice"),
    # A newsletter's heading over what it ran before.
    ("ICYMI", "read-also prompt"),
    # A video's call for likes and comments.
    ("Deixa seu like e comenta aqui embaixo o que você achou!", "subscribe prompt"),
    ("Smash that like button and let me know in the comments!", "comments prompt"),
    # A comment form's consent box and its required fields.
    ("Salvar meus dados neste navegador para a próxima vez que eu comentar.", "account notice"),
    ("Nome * E-mail * Site", "account notice"),
    # A social network's profile line and its activity lines.
    ("Ana Beatriz Lopes • 3º+", "profile card"),
    ("Marcos Vieira curtiu isso", "social activity"),
    ("Jordan Lee commented on this", "social activity"),
    # The sign-language widget of Brazilian public sites.
    ("Este portal é acessível em Libras por meio do VLibras.", "navigation"),
    # An affiliate label before its links: the links' addresses are no words.
    ("Produtos citados (links de afiliado): [panela de ferro](https://amzn.to/abc123) | [tábua](https://amzn.to/def456)",
     "disclaimer"),
]


@pytest.mark.parametrize(("text", "kind"), CHROME)
def test_thirteenth_probe_chrome_is_recognised(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind)


@pytest.mark.parametrize(
    "text",
    [
        # The cue phrases inside sentences of a story.
        "In case you missed it, the council voted on Tuesday to close the pool for the summer.",
        "Deixa eu ver se entendi: o prazo acaba na segunda-feira, e o like não conta como voto."
        "The minister reposted this morning's figures on her own account.",
        "Thousands liked this post within an hour, according to the police.",
        "A Libras é a língua brasileira de sinais, reconhecida por lei em 2002.",
        # A sentence with links and one ordinary cue word, counted by its links' text.
        "The trust shares its eel counts on [its website](https://example.org/eels/2026/counts) and on "
        "[Mastodon](https://mastodon.social/@rivertrust) every Friday.",
        # A profile line's degree needs its bar; a race's order does not read as one.
        "Lando Norris finished 2nd",
    ],
)
def test_thirteenth_probe_content_stays(text: str) -> None:
    assert_kept(text)


def test_the_chrome_screen_passes_the_thirteenth_probe_chrome() -> None:
    for position in (Position(15, 30), Position(1, 30)):
        assert_screen_passes([text for text, _kind in CHROME], position)


def test_a_mail_field_is_a_label_and_its_colon_near_the_start() -> None:
    assert mail_field("Enviado em: sexta-feira, 6 de março de 2026 07:02") == "enviado em"
    assert mail_field("Subject: Issue 112") == "subject" and mail_field("De: Ana <ana@example.org>") == "de"
    assert mail_field("Desde então: nada mudou") is None and mail_field("Data de entrega: 12/03") is None


def _texts(app: Flask) -> list[str]:
    return [task["data"]["text"] for task in label_studio_tasks(app)]


FORWARDED = """Pessoal, segue o aviso da escola sobre a reunião. Quem puder ir, me avise.
De: Secretaria Escola Estadual Rui Barbosa
Enviado em: sexta-feira, 6 de março de 2026 07:02
Para: Pais e responsáveis do 5º ano
Assunto: Reunião de pais na terça-feira
Prezados pais, a reunião do 5º ano será na terça-feira, dia 10, às 19h, no auditório da escola.
Vamos apresentar o calendário de provas e a viagem de estudos a Ouro Preto, prevista para maio.
"""

LISTING = """Oficina de cerâmica para crianças no centro cultural
Data: sábado, 14 de março, às 10h
Local: Centro Cultural da Vila, sala 2
Para: crianças de 6 a 12 anos
As inscrições são gratuitas e feitas na recepção do centro cultural, até quinta-feira, com um adulto responsável.
"""


def test_a_forwarded_emails_header_goes_and_an_events_fields_stay(make_app: AppFactory, tmp_path: Path) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {"encaminhado.txt": FORWARDED, "oficina.txt": LISTING})
    texts = _texts(app)
    # The header has no address and no cue: its fields in a row, a sender and a subject among them, make it one.
    assert texts[:3] == [
        "Pessoal, segue o aviso da escola sobre a reunião. Quem puder ir, me avise.",
        "Prezados pais, a reunião do 5º ano será na terça-feira, dia 10, às 19h, no auditório da escola.",
        "Vamos apresentar o calendário de provas e a viagem de estudos a Ouro Preto, prevista para maio.",
    ]
    # A listing's "Data:", "Local:" and "Para:" have no sender nor subject.
    assert "Para: crianças de 6 a 12 anos" in texts and "Local: Centro Cultural da Vila, sala 2" in texts
    reasons = {item["text"]: item["reason"] for item in excluded_listing(app)["excluded"]}
    assert reasons["Assunto: Reunião de pais na terça-feira"].startswith("a field of an e-mail's header")


POST = """Rita Moreira • 2nd
Diretora de Operações na Vale Verde Cooperativa
2 sem • 🌐
Fechamos a safra de café com 18% a mais do que no ano passado, mesmo com a seca de agosto.
Carlos Souza • 1st
Gerente Comercial na Torrefação Serra Azul
Parabéns, Rita! Vi de perto o trabalho da equipe na colheita.
Juliana Prado • 3º+
Que notícia boa, parabéns a toda a equipe!
"""


def test_a_profile_lines_headline_goes_and_a_comment_under_it_stays(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _texts(app_of_pages(make_app, tmp_path / "pages", {"post.txt": POST}))
    # Only a short line under a profile line is its member's headline; a sentence right under it is a comment.
    assert texts == [
        "Fechamos a safra de café com 18% a mais do que no ano passado, mesmo com a seca de agosto.",
        "Parabéns, Rita! Vi de perto o trabalho da equipe na colheita.",
        "Que notícia boa, parabéns a toda a equipe!",
    ]


def test_a_forwarded_newsletter_keeps_its_note_and_story(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _texts(app_of_pages(make_app, tmp_path / "pages", {name: (UNSEEN / name).read_text(encoding="utf-8")
                                               for name in ("email_fwd_tideline.txt",)}))
    assert texts[:2] == ["Sam, forwarding this because of the bit about the Mill Lane weir. Worth a read before "
                         "Thursday's meeting.", "The eel ladders are working"]
    assert texts[-1].startswith("The council's environment committee will discuss") and len(texts) == 6


def _fixture(make_app: AppFactory, tmp_path: Path, name: str) -> list[str]:
    return _texts(app_of_pages(make_app, tmp_path / "pages", {name: (UNSEEN / name).read_text(encoding="utf-8")}))


def test_a_gov_notice_drops_its_sign_language_widget(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _fixture(make_app, tmp_path, "aviso_residencia_saude.html")
    assert texts[-1].startswith("Os candidatos com deficiência têm 10% das vagas") and len(texts) == 5


def test_a_social_post_keeps_its_post_list_and_comment(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _fixture(make_app, tmp_path, "linkedin_streaming_post.txt")
    assert texts[0].startswith("After 14 months, we switched off")
    assert texts[-1] == "Week seven bugs are always the worst ones. Congratulations to the whole team!"
    assert len(texts) == 7


def test_a_video_recipe_keeps_its_ingredients_and_transcript(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _fixture(make_app, tmp_path, "video_bolo_fuba.md")
    assert texts[3:5] == ["4 ovos", "2 xícaras de leite"]
    assert texts[-1].startswith("[05:50] Olha que lindo!") and len(texts) == 15


def test_a_wordpress_post_keeps_its_comments_and_drops_its_form(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _fixture(make_app, tmp_path, "wordpress_spring_hives.html")
    assert texts[-1] == "Possibly. Mine arrived during that week too. Let's compare notes at the meeting."
    assert len(texts) == 7


def test_a_pt_pt_news_page_keeps_its_story(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _fixture(make_app, tmp_path, "noticia_barragem_roxo.txt")
    assert texts[0] == "Barragem do Roxo chega aos 60% e afasta restrições à rega" and len(texts) == 5
