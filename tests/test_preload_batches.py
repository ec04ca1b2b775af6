"""Preloading's batch machinery: the chrome screen, word hashes and near-duplicate sketches."""

from __future__ import annotations

import logging
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from flask import Flask

from server import boilerplate, preload
from server.analysis import _COMBINING_MARKS, WORD_TOKEN, fold, normalise
from server.batch_words import _word_bytes, batch_words, isin_sorted
from server.boilerplate import (
    _MENU_SEPARATORS, Position, _decide_chrome, chrome_suspects, find_cues, has_menu_separator,
)
from server.near_duplicates import NearDuplicateIndex, band_keys, similarity, sketches
from server.segmentation import segment
from server.tasks import excluded_listing, label_studio_tasks
from tests.conftest import FIXTURES

NO_ANNOTATORS = ["entities", "claims", "sentiment"]
CONTENT = [
    line for path in sorted((FIXTURES / "corpus").glob("*.txt")) + [FIXTURES / "seed" / "000_3734a0b2899233d0.txt"]
    for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
]
PARAGRAPHS = list(dict.fromkeys(
    line for line in CONTENT if len(line.split()) > 20 and _decide_chrome(line, Position(5, 12)) is None
))
# Chrome the screen must pass on to the full check: cues of every kind, at
# the start, inside long sentences, with accents, capitals and punctuation.
CHROME = [
    "Ver original", "Ver tradução", "Voltar ao topo", "Publicidade", "PUBLICIDADE", "Anúncio", "Carregar mais",
    "Foto: Agência Brasil", "Fonte: Reuters", "Deixe seu comentário", "Terms of Service", "Termos de uso",
    "Read also: the ten best beaches", "Leia também: Conta de luz deve subir 8% em 2025", "Tags: economia, clima",
    "Próxima página", "Por Mariana Souza", "By Daniel Okafor, for the Chronicle", "12/03/2025 09h41",
    "3 de março de 2025", "Publicado em 12/03/2025 às 09h41", "Updated 3 hours ago | 4 min read",
    "Início | Política | Economia | Esportes | Cultura", "Home  World  Business  Tech", "© 2025 Jornal do Sertão",
    "(c) 2024 Example Ltd", "Copyright 2025 The Riverside Chronicle. All rights reserved.",
    "Inscreva-se no canal e ative o sininho!", "Cadastre-se para receber as notícias", "Siga-nos no Instagram",
    "As opiniões expressas neste artigo não refletem necessariamente a posição do jornal.",
    "Este conteúdo não deve ser considerado aconselhamento financeiro nem recomendação de investimento.",
    "Esta página pode conter conteúdos de terceiros, fornecidos apenas para fins informativos, e não constituem "
    "aconselhamento financeiro.",
    "This article may contain third-party content, which is provided for informational purposes only and does "
    "not constitute professional advice, and the views expressed here do not necessarily reflect ours.",
    "Usamos cookies para melhorar sua experiência. Ao continuar navegando, você concorda com a nossa Política de "
    "Privacidade e com os Termos de Uso do portal, que podem mudar a qualquer momento sem aviso prévio.",
    "Sign up for our newsletter to get the latest local news delivered to your inbox every single morning, "
    "and enjoyed this article? Turn on notifications so that you never miss a story from the newsroom again.",
    "É proibida a reprodução total ou parcial deste conteúdo sem autorização; todos os direitos reservados ao "
    "grupo, que não se responsabiliza por conteúdos de terceiros publicados nos comentários abaixo.",
    "WhatsApp Facebook Twitter", "Compartilhe", "Share this article", "Log in", "Entrar", "Menu", "12",
    # The fourth probe's kinds: a long caption ending in its credit and an author box (each chrome alone, by
    # one cue, up to 40 and 80 words), price lines, hashtags, accessibility jumps, numbers alone.
    "O prefeito Carlos Mendes durante a inauguração da ponte sobre o rio Pardo, na manhã desta segunda-feira, ao "
    "lado de moradores do bairro Santa Cruz e de vereadores da cidade — Foto: Ana Lima/Prefeitura",
    "**Sobre mim:** Olá! Sou a Rita, lisboeta de gema, e escrevo o Malas Feitas desde 2016. Aqui partilho "
    "roteiros, dicas de transporte e os sítios onde os lisboetas comem de verdade, e respondo a todas as "
    "mensagens que me mandam.",
    "![Feijoada servida na panela de barro](feijoada.jpg)", "De R$ 399,90 por R$ 279,90 à vista no Pix",
    "ou 10x de R$ 27,99 sem juros no cartão", "Send us your messages using #CityMarathon", "Ir para a Busca 3",
    "+44 20 7946 0321 / +44 20 7946 0322", "Last updated 14 March 2025 + show all updates",
    "This press release contains forward-looking statements, including statements about the company's plans and "
    "expected growth. Actual results may differ materially from those expressed or implied in these statements, "
    "and the company undertakes no obligation to update them.",
    # The fifth probe's kinds: weekday datelines, newsroom bylines and contact lines, company and signature footers,
    # a repository page's lines, badges, breadcrumbs ending in a long title, menus with a cue word, link lines.
    "Saturday 12 April 2025, 5:14 pm", "quinta-feira, 6 de março de 2025", "Wessex FM News Team",
    "Got a story? Email news@wessexfm.com or call the newsroom on 01305 830000.",
    "Wessex FM is part of the Bauer Media Group. Registered office: Media House, Peterborough Business Park, Lynch "
    "Wood, Peterborough, PE2 6EA.",
    "Este documento foi assinado digitalmente conforme MP nº 2.200-2/2001, que institui a Infraestrutura de Chaves "
    "Públicas Brasileira.",
    "Por favor, use este identificador para citar ou linkar este item: http://hdl.handle.net/1843/78214",
    "4,812 2 2 gold badges 19 19 silver badges 37 37 bronze badges",
    "Você está em: Início / Notícias / Câmara aprova programa de hortas comunitárias em terrenos públicos",
    "Início | Comunidades e Coleções | Navegar | Ajuda | Entrar",
    "[Deploy your first app and watch its logs stream in from every region](/start/deploy)",
    "**Previous:** [Stripe payouts in your dashboard](/changelog/stripe) · **Next:** [Custom invoice numbering](/n)",
    "Esta avaliação é a opinião subjetiva de um membro da comunidade e não da Viagens Exemplo.",
    "WANT YOUR COMPANY'S NEWS FEATURED ON PRNEWSWIRE.COM?", "Ano XII - Edição nº 2.418 - Itajubá, 6 de março de 2025",
    # The sixth probe's kinds: a help box, helpful votes, an installment price, a seller box, an office's hours,
    # a press office, a '∙' menu, a safety tips heading, a placeholder, a membership pitch, a booking call.
    "Chat to us in the app, 24 hours a day, or call 0207 930 4450.", "12 out of 15 found this helpful",
    "A partir de R$ 90,00 · em até 12x", "Último acesso há 2 horas",
    "Secretaria paroquial: terça a sexta, das 8h às 11h30 e das 13h30 às 17h",
    "Diretoria Executiva de Comunicação - Dircom", "Privacy ∙ Terms ∙ Collection notice", "Dicas de segurança",
    "Type your email...", "**Seja sócio a partir de R$ 89/mês** — [Associe-se](/socios)",
    "👉 **Book your hotel in Porto on Booking.com**", "**Precisa de ajuda?** Fale com o suporte pelo chat, de segunda a sexta.",
]


