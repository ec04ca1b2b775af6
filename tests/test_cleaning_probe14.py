"""Cleaning rules of the fourteenth probe (2 December 2026), on small texts written for these tests and on its eight
studied pages kept in fixtures/unseen (a Medium post, an SEI circular letter, an annual review copied from PDF, a pt-BR
news page in HTML, an e-mail thread with signatures, a Threads profile with one post three times, a product blog in
HTML, a pt-PT newsletter in Markdown)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position, is_contact_line, is_postal_address
from server.tasks import excluded_listing, label_studio_tasks
from tests.test_preload import app_of_pages, assert_kept, assert_left_out, assert_screen_passes

AppFactory = Callable[..., Flask]
UNSEEN = Path(__file__).parent.parent / "fixtures" / "unseen"

CHROME = [
    # A post's closing appeal to a reader who liked it: claps, a follow, in both languages.
    ("If you enjoyed this, give it a clap 👏 and follow me for more stories about product design.", "subscribe prompt"),
    ("If you liked this story, leave a few claps and follow me for more.", "subscribe prompt"),
    ("Se você gostou, deixe suas palmas 👏 e me siga para mais textos como este.", "subscribe prompt"),
    # Who wrote a post, over the box about them.
    ("Written by Marta Figueira", "byline or credit"),
    ("Escrito por João Pedro Alves", "byline or credit"),
    # A byline with the paper after a comma and the place after a dash.
    ("Por Carla Mendes, Jornal do Vale — Campinas", "byline or credit"),
    # A list of more posts from a profile's handle.
    ("More from joao.teixeira_dev", "read-also prompt"),
    ("Mais de ana.luz.fotografia", "read-also prompt"),
    # An e-mail's quoted reply header, with the date and the sender's address.
    ("Em qua., 5 de fev. de 2025 às 09:31, Rui Costa <rui.costa@example.pt> escreveu:", "quoted e-mail header"),
    ("On Tue, 4 Feb 2025 at 16:02, Sam Reyes <sam@example.org> wrote:", "quoted e-mail header"),
    # An e-mail's confidentiality footer and its call to save paper.
    ("This message may contain confidential information. If you are not the intended recipient, please delete it and "
     "notify the sender immediately.", "disclaimer"),
    ("Esta mensagem pode conter informação confidencial. Se você não for o destinatário, por favor apague-a e avise o "
     "remetente.", "disclaimer"),
    ("Please consider the environment before printing this email.", "disclaimer"),
    ("Antes de imprimir, pense no meio ambiente.", "disclaimer"),
    # An electronic signature's block and a document system's references (Brazil's SEI).
    ("Documento assinado eletronicamente por Ana Souza Lima, Diretor(a), em 12/02/2025, às 10:05, conforme horário "
     "oficial de Brasília, com fundamento no art. 6º, § 1º, do Decreto nº 8.539, de 8 de outubro de 2015.",
     "signature notice"),
    ("A autenticidade deste documento pode ser conferida no site https://sei.example.gov.br/sei/controlador_externo.php"
     "?acao=documento_conferir&id_orgao_acesso_externo=0, informando o código verificador 4455667 e o código CRC "
     "9F8E7D6C.", "signature notice"),
    ("Referência: Processo nº 12345.678901/2024-00 SEI nº 4455667", "reference code"),
    ("Criado por ana.souza, versão 2 por pedro.lima em 12/02/2025 09:58:41.", "signature notice"),
]


@pytest.mark.parametrize(("text", "kind"), CHROME)
def test_fourteenth_probe_chrome_is_recognised(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind)


CONTACT = [
    "www.example.com.br",
    "Telefone: (61) 2022-8000 - http://www.example.gov.br",
    "T: +44 20 7946 0018 | E: hello@example.co.uk | W: example.co.uk/contact",
]
ADDRESSES = [
    # A postcode closing a line of places and the building's parts, between commas.
    "Esplanada dos Ministérios, Bloco K, 5º andar - Zona Cívico-Administrativa, Brasília/DF, CEP 70040-906",
    "Edifício Central, Piso 3, Avenida da Liberdade 110, 1250-146 Lisboa",
]


@pytest.mark.parametrize("text", CONTACT)
def test_a_line_of_contact_details_alone_is_left_out(text: str) -> None:
    # With an e-mail address the line has a cue besides (a contact prompt).
    assert is_contact_line(text)
    assert_left_out(text, "boilerplate", "contact" if "@" in text else "contact details:", Position(10, 20))


@pytest.mark.parametrize("text", ADDRESSES)
def test_a_postcode_closing_parts_between_commas_is_an_address(text: str) -> None:
    assert is_postal_address(text)
    assert_left_out(text, "boilerplate", "street address", Position(1, 20))


@pytest.mark.parametrize(
    "text",
    [
        # The cue phrases inside a story's sentences, or a reader who liked something.
        "Loved it!",
        "If you enjoyed the first season, the second is darker and slower, but it pays off in the last episode.",
        "O público gostou, mas a crítica foi dura com o final.",
        "Written by two students in 1998, the program still runs the library's catalogue.",
        "More from the same harvest went to the cooperative in Vila Real.",
        "The firm said on Tuesday that it had sent confidential information about 2,300 customers to the wrong "
        "recipient in March, and that it had apologised to each of them by letter.",
        "O processo nº 12345.678901/2024-00 foi arquivado pelo tribunal na semana passada, segundo a defesa.",
        "Em 2024, a empresa escreveu aos clientes para explicar o atraso nas entregas.",
        # A sentence that gives an address, one before an address, and one with a web address in it.
        "The new clinic opens on Monday at 48 Harbour Street, Bristol, BS1 4DJ.",
        "O novo posto de saúde abre na segunda-feira. Fica no Edifício Central, sala 3, Centro, Brasília/DF, CEP 70040-906",
        "Full results are published on www.example.org/results every Friday, with the raw data.",
        "I write about food because my grandmother never wrote her recipes down.",
    ],
)
def test_fourteenth_probe_content_stays(text: str) -> None:
    assert_kept(text)


def test_the_chrome_screen_passes_the_fourteenth_probe_chrome() -> None:
    texts = [text for text, _kind in CHROME] + CONTACT + ADDRESSES
    for position in (Position(15, 30), Position(1, 30), Position(29, 30)):
        assert_screen_passes(texts, position)


def _texts(app: Flask) -> list[str]:
    return [task["data"]["text"] for task in label_studio_tasks(app)]


REPLY = """Oi, Rui, tudo certo?
Recebemos as 40 caixas de azeite, mas três chegaram com as garrafas partidas. Podem enviar a reposição na próxima entrega?
Obrigada,
Helena Marques
Responsável de Compras
Mercearia do Largo, Lda.
Tel.: 239 401 220 | www.merceariadolargo.pt
Rua Ferreira Borges, 85, 3000-180 Coimbra
Em qua., 5 de fev. de 2025 às 09:31, Rui Costa <rui.costa@example.pt> escreveu:
Bom dia, Helena! Seguiu hoje a encomenda 3312, com a fatura em anexo.
Cumprimentos,
Rui Costa
Comercial
Lagar do Mondego
rui.costa@example.pt | 239 440 118
"""

LETTER = """Dear members,
The annual general meeting will be held on Saturday 14 June at 10am in the village hall, followed by lunch.
Please send any motions to the secretary by 31 May.
Yours sincerely,
Margaret Okonkwo
Chair of Trustees
"""


def test_an_emails_signature_blocks_go_and_a_letters_signature_stays(make_app: AppFactory, tmp_path: Path) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {"a_letter.txt": LETTER, "resposta.txt": REPLY})
    texts = _texts(app)
    # A letter signed with a name and an office, without contact details, keeps its signature.
    assert texts[4:6] == ["Margaret Okonkwo", "Chair of Trustees"]
    texts = texts[6:]
    # A name, role and company under the sign-off are an e-mail's signature when contact details close them.
    assert texts[:5] == [
        "Oi, Rui, tudo certo?",
        "Recebemos as 40 caixas de azeite, mas três chegaram com as garrafas partidas. Podem enviar a reposição na "
        "próxima entrega?",
        "Obrigada,",
        "Bom dia, Helena! Seguiu hoje a encomenda 3312, com a fatura em anexo.",
        "Cumprimentos,",
    ]
    reasons = {item["text"]: item["reason"] for item in excluded_listing(app)["excluded"]}
    # The company's name ends in an abbreviation's stop; the address is no letterhead's or footer's, inside the page.
    assert reasons["Mercearia do Largo, Lda."].startswith("an e-mail's signature")
    assert reasons["Rua Ferreira Borges, 85, 3000-180 Coimbra"].startswith("an e-mail's signature")


LETTERHEAD = """MINISTÉRIO DA AGRICULTURA E PECUÁRIA
SECRETARIA DE DEFESA AGROPECUÁRIA
Esplanada dos Ministérios, Bloco D, Anexo B - Zona Cívico-Administrativa, Brasília/DF, CEP 70043-900
NOTA TÉCNICA Nº 8/2025
A vacinação contra a febre aftosa deixou de ser obrigatória em todo o país desde maio de 2024.
Os produtores devem manter a declaração anual do rebanho em dia no sistema estadual de defesa agropecuária.
"""

CAPITAL_TITLE = """CHEIA NO RIO DOCE ISOLA DUAS COMUNIDADES
Por Ana Lima — Governador Valadares
O nível do rio passou de 4 metros na manhã desta segunda-feira e isolou duas comunidades rurais.
A Defesa Civil levou água e cestas básicas de barco.
"""


def test_a_letterheads_lines_in_capitals_go_over_its_address(make_app: AppFactory, tmp_path: Path) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {"a_nota.txt": LETTERHEAD, "cheia.txt": CAPITAL_TITLE})
    texts = _texts(app)
    # The document's own title in capitals is over its text, not over the letterhead's details.
    assert texts[0] == "NOTA TÉCNICA Nº 8/2025"
    # A headline in capitals over its byline is no letterhead.
    assert texts[3] == "CHEIA NO RIO DOCE ISOLA DUAS COMUNIDADES" and len(texts) == 6


def _fixture(make_app: AppFactory, tmp_path: Path, name: str) -> list[str]:
    return _texts(app_of_pages(make_app, tmp_path / "pages", {name: (UNSEEN / name).read_text(encoding="utf-8")}))


TRUTH = json.loads((UNSEEN / ".probe14_truth.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_studied_page_keeps_no_chrome_of_its_truth(make_app: AppFactory, tmp_path: Path, name: str) -> None:
    texts = {" ".join(text.lstrip("#").split()) for text in _fixture(make_app, tmp_path, name)}
    # The cover's tagline of the annual review has no feature that a story's headline has not: it is left, and so are
    # the headings of three words or fewer over a section (Markdown's "## The first week", a PDF's "Repairs and damp"),
    # which are left out by design (a fragment heading prose).
    left = {"Building homes, building communities"}
    kept_chrome = [line for line in TRUTH[name]["chrome"] if " ".join(line.lstrip("#").split()) in texts]
    assert [line for line in kept_chrome if line not in left] == []


def test_a_medium_post_keeps_its_title_and_subtitle(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _fixture(make_app, tmp_path, "medium_onboarding_remote.md")
    assert texts[:2] == ["Onboarding a remote engineer in two weeks, not two months",
                         "What we changed after our third new hire quit before her first review"]
    # Its two section headings over their prose stay (probe 19): "## The first week", "## The second week".
    assert "The first week" in texts and "The second week" in texts
    assert texts[-1].startswith("None of this is new.") and len(texts) == 9


def test_an_sei_letter_keeps_its_numbered_paragraphs_and_drops_its_signature(make_app: AppFactory,
                                                                            tmp_path: Path) -> None:
    texts = _fixture(make_app, tmp_path, "oficio_sei_censo.txt")
    # The letter's number in capitals over its place and date goes with the letterhead (the truth lets it go either way).
    assert texts[0] == "Aos(Às) Senhores(as) Reitores(as) das Universidades Federais"
    assert [text[:3] for text in texts[3:]] == ["Inf", "As ", "Lem", "Dúv", "Ate"]


def test_an_email_thread_keeps_its_messages(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _fixture(make_app, tmp_path, "email_pedido_laticinios.txt")
    assert texts == [
        "Oi, Mariana, tudo bem?",
        "Conferimos o pedido 4471 e faltaram duas caixas do queijo minas padrão. A nota fiscal veio com as 20 caixas, "
        "mas só recebemos 18. Vocês conseguem mandar a diferença na entrega de quinta?",
        "Aproveito para confirmar o pedido da próxima semana: 30 caixas de muçarela e 12 de requeijão.",
        "Obrigado,",
        "Bom dia, Paulo! Segue a nota fiscal do pedido 4471, entregue hoje cedo. Qualquer divergência, é só avisar até "
        "amanhã.",
        "Abraço,",
    ]


def test_a_profile_page_keeps_its_post_once(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _fixture(make_app, tmp_path, "threads_farol_espichel.txt")
    assert len(texts) == 3 and texts[0].startswith("Fui ao Cabo Espichel")
