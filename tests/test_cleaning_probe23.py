"""Cleaning rules of the twenty-third probe (2 December 2026): probe 22's misses (a byline's label "Written by" kept as
a section's heading, a gazette's masthead over its issue line, a wire release's "SOURCE <company>", "Get Started" and
"Also from this source", a heading after a Markdown code fence never closed), and a headline in capitals that stays,
on small texts written for these tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position, boilerplate_reason
from server.segmentation import code_bodies
from tests.test_cleaning_probe17 import assert_page_matches_truth, task_texts
from tests.test_preload import app_of_pages, assert_probe_chrome

AppFactory = Callable[..., Flask]
UNSEEN = Path(__file__).parent.parent / "fixtures" / "unseen"


def texts_of(make_app: AppFactory, tmp_path: Path, name: str, page: str) -> list[str]:
    return task_texts(app_of_pages(make_app, tmp_path / "pages", {name: page}))


BYLINE = """Início
Notícias
Câmara aprova orçamento participativo para 2027
Os moradores vão escolher onde gastar dois milhões de euros.
{label}
Maria Clara Souza
A câmara municipal aprovou na terça-feira um orçamento participativo de 2 milhões de euros para 2027.
Os moradores poderão votar em projetos de bairro até ao fim de março, disse a vereadora.
A votação decorre online e nas juntas de freguesia, com um limite de três projetos por pessoa.
O primeiro orçamento participativo da cidade, em 2019, teve 14 mil votantes e financiou 11 projetos.
"""


@pytest.mark.parametrize("label", ["Written by", "Escrito por"])
def test_a_bylines_label_ending_in_by_over_the_name_is_no_sections_heading(make_app: AppFactory, tmp_path: Path,
                                                                          label: str) -> None:
    """Between the standfirst and a three-word name, "Written by" read as a section's heading over a list's item."""
    texts = texts_of(make_app, tmp_path, "story.txt", BYLINE.format(label=label))
    assert label not in texts and "Maria Clara Souza" not in texts
    assert "Os moradores poderão votar em projetos de bairro até ao fim de março, disse a vereadora." in texts


def test_a_short_heading_between_content_lines_stays(make_app: AppFactory, tmp_path: Path) -> None:
    """A heading of its section that does not end in "by" ("Nearby") still heads it."""
    texts = texts_of(make_app, tmp_path, "story.txt", BYLINE.format(label="Nearby"))
    assert "Nearby" in texts


GAZETTE = """{masthead}
{issue}
Órgão: Ministério da Saúde/Secretaria de Atenção Especializada à Saúde
PORTARIA SAES Nº 2.310, DE 30 DE NOVEMBRO DE 2026
Habilita o Hospital Regional de Cascavel a receber recursos para leitos de UTI adulto.
O SECRETÁRIO DE ATENÇÃO ESPECIALIZADA À SAÚDE, no uso de suas atribuições, resolve:
Art. 1º Fica habilitado o Hospital Regional de Cascavel a receber recursos para 20 leitos de UTI adulto.
Art. 2º Esta Portaria entra em vigor na data de sua publicação.
"""
ISSUE = "Publicado em: 01/12/2026 | Edição: 229 | Seção: 1 | Página: 45"


@pytest.mark.parametrize("masthead", ["DIÁRIO OFICIAL DA UNIÃO", "Diário Oficial da União"])
def test_a_gazettes_name_over_its_issue_line_goes(make_app: AppFactory, tmp_path: Path, masthead: str) -> None:
    texts = texts_of(make_app, tmp_path, "dou.txt", GAZETTE.format(masthead=masthead, issue=ISSUE))
    assert masthead not in texts and ISSUE not in texts
    assert "PORTARIA SAES Nº 2.310, DE 30 DE NOVEMBRO DE 2026" in texts


HEADLINE = """Home
Notícias
Esportes
GREVE DOS METROVIÁRIOS CHEGA AO 5º DIA
{date}
A greve dos metroviários de São Paulo chegou nesta sexta-feira ao quinto dia sem acordo com o governo do estado.
As linhas 1-Azul e 3-Vermelha funcionam com 40% da frota, segundo o sindicato, e as filas nas estações passam de uma hora.
"""


@pytest.mark.parametrize("date", ["Por Ana Lima\n01/12/2026 14h30", "Publicado em 01/12/2026 14h30", ""])
def test_a_headline_in_capitals_over_its_date_line_stays(make_app: AppFactory, tmp_path: Path, date: str) -> None:
    """A story's title in capitals is over its byline or date, which names no issue: it stays."""
    texts = texts_of(make_app, tmp_path, "greve.txt", HEADLINE.format(date=date).replace("\n\n", "\n"))
    assert "GREVE DOS METROVIÁRIOS CHEGA AO 5º DIA" in texts