def test_the_chrome_screen_passes_on_every_segment_the_full_check_excludes() -> None:
    texts = CHROME + CONTENT
    for count in (1, len(texts)):  # alone (at an edge) and inside a long document
        positions = [Position(0 if count == 1 else 10, count if count == 1 else 20) for _text in texts]
        normalised = [normalise(text) for text in texts]
        suspects = chrome_suspects(texts, normalised, batch_words(normalised), positions)
        for text, position, suspect in zip(texts, positions, suspects.tolist(), strict=True):
            if _decide_chrome(text, position) is not None:
                assert suspect, text
    # Ordinary paragraphs are not sent to the full check at all.
    normalised = [normalise(text) for text in PARAGRAPHS]
    positions = [Position(5, 12)] * len(PARAGRAPHS)
    assert len(PARAGRAPHS) >= 8 and not chrome_suspects(PARAGRAPHS, normalised, batch_words(normalised), positions).any()


def test_the_screen_asks_a_long_paragraph_at_a_page_s_edge_for_as_many_cues_as_inside() -> None:
    # Past twice SHORT_WORDS words a strong cue at the edge spares no cue (_chrome), so the screen asks the edge's long
    # paragraphs for the cues it asks of those inside: most of a page's paragraphs are near its top or bottom.
    long_paragraphs = [text for text in PARAGRAPHS if len(text.split()) > 30] + [
        "A prefeitura anunciou ontem que a entrega das novas escolas no bairro do Jardim Europa vai atrasar três meses, "
        "porque a empresa responsável pela obra pediu mais tempo para terminar os telhados e as salas do segundo andar."]
    normalised = [normalise(text) for text in long_paragraphs]
    for position in (Position(0, 12), Position(11, 12)):
        positions = [position] * len(long_paragraphs)
        assert len(long_paragraphs) >= 4 and not chrome_suspects(
            long_paragraphs, normalised, batch_words(normalised), positions).any()
    # An author note decides a line of up to AUTHOR_NOTE_WORDS alone, as an author box does: its one cue phrase
    # passes the screen wherever the line is (inside a page's lower half it did not).
    note = ("Daniel Okafor is a columnist for the Riverside Courier, where he has covered city politics, housing, "
            "transport and the long fight over the harbour redevelopment plans since he joined the paper in 2009.")
    for position in (Position(6, 12), Position(10, 12), Position(11, 12)):
        assert _decide_chrome(note, position) is not None
        assert chrome_suspects([note], [normalise(note)], batch_words([normalise(note)]), [position]).tolist() == [True]


