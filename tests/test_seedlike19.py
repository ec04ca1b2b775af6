"""Seed-shaped probe 19 (fixtures/seedlike19: six posts copied from a news aggregator, a WhatsApp channel, Medium, a
forum, Reddit and a Google Translate view, each with its chrome and the post again): what it found, as general
features, each with a guard that must not change. The texts of the rule tests are written for these tests, not the
probe's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position
from server.tasks import excluded_listing, label_studio_tasks
from tests.test_entities import entities
from tests.test_preload import app_of_pages, assert_kept, assert_left_out, assert_screen_passes

AppFactory = Callable[..., Flask]
SEEDLIKE19 = Path(__file__).parent.parent / "fixtures" / "seedlike19"


def _texts(make_app: AppFactory, tmp_path: Path, pages: dict[str, str]) -> list[str]:
    return [" ".join(task["data"]["text"].split())
            for task in label_studio_tasks(app_of_pages(make_app, tmp_path / "pages", pages))]


# ------------------------------------------------------------------ cleaning: a post's closing line

POST = [
    "Calor recorde em Lisboa:",
    "O IPMA registou 44,1 graus na Amareleja na terça-feira, o valor mais alto desde 2003, e prevê mais três dias de "
    "aviso vermelho em oito distritos.",
    "A REN disse que o consumo de eletricidade bateu o máximo do ano às 15h, com 9,2 gigawatts, puxado pelo ar "
    "condicionado.",
]


@pytest.mark.parametrize("closing", ["Será que a rede aguenta mais um verão assim? 🤔",
                                     "Fiquem atentos aos avisos. 🥵🔥", "Bom fim de semana a todos! 👋🏽"])
def test_a_posts_closing_line_with_an_emoji_stays_when_the_post_repeats(
        make_app: AppFactory, tmp_path: Path, closing: str) -> None:
    # The line ends its sentence before its emoji: a sentence, not a signature under two posts.
    page = "\n".join(["Canal do Tempo", "12,4 mil seguidores", *POST, closing, "14:32", "Encaminhada", *POST, closing])
    texts = _texts(make_app, tmp_path, {"post.txt": page})
    assert texts == [*POST, closing]


@pytest.mark.parametrize("line", ["Fica a dica. 💡", "Bora! 🚀🚀", "Stay tuned. 👀"])
def test_a_short_sentence_before_its_emoji_is_no_fragment(line: str) -> None:
    # A sentence of three words or fewer ends before its emoji, as "Fica a dica." does.
    assert_kept(line)


@pytest.mark.parametrize("label", ["Próxima parte 👇", "Link na bio 🔗", "Parte 2 ➡️"])
def test_guard_a_label_with_an_emoji_is_still_a_fragment(label: str) -> None:
    assert_left_out(label, "fragment", "without sentence punctuation")


def test_guard_a_signature_with_an_emoji_under_two_posts_goes(make_app: AppFactory, tmp_path: Path) -> None:
    signature = "Um abraço da equipa do Canal do Tempo 🌤️"
    other = "A Proteção Civil pediu aos idosos que evitem sair de casa entre as 11h e as 17h, segundo o comunicado."
    page = "\n".join(["Canal do Tempo", "12,4 mil seguidores", *POST, signature, "14:32", other, signature])
    app = app_of_pages(make_app, tmp_path / "pages", {"feed.txt": page})
    assert signature not in [task["data"]["text"] for task in label_studio_tasks(app)]
    reasons = [item["reason"] for item in excluded_listing(app)["excluded"] if item["text"] == signature]
    assert reasons and all("signature" in reason for reason in reasons)


# ------------------------------------------------------------------ cleaning: a channel's name again over the copy

def test_a_channels_name_from_the_pages_top_goes_again_over_the_posts_copy(make_app: AppFactory, tmp_path: Path) -> None:
    # Left out at the top as a label, its copy over the repeated post is no heading of it.
    page = "\n".join(["Canal", "Tempo Hoje PT", "Canal · 12,4 mil seguidores", "Encaminhada", *POST, "14:32",
                      "Encaminhada", "Tempo Hoje PT", *POST])
    assert _texts(make_app, tmp_path, {"post.txt": page}) == POST


def test_guard_a_heading_in_the_body_stays(make_app: AppFactory, tmp_path: Path) -> None:
    # A name over a short line of the body, not one of the header's labels: kept as its heading.
    page = "\n".join(["Canal", "Tempo Hoje PT", "Canal · 12,4 mil seguidores", *POST, "Proteção Civil",
                      "Evitem sair de casa entre as 11h e as 17h.", POST[1].replace("44,1", "45,2")])
    assert "Proteção Civil" in _texts(make_app, tmp_path, {"post.txt": page})


# ------------------------------------------------------------------ cleaning: cues

CHROME = [
    # A profile's other posts, under the post: "Mais de <name>" alone (with its publication it was one already).
    ("Mais de Tech Lab Brasil", "read-also prompt"),
    ("Mais de Joana Prates", "read-also prompt"),
    ("Mais do Diário Tech", "read-also prompt"),
    # A forum member's card: when the member joined ("Member since 2016" was a byline already).
    ("Registado: 12 Mar 2019", "member's card"),
    ("Registrado em: 03/05/2021", "member's card"),
    ("Joined: Sep 2018", "member's card"),
    # A quoted post's control and a thread's wall to its reply box.
    ("Clique para expandir...", "button or link label"),
    ("Clique para expandir…", "button or link label"),
    ("Tem de iniciar sessão ou registar-se para responder aqui.", "account notice"),
    ("Você precisa fazer login ou se cadastrar para responder aqui.", "account notice"),
    ("You must log in or register to reply here.", "account notice"),
    # A translation widget's feedback line and a machine translation's disclaimer.
    ("Your feedback will be used to help improve Google Translate", "button or link label"),
    ("O seu feedback será usado para ajudar a melhorar o Google Tradutor", "button or link label"),
    ("Machine translated by Google. Translations may contain errors; the original text prevails. Google disclaims "
     "all warranties related to the translations, express or implied.", "disclaimer"),
    ("Traduzido automaticamente pelo Google. A tradução pode conter erros; o texto original prevalece. O Google "
     "isenta-se de todas as garantias relacionadas às traduções, expressas ou implícitas.", "disclaimer"),
    # Found blind: a post's reply box, and a federated server's line about itself.
    ("Responder a lucas.techbr...", "button or link label"),
    ("Reply to @ana_k…", "button or link label"),
    ("fosstodon.org is an English speaking Mastodon instance that is open to anyone who is interested in technology.",
     "navigation"),
    ("mastodon.pt é um servidor Mastodon português, aberto a todos os que falam a língua.", "navigation"),
]


@pytest.mark.parametrize(("text", "kind"), CHROME)
def test_probe19_chrome_is_recognised(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind)


@pytest.mark.parametrize(
    "text",
    [
        # The same words inside a story's sentences.
        "Mais de 300 pessoas participaram do protesto em Brasília, segundo a PM.",
        "Mais de metade dos alunos e professores faltou à aula na segunda-feira.",
        "Mais de Portugal do que de Espanha chegou ao mercado em 2026, disse o ministro.",
        "Registado em 2019, o partido elegeu dois deputados nas últimas eleições.",
        "She joined the company in 2019 and left in 2024.",
        "Clique para expandir a lista de candidatos e veja os números de cada um.",
        "Users must log in or register to reply, the company said, after a wave of spam.",
        "Your feedback helped us improve the app, the developer wrote in the notes.",
        "Google said machine translation now covers 249 languages.",
        "A tradução automática do Google passou a cobrir 249 línguas, disse a empresa.",
        "The original text of the treaty prevails over its translations, the court ruled.",
        "Responder a todos os e-mails leva tempo, admitiu o diretor.",
        "Fosstodon is a Mastodon server that grew 40% after the sale of Twitter, its admin said in a post.",
    ],
)
def test_probe19_words_in_sentences_stay(text: str) -> None:
    assert_kept(text)


def test_the_chrome_screen_passes_probe19_chrome() -> None:
    texts = [text for text, _kind in CHROME]
    for position in (Position(15, 30), Position(1, 30), Position(29, 30)):
        assert_screen_passes(texts, position)


def test_the_posts_copy_under_more_from_its_author_is_merged(make_app: AppFactory, tmp_path: Path) -> None:
    # "Mais de <author>" heads a list of links; the post's opening line again under it is the page repeated.
    hook = "Vem aí mais uma onda de calor?"
    page = "\n".join(["Ana Lima", "Seguir", "4 min de leitura", hook, *POST[1:], "Escrito por Ana Lima",
                      "Mais de Ana Lima", hook, *POST[1:]])
    tasks = label_studio_tasks(app_of_pages(make_app, tmp_path / "pages", {"post.txt": page}))
    assert [(task["data"]["text"], task["meta"]["copies"]) for task in tasks] == [(hook, 2), (POST[1], 2), (POST[2], 2)]


def test_titles_under_more_from_its_author_stay_out(make_app: AppFactory, tmp_path: Path) -> None:
    # Other posts under it stay out as its links, the page's own line ending the list only.
    page = "\n".join(["Ana Lima", "Seguir", "4 min de leitura", "Vem aí mais uma onda de calor?", *POST[1:],
                      "Mais de Ana Lima", "Como poupar água no verão", "Os melhores miradouros de Lisboa"])
    texts = _texts(make_app, tmp_path, {"post.txt": page})
    assert texts == ["Vem aí mais uma onda de calor?", *POST[1:]]


# ------------------------------------------------------------------ claims

def test_a_stressed_first_person_belief_is_an_opinion() -> None:
    from tests.test_claims import claimed

    assert not claimed("I honestly think the export controls are making the Chinese labs better at efficiency, "
                       "not worse.", "export controls", "en")
    assert not claimed("I really believe Nvidia will sell 40% more chips in China next year.", "Nvidia", "en")
    assert not claimed("We still think the merger cut prices by 12% in two years.", "merger", "en")


def test_guard_a_reported_belief_is_still_a_claim() -> None:
    from tests.test_claims import claimed

    assert claimed("Nvidia's chief executive said he honestly thinks China will buy 40% of its chips.", "Nvidia", "en")
    assert claimed("The company really expanded: it sold 1.3 million H20 chips in the first half.", "H20", "en")


# ------------------------------------------------------------------ entities

def test_an_unnamed_group_opening_a_sentence_is_no_organisation(make_app: AppFactory) -> None:
    from tests.test_seedlike_annotators import predict

    app = make_app()
    found = entities(predict(app, "Industry insiders told 36Kr that Tencent has ordered about 230,000 Nvidia H20 chips "
                                  "this year, the most of any Chinese company.")[0])
    assert ("36Kr", "ORG") in found and ("Tencent", "ORG") in found
    assert not any(text.startswith("Industry") for text, _label in found)
    # Chinese business media, in the gazetteer.
    found = entities(predict(app, "Caixin reported the orders first, and Yicai confirmed them on Friday.")[0])
    assert {("Caixin", "ORG"), ("Yicai", "ORG")} <= found


def test_guard_a_name_opening_a_sentence_stays(make_app: AppFactory) -> None:
    from tests.test_seedlike_annotators import predict

    app = make_app()
    found = entities(predict(app, "Goldman Sachs analysts said Nvidia could sell 1.5 million chips in China this "
                                  "year. Tencent executives declined to comment.")[0])
    assert ("Goldman Sachs", "ORG") in found and ("Tencent", "ORG") in found


def test_a_name_apposed_to_a_model_or_chip_is_its_product(make_app: AppFactory) -> None:
    from tests.test_seedlike_annotators import predict

    app = make_app()
    found = entities(predict(app, "Meanwhile Meta delayed its largest Llama 4 model, Behemoth, after internal tests "
                                  "showed it failed to beat DeepSeek-R1 on reasoning benchmarks.")[0])
    assert ("Behemoth", "PRODUCT") in found and ("Meta", "ORG") in found


def test_guard_a_place_after_a_comma_stays_a_place(make_app: AppFactory) -> None:
    from tests.test_seedlike_annotators import predict

    app = make_app()
    found = entities(predict(app, "Nvidia built the chip in Taiwan, Hsinchu, and shipped the model to customers in "
                                  "Texas, Austin, last month.")[0])
    assert not any(label == "PRODUCT" for _text, label in found)


# ------------------------------------------------------------------ the probe's posts

def assert_post_gives_its_truth(make_app: AppFactory, tmp_path: Path, folder: Path, name: str) -> None:
    """A seed-shaped probe's post gives the paragraphs of its truth (``folder/.truth.json``), each with its copies."""
    truth = json.loads((folder / ".truth.json").read_text(encoding="utf-8"))[name]
    with (folder / name).open(encoding="utf-8", newline="") as page:  # CRLF kept
        tasks = label_studio_tasks(app_of_pages(make_app, tmp_path / "pages", {name: page.read()}))
    assert [" ".join(task["data"]["text"].split()) for task in tasks] == [
        " ".join(p["text"].split()) for p in truth["paragraphs"]]
    copies = [1 + sum(line.get("para") == i and line["kind"] == "duplicate" for line in truth["lines"])
              for i in range(len(truth["paragraphs"]))]
    assert [task["meta"]["copies"] for task in tasks] == copies


@pytest.mark.parametrize("name", sorted(json.loads((SEEDLIKE19 / ".truth.json").read_text(encoding="utf-8"))))
def test_a_probe_post_gives_the_paragraphs_of_its_truth(make_app: AppFactory, tmp_path: Path, name: str) -> None:
    assert_post_gives_its_truth(make_app, tmp_path, SEEDLIKE19, name)