def test_a_wire_releases_source_line_goes_and_a_headline_in_capitals_stays() -> None:
    reason = boilerplate_reason("SOURCE Acme Robotics", Position(6, 8))
    assert reason is not None and "source line" in reason[1]
    assert boilerplate_reason("SOURCE CODE OF VOTING MACHINES LEAKS", Position(0, 8)) is None


CHROME = [
    ("Also from this source", "read-also prompt",
     "Also from this source of funding came 2 million euros for the new library, the council said."),
    # What the six studied pages kept: a CMS's view counter, its recent news, a music site's lists and its
    # contributors, a page's publisher, a site's platform, an NHS-style survey box.
    ("Visualizações: 1312", "engagement count",
     "As visualizações do vídeo passaram de 1312 para 40 mil numa semana, segundo a escola."),
    ("Notícias recentes", "read-also prompt",
     "As notícias recentes sobre a greve preocupam os pais, disse a diretora do agrupamento."),
    ("Mais tocadas de Os Vagalumes do Cerrado", "read-also prompt",
     "As mais tocadas de Os Vagalumes do Cerrado nas rádios de Goiás falam da estrada e da seca."),
    ("Ouça estações relacionadas a Os Vagalumes do Cerrado no Vagalume.FM", "read-also prompt",
     "As estações relacionadas ao metrô ficaram fechadas na greve, disse a companhia."),
    ("Enviada por Joana e traduzida por Pedro. Legendado por Ana.", "byline or credit",
     "A carta, enviada por Joana ao prefeito em março, nunca teve resposta."),
    ("Publicado por Tribunal de Justiça de Minas Gerais", "byline or credit",
     "Publicado por uma editora pequena de Belo Horizonte, o livro esgotou em duas semanas."),
    ("Sítio desenvolvido com Joomla!", "navigation",
     "O sítio desenvolvido com a ajuda dos alunos do 12.º ano recebeu um prémio nacional."),
    ("Help us improve our website", "survey prompt",
     "Residents can help us improve our website by telling the council what they could not find, she said."),
    ("Can you answer a quick question about your visit today?", "survey prompt",
     "Can you answer a question about the tides? The museum's guide will try on Saturdays."),
    ("Take our survey", "survey prompt",
     "Take our survey of 2,000 parents: most want the school day to start later, the report says."),
    # Found blind: a public-records site's list of other requests, an attachment's file name and size.
    ("Similar requests", "read-also prompt",
     "Similar requests from three other councils were refused last year, the newspaper found."),
    ("Attachment gritting_routes_2026.pdf 1.4M Download View as HTML", "button or link label",
     "The report, a pdf 2 MB in size, was sent to every councillor on Monday."),
    # Still kept after its blind run, fixed later: a Q&A site's asker card after its role in brackets, a public-records
    # site's lines on who made the request, its status and its rules.
    ("[Pergunta] Carla Mendes, professora, Braga, Portugal", "byline or credit",
     "[Pergunta] Devemos escrever «há de» ou «há-de» depois do Acordo Ortográfico?"),
    ("Jane Doe made this Freedom of Information request to Some Council", "byline or credit",
     "Jane Doe made this Freedom of Information request to the council after the ice storm in March."),
    ("Awaiting classification.", "request status",
     "The orchid is awaiting classification as a protected species, the botanist said."),
    ("The request was successful.", "request status",
     "The request was successful, and the council sent the map a week later."),
    ("This request has been closed to new correspondence. Contact us if you think it should be reopened.",
     "account notice",
     "The archive was closed to new correspondence after the poet's death in 1974, the library said."),
    ("Is this request public? Yes. Find out more about how we publish requests.", "account notice",
     "Whether this request is public is for the court to decide, the lawyer said."),
]