def test_a_first_word_an_opening_cue_may_start_with_sends_a_line_on_only_with_the_cue() -> None:
    # "Como" opens "Como citar este artigo" (a citation prompt) and many a sentence: only the prompt is a suspect.
    texts = ["Como citar este artigo: Silva, A. (2026). Rios do Norte. Revista Exemplo, 12(3), 45-67.",
             "Como a prefeitura não respondeu aos pedidos dos moradores, a associação do bairro decidiu levar o caso ao "
             "tribunal na semana passada, com o apoio de dois vereadores da oposição e de um advogado voluntário."]
    normalised = [normalise(text) for text in texts]
    suspects = chrome_suspects(texts, normalised, batch_words(normalised), [Position(5, 12)] * 2).tolist()
    assert suspects == [True, False]
    assert _decide_chrome(texts[0], Position(5, 12)) is not None and _decide_chrome(texts[1], Position(5, 12)) is None


def test_the_screen_passes_on_every_fixture_line_opening_with_a_start_word_the_full_check_excludes() -> None:
    # A long line whose first word an at-start cue may open with is a suspect only by such a cue, its shape, or what
    # screens every line: every line of the fixtures' texts opening with such a word that its own decision leaves
    # out, at a page's edges and inside, is a suspect, and hundreds of long ones are not.
    lines = list(dict.fromkeys(
        line.strip() for path in sorted(FIXTURES.glob("*/*.txt")) + sorted(FIXTURES.glob("*/*.md"))
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()))
    words = batch_words([normalise(line) for line in lines])
    lines = [line for line, opens in zip(lines, isin_sorted(words.first_words(), boilerplate._START_HASHES).tolist(),
                                         strict=True) if opens]
    normalised = [normalise(line) for line in lines]
    words = batch_words(normalised)
    excluded = passed = 0
    for position in (Position(0, 20), Position(10, 20), Position(19, 20), Position(0, 1)):
        suspects = chrome_suspects(lines, normalised, words, [position] * len(lines)).tolist()
        for line, suspect in zip(lines, suspects, strict=True):
            if not suspect:
                assert _decide_chrome(line, position) is None, (line, position)
                passed += 1
            else:
                excluded += _decide_chrome(line, position) is not None
    assert len(lines) > 2000 and excluded > 1000 and passed > 400, (len(lines), excluded, passed)