@pytest.mark.parametrize(("text", "kind", "content"), CHROME)
def test_twenty_third_probe_chrome_goes_and_its_words_in_a_sentence_stay(text: str, kind: str, content: str) -> None:
    assert_probe_chrome(text, kind, content)


RELEASE = """Acme Robotics opens warehouse automation centre in Leeds
LEEDS, England, Dec. 1, 2026 /PRNewswire/ -- Acme Robotics said on Tuesday it opened a 40,000 square foot automation centre.
The centre will employ 120 engineers and test picking robots for retailers across northern Europe, the company said.
SOURCE Acme Robotics
Get Started
Also from this source
Acme Robotics reports record third-quarter orders
Acme Robotics names new chief financial officer
"""


def test_a_wire_releases_closing_lines_go(make_app: AppFactory, tmp_path: Path) -> None:
    texts = texts_of(make_app, tmp_path, "release.txt", RELEASE)
    assert texts == ["Acme Robotics opens warehouse automation centre in Leeds",
                     *RELEASE.splitlines()[1:3]]


FENCE = """# Setting up the exporter

Install the package first:

```bash
pip install anota-exporter

{heading}

{after}
"""


def test_a_heading_over_prose_after_a_fence_never_closed_is_no_code() -> None:
    page = FENCE.format(heading="## Configuring the output folder",
                        after="The exporter writes one file per project into the folder named below, which must exist.")
    assert [page[start:end] for start, end in code_bodies(page)] == ["pip install anota-exporter"]


def test_a_shell_comment_over_code_after_a_fence_never_closed_stays_code() -> None:
    page = FENCE.format(heading="# Configure the output folder", after="anota-exporter init --out ./exports")
    assert [page[start:end] for start, end in code_bodies(page)] == [
        "pip install anota-exporter\n\n# Configure the output folder\n\nanota-exporter init --out ./exports"]


SONG = """Estrada de Terra Vermelha
Os Vagalumes do Cerrado
Saí de casa antes do sol
Com a viola e um pão no embornal
Ô estrada de terra vermelha
Me leva que eu quero voltar
Minha mãe disse volta logo, menino
Que a chuva não tarda a chegar
Ô estrada de terra vermelha
Me leva que eu quero voltar
Ô estrada de terra vermelha
Me leva que eu quero voltar
Mais tocadas de Os Vagalumes do Cerrado
Estrada de Terra Vermelha
Cantiga do Buriti
Noite de São João
"""


def test_a_songs_refrain_and_its_title_in_the_list_of_its_songs_stay(make_app: AppFactory, tmp_path: Path) -> None:
    """A refrain repeated among a song's short lines is no running header (no paragraph between its copies), and the
    page's own title among the list's titles leaves the list going on."""
    texts = texts_of(make_app, tmp_path, "letra.txt", SONG)
    assert {"Estrada de Terra Vermelha", "Ô estrada de terra vermelha", "Me leva que eu quero voltar"} <= set(texts)
    assert "Cantiga do Buriti" not in texts and "Noite de São João" not in texts