def test_the_screen_reads_a_line_s_shape_in_folded_text_as_its_decision_does() -> None:
    # The shape tests are written for folded text ("dias uteis", "segunda a sabado", "grafico"), which the decision
    # gives them: the screen once gave them the line's accented text and never passed these lines to it.
    lines = ["Horário das missas: sábado 19h00 · domingo 9h00, 11h00 e 19h00 · dias úteis 8h00",
             "Ótica Central: Av. Brasil, 1200 · De segunda a sábado, das 9h às 19h",
             "Gráfico 3: Passageiros por trimestre, Portugal e Espanha, 2019 a 2026"]
    normalised = [normalise(line) for line in lines]
    for position in (Position(0, 20), Position(10, 20), Position(19, 20)):
        assert all(_decide_chrome(line, position) is not None for line in lines)
        assert chrome_suspects(lines, normalised, batch_words(normalised), [position] * len(lines)).all(), position


def test_a_phrase_counts_only_where_the_other_words_its_matches_hold_are_there() -> None:
    # Words a match holds whole: outside groups and in a group it cannot skip, between spaces; a group glued to a
    # word ("enjoy(ed)?") or an optional space ("r$ ?10") makes other words, and alternatives outside groups need none.
    assert boilerplate._required_words("termos (de uso|e condicoes|de servico)") == [{"termos"}, {"uso", "condicoes", "servico"}]
    assert boilerplate._required_words("enjoy(ed)? this (article|post)") == [{"this"}, {"article", "post"}]
    assert boilerplate._required_words("(foto|image): ?[^.!?]{1,60}$") == []
    assert boilerplate._required_words("pague ?\\d+ reais") == [{"reais"}]
    assert boilerplate._required_words("ligue (para )?(o |a )?\\(?\\d+ agora") == []
    assert boilerplate._required_words("foo|bar baz") == []
    # A paragraph on deliveries and purchases holds "entrega" and "compra", each a screen word, but neither
    # "entrega estimada" nor "na primeira compra": it is not sent to the full check.
    paragraph = ("A entrega das encomendas atrasou em todo o país, e a compra de presentes ficou para a última semana. "
                 "A empresa diz que a entrega normal volta em janeiro, quando a compra online costuma cair.")
    assert _decide_chrome(paragraph, Position(5, 12)) is None
    assert chrome_suspects([paragraph], [normalise(paragraph)], batch_words([normalise(paragraph)]), [Position(5, 12)]
                           ).tolist() == [False]


def test_every_cue_phrase_found_in_the_fixtures_is_counted_by_the_screen() -> None:
    # However many matches find_cues finds of the screened phrases in a line, the screen counts at least as many
    # (a phrase deciding a whole segment counts twice): each match holds its screen word and its other words whole.
    lines = list(dict.fromkeys(CHROME + [
        line.strip() for path in sorted(FIXTURES.glob("*/*.txt")) + sorted(FIXTURES.glob("*/*.md"))
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]))
    normalised = [normalise(line) for line in lines]
    counted = boilerplate._phrases_with_their_words(batch_words(normalised), np.arange(len(lines)))
    matched = 0
    for line, screen_count in zip(lines, counted, strict=True):
        folded = fold(boilerplate.without_markdown_escapes(line))
        screened = {cue for word in boilerplate._screen_words_in(WORD_TOKEN.findall(folded), folded)
                    for cue in boilerplate._screen_word_cues(word)}
        found = sum(
            (2 if kind in boilerplate.WHOLE_SEGMENT_KINDS or kind == "author note" else 1)
            * sum(match.start() == 0 or not folded[match.start() - 1].isalnum() for match in pattern.finditer(folded))
            for kind, pattern in screened
        )
        assert found <= screen_count, line
        matched += found > 0
    assert len(lines) > 5000 and matched > 500, (len(lines), matched)


def test_a_line_past_short_words_is_asked_only_the_box_reasons_its_text_tells() -> None:
    # BatchLines.box_reason spares a line of more than SHORT_WORDS words the reasons whose first test is a word count:
    # each of their limits is at most SHORT_WORDS (a larger one would leave out lines the preload kept).
    assert max(boilerplate.LETTER_DATE_WORDS, boilerplate.ADDRESS_LINE_WORDS, boilerplate.STATE_LABEL_WORDS,
               boilerplate.CREDITED_NAME_WORDS, boilerplate.MASTHEAD_WORDS, boilerplate.PANEL_HEADING_WORDS,
               boilerplate.LIST_HEADING_WORDS) <= boilerplate.SHORT_WORDS
    # A credit of more words than that is still asked whether it is one of a run of credits.
    credits = "\n\n".join([
        "Director: Eleanor Price", "Writer: Tom Aldous",
        "Cast: Maria Lopes, John Carter, Ana Sousa, Peter Wong, Rita Alves, Hugo Reis, Clara Nunes, Rui Pinto",
        "Producer: Sam Jones"])
    page = f"A film about the harbour opens this week in twelve cinemas across the country.\n\n{credits}"
    [cast] = [reason for start, _end, (_kind, reason) in boilerplate.document_chrome(page) if page[start:].startswith("Cast")]
    assert cast.startswith("a credit in a block") and "17 words" in cast


def test_the_shortcuts_of_folding_and_cue_finding_answer_as_the_full_work_does() -> None:
    # fold() returns a casefolded ASCII text at once ("\u212a", the Kelvin sign, casefolds to "k"); others lose accents.
    # A text of Latin-1 characters is folded by a byte table: every one of them, and them together, as NFD folds them.
    # A text outside Latin-1 in Windows-1252 (curly quotes, dashes, "Š", "œ") by that code page's byte table.
    latin1 = "".join(map(chr, range(256)))
    windows_1252 = bytes(range(256)).decode("cp1252", errors="ignore")
    for text in ["plain English", "KELVIN \u212a", "Straße", "Ångström", "Café à la carte", "Prédio ADRIANO",
                 "Ação “Política” ÇÃO", "Š–Ž… Œuvre ‘Ÿ’ €5 • ƒ ˆ˜™", "“Ação” e ǎ", "e\u0301 “x”", latin1, latin1[::-1],
                 *latin1, windows_1252, windows_1252[::-1], *windows_1252]:
        assert fold(text) == _COMBINING_MARKS.sub("", unicodedata.normalize("NFD", text.casefold())), repr(text)
    # A caption's closing credit in capitals is still found (the search runs only on lines that can end in one).
    caption = "Prédio devoluto na Rua da Sofia pela câmara ADRIANO MIRANDA"
    assert "image or caption" in find_cues(fold(caption), WORD_TOKEN.findall(fold(caption)), caption)
    assert "image or caption" not in find_cues(fold(caption + "."), WORD_TOKEN.findall(fold(caption + ".")), caption + ".")


# Lines with every kind of whitespace around and between words, separator marks with and without spaces around them.
AWKWARD_LINES = [
    "", " ", "Plain line", " Leading", "Trailing ", "Two  spaces", "Tab\there", "Line\nbreak", "No\u00a0break",
    "Em\u2003space", "Line\u2028separator", "Ideographic\u3000space", "STRASSE Straße", "Home | News", "Home|News",
    "A • B", "x / y", "a/b", "Next ›", "» Next", "1 > 2", "\u200bzero width", "Ver original\r",
]


def test_the_shortcuts_of_normalising_and_of_the_menu_separators_answer_as_the_full_work_does() -> None:
    # normalise() returns a printable text without doubled or outer spaces as it is casefolded.
    for line in AWKWARD_LINES:
        assert normalise(line) == " ".join(line.casefold().split()), repr(line)
        assert has_menu_separator(line) == (_MENU_SEPARATORS.search(line) is not None), repr(line)


def test_words_are_folded_split_and_hashed_like_the_cue_tokens() -> None:
    words = batch_words(["política, “privacidade”… e-mail", "politica privacidade e mail", "", "an extraordinarily long-winded word"])
    assert words.counts.tolist() == [4, 4, 0, 5]
    first, second = words.hashes[:4], words.hashes[4:8]
    assert first.tolist() == second.tolist()
    # Whole words, not prefixes: "extraordinarily" and "extraordinary" differ.
    other = batch_words(["extraordinary"]).hashes
    assert other[0] not in words.hashes