REPORT = """Harbour Water Board — Annual Report 2026
The board supplied 41 million litres a day on average in 2026, two per cent more than in 2025, mostly to homes.
Harbour Water Board — Annual Report 2026
Leakage fell to 18 per cent of the water put into supply, after 3,200 repairs to mains and service pipes.
Harbour Water Board — Annual Report 2026
Bills will rise by 4 per cent from April to pay for a new treatment works at the reservoir, the board said.
"""


def test_a_running_header_with_paragraphs_between_its_copies_goes(make_app: AppFactory, tmp_path: Path) -> None:
    texts = texts_of(make_app, tmp_path, "report.txt", REPORT)
    assert "Harbour Water Board — Annual Report 2026" not in texts
    assert len(texts) == 3


@pytest.mark.parametrize(("line", "left_out"), [("Thursday 11 March 2027, Plymouth Marine Hall", False),
                                                ("Sábado, 12 de abril, Teatro Municipal", False),
                                                ("Saturday 12 April 2025, 5:14 pm", True),
                                                ("Thursday 3 April 2025 15:20", True)])
def test_an_events_date_and_venue_is_no_dateline(line: str, left_out: bool) -> None:
    assert (boilerplate_reason(line, Position(5, 30)) is not None) == left_out


# The six studied pages' truth (written before the first run), and the three pages kept back as a blind check.
TRUTH = json.loads((UNSEEN / ".probe23_truth.json").read_text(encoding="utf-8")) | json.loads(
    (UNSEEN / ".probe23_blind_truth.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_studied_page_keeps_its_real_lines_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                      name: str) -> None:
    assert_page_matches_truth(make_app, tmp_path, name, TRUTH[name], SAME_WORDS_KEPT.get(name, set()),
                              STILL_DROPPED.get(name, set()))


# (Found blind, the SIGAA page's panel heading was kept until probe 25: see tests/test_cleaning_probe25.py.)
# (A plain text's one-word heading over its section's prose under a line that is no paragraph, "Ementa" under the
# course's fields, stays since probe 33: a heading under a list of things over prose.)
STILL_DROPPED: dict[str, set[str]] = {}


# Chrome lines whose words are also a real (or either) line of their page, kept once as that line: the song's title
# in the list of the artist's songs, the artist's name in the header and under the title.
SAME_WORDS_KEPT = {"letras_vagalumes.txt": {"Estrada de Terra Vermelha", "Os Vagalumes do Cerrado"}}


COURSE = """DCA0305 - ESTATÍSTICA APLICADA À ENGENHARIA
Estatística descritiva, probabilidade, amostragem e testes de hipóteses para engenheiros, com exercícios em laboratório.
Tipo do Componente Curricular: DISCIPLINA
Carga Horária Total: 60 h
{field}
O aluno aprende a coletar, organizar e analisar dados de experimentos de engenharia e a tomar decisões com eles.
"""


def test_a_fields_hyphenated_label_among_fields_stays(make_app: AppFactory, tmp_path: Path) -> None:
    """A field next to another is a listing's detail, its label hyphenated or not (found blind in probe 23)."""
    texts = texts_of(make_app, tmp_path, "course.txt", COURSE.format(field="Pré-Requisitos: ( DCA0101 )"))
    assert "Pré-Requisitos: ( DCA0101 )" in texts


def test_a_hyphenated_label_alone_between_paragraphs_is_still_a_label(make_app: AppFactory, tmp_path: Path) -> None:
    page = COURSE.replace("Tipo do Componente Curricular: DISCIPLINA\nCarga Horária Total: 60 h\n", "")
    texts = texts_of(make_app, tmp_path, "course.txt", page.format(field="Pré-Requisitos: ( DCA0101 )"))
    assert "Pré-Requisitos: ( DCA0101 )" not in texts


SYSTEM_PAGE = """{first}
UFRN - Universidade Federal do Rio Grande do Norte
A+ A- Alto contraste
Entrar no sistema
DCA0305 - ESTATÍSTICA APLICADA À ENGENHARIA
Estatística descritiva, probabilidade, amostragem e testes de hipóteses para engenheiros, com exercícios em laboratório.
"""


def test_a_systems_acronym_and_name_over_the_sites_name_goes(make_app: AppFactory, tmp_path: Path) -> None:
    texts = texts_of(make_app, tmp_path, "sigaa.txt",
                     SYSTEM_PAGE.format(first="SIGAA - Sistema Integrado de Gestão de Atividades Acadêmicas"))
    assert texts == SYSTEM_PAGE.splitlines()[4:]


def test_an_acronym_and_name_over_prose_is_the_pages_title(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("PIB - Produto Interno Bruto\n"
            "O produto interno bruto soma o valor dos bens e serviços finais produzidos num país durante um ano.\n")
    assert texts_of(make_app, tmp_path, "pib.txt", page) == page.splitlines()


THREAD = """Fórum Ferrugem
Início | Fóruns | Membros | Regras
Qual óleo vocês usam no Fiat Uno 2008?
zeca_uno escreveu:
{first}
Dave | Team Rust desde 2009
Responder · Citar · Denunciar
mari.garagem escreveu:
lol same here honestly
Dave | Team Rust desde 2009
Responder · Citar · Denunciar
tonho escreveu:
{last}
Troquei o filtro de óleo junto e o motor ficou bem mais silencioso na partida.
"""


@pytest.mark.parametrize(("first", "last"), [("uso o 15w40 mineral faz anos", "eu tambem uso esse kkk"),
                                              ("Uso o 15w40 mineral há anos.", "Eu também.")])
def test_a_signature_under_short_posts_parted_by_their_chrome_goes(make_app: AppFactory, tmp_path: Path,
                                                                     first: str, last: str) -> None:
    """A post's buttons and its next author line between a signature's copies part them as a paragraph does, where a
    song's refrain has only its verses between its copies (test_a_songs_refrain_... above)."""
    texts = texts_of(make_app, tmp_path, "thread.txt", THREAD.format(first=first, last=last))
    assert "Dave | Team Rust desde 2009" not in texts
    assert {first, "lol same here honestly", last} <= set(texts)


ANSWER = """«Há de» ou «há-de»?
Depois do Acordo Ortográfico, devemos escrever «há de» ou «há-de»? Nos manuais aparecem as duas formas.
Com o Acordo Ortográfico de 1990, as formas do verbo haver deixaram de levar hífen antes da preposição de.
A grafia «há-de» era a da norma de 1945 e só se encontra hoje em textos anteriores ao acordo.
{line}
22/11/2026
Partilhar
Imprimir
"""


@pytest.mark.parametrize(("line", "left_out"), [("Ortografia Hífen Acordo Ortográfico", True),
                                                ("Verbo Haver Hífen Acordo Ortográfico", True),
                                                ("Maria Clara Souza Santos", False)])
def test_tags_run_together_over_chrome_go_and_a_name_signing_off_stays(make_app: AppFactory, tmp_path: Path,
                                                                         line: str, left_out: bool) -> None:
    """Tags without separators are most of them words of the page's text; a name signing it off is not."""
    texts = texts_of(make_app, tmp_path, "resposta.txt", ANSWER.format(line=line))
    assert (line not in texts) == left_out
    assert len(texts) == 4 + (not left_out)


def test_a_songs_refrain_with_an_ad_slot_between_its_copies_stays(make_app: AppFactory, tmp_path: Path) -> None:
    """An ad's slot between the verses parts no copies of the refrain, as a post's chrome parts a signature's."""
    song = SONG.replace("Minha mãe disse", "Publicidade\nMinha mãe disse", 1)
    texts = texts_of(make_app, tmp_path, "letra.txt", song)
    assert {"Ô estrada de terra vermelha", "Me leva que eu quero voltar"} <= set(texts) and "Publicidade" not in texts