def test_a_word_is_a_run_of_ascii_letters_digits_and_bytes_over_0x7f() -> None:
    """batch_words tells a word's bytes by comparisons (``_word_bytes``); every byte as the definition says."""
    every_byte = np.arange(256, dtype=np.uint8)
    defined = [chr(byte) in "abcdefghijklmnopqrstuvwxyz0123456789" or byte >= 0x80 for byte in range(256)]
    assert _word_bytes(every_byte).tolist() == defined
    # Starts and ends by turns, a word at the very start and the very end of the batch included.
    words = batch_words(["abc", "", "x  y-z 9", "fim"])
    assert words.counts.tolist() == [1, 0, 4, 1]
    assert words.hashes.tolist() == batch_words(["abc x y z 9 fim"]).hashes.tolist()

ONE_WORD_CHANGED = [
    ("O conselho aprovou doze novas escolas ontem.", "O conselho aprovou 12 novas escolas ontem."),
    ("The mayor opened the new bridge on Monday.", "The mayor opened the new bridge on Tuesday."),
    ("A empresa demitiu trinta funcionários na fábrica de Campinas.", "A empresa demitiu 30 funcionários na fábrica de Campinas."),
    ("Rain is expected across the northern valleys this weekend.", "Snow is expected across the northern valleys this weekend."),
] + [(line, line.replace(word, "NOVA", 1)) for line in PARAGRAPHS for word in [max(line.split(), key=len)]]


@pytest.mark.parametrize(("original", "changed"), ONE_WORD_CHANGED)
def test_one_word_changed_agrees_on_a_band_and_passes_the_threshold(original: str, changed: str) -> None:
    words = batch_words([normalise(original), normalise(changed)])
    rows = sketches(words)
    keys = band_keys(rows)
    assert (keys[0] == keys[1])[keys[0] != 0].any()
    assert similarity(rows[0], rows[1]) >= 0.7


def test_near_duplicates_short_and_long_are_merged(make_app: Callable[..., Flask], tmp_path: Path) -> None:
    corpus = tmp_path / "pages"
    corpus.mkdir()
    for number, (original, changed) in enumerate(ONE_WORD_CHANGED):
        (corpus / f"{number:02d}a.txt").write_text(f"{original}\n", encoding="utf-8")
        (corpus / f"{number:02d}b.txt").write_text(f"{changed}\n", encoding="utf-8")
    app = make_app(SOURCES=[str(corpus)], DISABLE_PLUGINS=NO_ANNOTATORS)
    assert [task["data"]["text"] for task in label_studio_tasks(app)] == [original for original, _ in ONE_WORD_CHANGED]
    near = [item for item in excluded_listing(app)["excluded"] if item["kind"] == "near-duplicate"]
    assert sorted(item["text"] for item in near) == sorted(changed for _original, changed in ONE_WORD_CHANGED)


def test_a_template_line_is_decided_once_whichever_batch_its_pages_are_in(
    make_app: Callable[..., Flask], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "pages"
    corpus.mkdir()
    for number, paragraph in enumerate(PARAGRAPHS[:4]):
        (corpus / f"{number}.txt").write_text(
            f"Skip to main content\n{paragraph}\n{PARAGRAPHS[-1 - number]}\nCompartilhe\n"
            "© 2025 Vale Jornal. Todos os direitos reservados.\n", encoding="utf-8")
    one_batch = make_app(SOURCES=[str(corpus)], DISABLE_PLUGINS=NO_ANNOTATORS)
    decided: Counter[str] = Counter()
    decide_chrome = boilerplate._decide_chrome

    def counted(text: str, position: Position) -> tuple[str, str] | None:
        decided[text] += 1
        return decide_chrome(text, position)

    monkeypatch.setattr(boilerplate, "_decide_chrome", counted)
    monkeypatch.setattr(preload, "BATCH_CHARS", 1)  # every page a batch of its own
    batched = make_app(SOURCES=[str(corpus)], DISABLE_PLUGINS=NO_ANNOTATORS, DATABASE_URL=f"sqlite:///{tmp_path}/b.db")
    assert decided["Compartilhe"] == decided["Skip to main content"] == 1
    assert excluded_listing(batched)["excluded"] == excluded_listing(one_batch)["excluded"]
    assert [item["text"] for item in excluded_listing(batched)["excluded"]].count("Compartilhe") == 4


def test_a_long_preload_logs_how_far_it_has_got(
    make_app: Callable[..., Flask], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    corpus = tmp_path / "pages"
    corpus.mkdir()
    for number, paragraph in enumerate(PARAGRAPHS[:3]):  # 0.1, 0.2 and 0.3 MB
        copies = 100_000 * (number + 1) // (len(paragraph) + 1)
        (corpus / f"{number}.txt").write_text(f"{paragraph}\n" * copies, encoding="utf-8")
    sizes = [path.stat().st_size / 1e6 for path in sorted(corpus.iterdir())]
    monkeypatch.setattr(preload, "PROGRESS_SECONDS", 0.0)  # a log line after every file
    with caplog.at_level(logging.INFO, logger="server.preload"):
        make_app(SOURCES=[str(corpus)], DISABLE_PLUGINS=NO_ANNOTATORS)
    messages = [record.getMessage() for record in caplog.records]
    progress = [message.split(" in ")[0] for message in messages if "files read" in message]
    assert progress == [
        f"preload: {files} of 3 files read ({sum(sizes[:files]):.1f} of {sum(sizes):.1f} MB)" for files in (1, 2, 3)
    ]
    assert sum(sizes) > 0.55


def test_unrelated_texts_that_share_common_words_stay_apart() -> None:
    texts = [
        "O governo anunciou hoje um plano para as escolas do estado.",
        "O time anunciou hoje um novo técnico para a temporada do estado.",
        "The council said on Monday that the plan for the schools was ready.",
        "The company said on Monday that the plan for the factory was late.",
    ]
    rows = sketches(batch_words([normalise(text) for text in texts]))
    assert similarity(rows[0], rows[1]) < 0.7 and similarity(rows[2], rows[3]) < 0.7
    assert np.isclose(similarity(rows[0], rows[0]), 1.0)


def test_the_index_finds_tasks_kept_in_earlier_batches_after_its_runs_merge() -> None:
    index = NearDuplicateIndex(0.7)
    originals = [original for original, _changed in ONE_WORD_CHANGED]
    task = 0
    for batch in (originals[:2], originals[2:4], originals[4:]):  # three runs, merged as they come
        rows = sketches(batch_words([normalise(text) for text in batch]))
        keys = band_keys(rows)
        for row, row_keys in zip(rows, keys.tolist(), strict=True):
            index.add(task, row, row_keys, [False] * len(row_keys))
            task += 1
        index.end_batch()
    assert len(index.runs) < 3
    changed = [changed for _original, changed in ONE_WORD_CHANGED]
    rows = sketches(batch_words([normalise(text) for text in changed]))
    best, known = index.best_earlier(rows, band_keys(rows), np.ones(len(changed), dtype=bool))
    assert {number: task for number, (task, _score) in best.items()} == {number: number for number in range(len(changed))}
    assert known.any(axis=1).all()


def test_a_plain_paragraph_is_asked_only_the_box_reasons_its_tests_cover() -> None:
    # BatchLines.plain_paragraph answers for the box reasons a line past PLAIN_PARAGRAPH_WORDS is asked by its own
    # tests: a box reason that reaches further must be covered by one of them before it is added here.
    [band] = [reasons for most, reasons in zip([*boilerplate.BatchLines.BOX_BAND_WORDS, sys.maxsize],
                                               boilerplate.BatchLines.BOX_BANDS, strict=True)
              if most > boilerplate.PLAIN_PARAGRAPH_WORDS][:1]
    assert {reason.__name__ for reason in band} == {
        "chapters_reason", "ticker_reason", "mail_header_reason", "credits_reason", "price_breakdown_reason",
        "named_author_box_reason", "about_box_reason", "infobox_table_reason"}


CAST = ", ".join(["Maria Lopes", "John Carter", "Ana Sousa", "Peter Wong", "Rita Alves", "Hugo Reis"] * 4) + "."


@pytest.mark.parametrize(("page", "line", "reason"), [
    # The paragraph under an about box's heading: its line above opens with "Sobre ".
    ("\n".join([*PARAGRAPHS[:4], "Sobre a Oeste Crédito",
                "A Oeste Crédito é uma cooperativa de crédito fundada em 1987 em Chapecó, com 210 mil associados e 64 "
                "agências em três estados, que financia a agricultura familiar, a energia solar e as pequenas empresas "
                "das cidades do interior, onde muitas vezes é a única instituição financeira presente e a que mais "
                "empresta aos produtores."]), -1, "an organisation's box"),
    # The same under a bold heading, its paragraph opening with its founding (probe 42).
    ("\n".join([*PARAGRAPHS[:4], "**Sobre a Biblioteca Municipal**",
                "Fundada em 1943, a biblioteca guarda hoje mais de 120 mil volumes, um arquivo de jornais locais desde "
                "o século dezanove e uma sala infantil, recebe as escolas do concelho durante todo o ano letivo e "
                "organiza clubes de leitura, oficinas de escrita e exposições que a tornam o centro cultural mais "
                "procurado da cidade."]), -1, "an organisation's box"),
    # A credit of more than PLAIN_PARAGRAPH_WORDS names in a block of credits: its colon.
    ("\n\n".join([PARAGRAPHS[0], "Director: Eleanor Price", "Writer: Tom Aldous", f"Cast: {CAST}",
                  "Producer: Sam Jones"]), 3, "a credit in a block"),
])
def test_a_long_line_a_rule_below_its_decision_leaves_out_is_no_plain_paragraph(page: str, line: int, reason: str) -> None:
    spans = segment(page, "paragraph")
    start, end = spans[line]
    assert len(page[start:end].split()) > boilerplate.PLAIN_PARAGRAPH_WORDS
    assert [found for found_start, _end, (_kind, found) in boilerplate.document_chrome(page)
            if found_start == start][0].startswith(reason)


def test_plain_paragraphs_are_kept_as_every_rule_would_keep_them(
    make_app: Callable[..., Flask], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The fixture pages with a line past PLAIN_PARAGRAPH_WORDS, preloaded with plain paragraphs spared the rules below
    # their decision and without: the same tasks, the same lines left out for the same reasons.
    corpus = tmp_path / "pages"
    corpus.mkdir()
    for page in sorted(FIXTURES.glob("*/*.txt")) + sorted(FIXTURES.glob("*/*.md")):
        text = page.read_text(encoding="utf-8", errors="replace").replace("\0", "")
        if any(len(line.split()) > boilerplate.PLAIN_PARAGRAPH_WORDS for line in text.splitlines()):
            (corpus / f"{page.parent.name}-{page.name}").write_text(text, encoding="utf-8")
    plain: Counter[bool] = Counter()
    plain_paragraph = boilerplate.BatchLines.plain_paragraph

    def counted(lines: boilerplate.BatchLines, number: int) -> bool:
        plain[answer := plain_paragraph(lines, number)] += 1
        return answer

    monkeypatch.setattr(boilerplate.BatchLines, "plain_paragraph", counted)
    spared = make_app(SOURCES=[str(corpus)], DISABLE_PLUGINS=NO_ANNOTATORS, DATABASE_URL=f"sqlite:///{tmp_path}/s.db")
    monkeypatch.setattr(boilerplate.BatchLines, "plain_paragraph", lambda _lines, _number: False)
    every_rule = make_app(SOURCES=[str(corpus)], DISABLE_PLUGINS=NO_ANNOTATORS, DATABASE_URL=f"sqlite:///{tmp_path}/e.db")
    assert plain[True] > 150, plain
    assert label_studio_tasks(spared, include_excluded=True) == label_studio_tasks(every_rule, include_excluded=True)
    assert excluded_listing(spared)["excluded"] == excluded_listing(every_rule)["excluded"]
