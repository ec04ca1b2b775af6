"""Cleaning rules of the twenty-fifth probe (2 December 2026): probe 24's misses (a panel's heading under a breadcrumb, a
code host's tabs with their counts run together, "More obituaries from ...", a newsletter box's pitch and its button,
"The request was partially successful.") and the studied pages' (a fact-checker's, a learning platform's, an
educational site's, a parliament's record, a recall notice), on small texts written for these tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position
from tests.test_cleaning_probe17 import assert_page_matches_truth, task_texts
from tests.test_preload import app_of_pages, assert_kept, assert_left_out, assert_probe_chrome, assert_screen_passes

AppFactory = Callable[..., Flask]
UNSEEN = Path(__file__).parent.parent / "fixtures" / "unseen"


def texts_of(make_app: AppFactory, tmp_path: Path, name: str, page: str) -> list[str]:
    return task_texts(app_of_pages(make_app, tmp_path / "pages", {name: page}))


@pytest.mark.parametrize(("line", "kind", "content"), [
    # Probe 24's misses.
    ("The request was partially successful.", "request status",
     "After a long wait, the request was partially successful."),
    ("More obituaries from the Kentish Herald", "read-also prompt",
     "More obituaries from the Kentish Herald readers arrived this week than ever before."),
    ("Get the best of the Kentish Herald delivered every morning.", "subscribe prompt",
     "Milk was delivered every morning to the farm shop, the owner recalled."),
    # The studied pages'.
    ("Está autenticado como Inês Carvalho (Sair)", "account notice",
     "O sistema mostra que está autenticado como aluno quem entrou com a senha da escola."),
    ("Obter a aplicação móvel", "subscribe prompt",
     "Obter a aplicação móvel da escola foi fácil para os pais, disse a diretora."),
    ("Seguir para...", "navigation", "Seguir para a escola de manhã cedo é o melhor, disse ele."),
    ("Português - Portugal (pt)", "navigation", "O português de Portugal (pt) e o do Brasil (br) têm códigos diferentes."),
    ("◄ Aula 11: Membrana celular", "button or link label", "A seta ◄ marca a aula anterior na página do curso."),
    ("Aula 13: Respiração aeróbia ►", "button or link label",
     "A seta ► no fim da linha leva à aula seguinte, explicou a professora."),
    ("A fazer: Marcar como concluído", "button or link label",
     "Depois de marcar como concluído cada exercício, o aluno vê a nota final."),
    ("Concluído: Ver", "button or link label", "Concluído: ver o relatório final levou três semanas à equipa."),
    ("Aberto: segunda-feira, 30 de novembro de 2026, 08:00", "byline or credit",
     "Aberto ao público desde segunda-feira, 30 de novembro de 2026, o museu já recebeu mil visitas."),
    ("Publicado por: Rafaela Sousa", "byline or credit",
     "O texto foi publicado por Rafaela Sousa na revista da escola em março."),
    ("Não pare agora... Tem mais depois da publicidade ;)", "advertisement",
     "A rádio tem mais publicidade depois das seis da tarde, segundo o relatório anual."),
    ("Viu algo suspeito? Mande para o nosso WhatsApp: (21) 99999-0000", "contact prompt",
     "Ele viu algo suspeito na rua e chamou a polícia, que chegou dez minutos depois."),
    ("Gostaria de fazer a referência deste texto em um trabalho escolar ou acadêmico? Veja:", "reference list",
     "A professora pediu que cada aluno fizesse a referência deste texto no trabalho final, com o nome da autora, o "
     "título e a data em que o texto foi lido, como manda a norma da ABNT para os trabalhos escolares."),
    ("SOUSA, Rafaela. \"Ciclo da água\"; Mundo Educação. Disponível em: https://mundoeducacao.uol.com.br/geografia/"
     "ciclo-agua.htm. Acesso em 02 de dezembro de 2026.", "reference list",
     "O edital está disponível em: https://prefeitura.gov.br/edital e as inscrições vão até 30 de março."),
    ("Esta checagem faz parte do programa de verificação independente do Meta. Saiba mais sobre a nossa metodologia.",
     "disclaimer",
     "O programa de verificação independente da Meta paga agências de checagem no Brasil desde 2018, e a empresa "
     "anunciou em janeiro que vai encerrar a parceria nos Estados Unidos, mas não no resto do mundo, segundo a "
     "reportagem publicada pelo jornal."),
    # Found blind: a ticket box's button and when its sales end.
    ("Comprar ingressos", "button or link label", "Comprar ingressos para a final custou três horas de fila, contou ele."),
    ("Vendas até 12/12/2026", "byline or credit", "As vendas até 12/12/2026 superaram as do ano passado, disse a loja."),
])
def test_a_probe_line_goes_and_a_sentence_of_its_words_stays(line: str, kind: str, content: str) -> None:
    assert_probe_chrome(line, kind, content)


@pytest.mark.parametrize("sentence", [
    # A story's passive is no credit, nor a count it quantifies ("mais de 40 mil compartilhamentos") a widget's.
    "O vídeo foi enviado por leitores ao nosso número de WhatsApp e soma mais de 40 mil compartilhamentos.",
])
def test_a_storys_sentence_with_a_credit_and_a_count_stays(sentence: str) -> None:
    assert_kept(sentence)


def test_a_code_hosts_tabs_with_their_counts_are_a_menu_but_a_title_with_a_year_is_not() -> None:
    tabs = "Code Issues 48 Pull requests 9 Actions Projects Security Insights"
    assert_left_out(tabs, "navigation", "run together")
    assert_screen_passes([tabs], Position(5, 30))
    assert_kept("Bicicleta Caloi Elite Carbon Sport 2022 tamanho M")


NEWSLETTER = """Gazeta do Vale
Cidades Política Esportes
Morre aos 91 anos a professora Aurora Menezes, de Pouso Alegre
A professora aposentada Aurora Menezes morreu na noite de terça-feira, aos 91 anos, no hospital da cidade.
Ela lecionou por 32 anos na escola estadual e ensinou a ler mais de 1.500 crianças, contam os ex-alunos.
Receba a Gazeta no seu e-mail
As notícias mais importantes do Sul de Minas, toda manhã, de graça.
{button}
{after}
"""


def test_a_newsletter_boxs_pitch_over_a_button_of_a_few_words_goes(make_app: AppFactory, tmp_path: Path) -> None:
    page = NEWSLETTER.format(button="Quero receber", after="Notícias relacionadas\nCâmara aprova nome de professora")
    texts = texts_of(make_app, tmp_path, "obituario.txt", page)
    assert "As notícias mais importantes do Sul de Minas, toda manhã, de graça." not in texts
    assert "A professora aposentada Aurora Menezes morreu na noite de terça-feira, aos 91 anos, no hospital da cidade." \
        in texts


def test_a_paragraph_under_a_newsletters_name_over_a_heading_of_content_stays(make_app: AppFactory,
                                                                              tmp_path: Path) -> None:
    """The short line under the paragraph heads more content: no button."""
    page = NEWSLETTER.format(button="Nesta edição", after="A prefeitura abriu as inscrições para a feira do livro, que "
                                                          "começa no sábado na praça central.")
    texts = texts_of(make_app, tmp_path, "obituario.txt", page)
    assert "As notícias mais importantes do Sul de Minas, toda manhã, de graça." in texts


PANEL = """Sistema Acadêmico
{breadcrumb}
{heading}
MAT0102 - CÁLCULO DIFERENCIAL E INTEGRAL II
Carga Horária Total: 60 h
Pré-Requisitos: MAT0101
Ementa
Integrais múltiplas, coordenadas polares, cilíndricas e esféricas, e aplicações em física e engenharia.
"""


@pytest.mark.parametrize("heading", ["Dados Gerais do Componente Curricular", "Informações da Turma", "Course details"])
def test_a_panels_heading_between_the_breadcrumb_and_the_records_title_goes(make_app: AppFactory, tmp_path: Path,
                                                                            heading: str) -> None:
    page = PANEL.format(breadcrumb="Ensino > Turmas > Consulta", heading=heading)
    texts = texts_of(make_app, tmp_path, "turma.txt", page)
    assert heading not in texts and "MAT0102 - CÁLCULO DIFERENCIAL E INTEGRAL II" in texts


def test_a_pages_title_under_its_breadcrumb_stays(make_app: AppFactory, tmp_path: Path) -> None:
    """A line under the breadcrumb that names no panel's data is the page's (a title over the record's)."""
    page = PANEL.format(breadcrumb="Ensino > Turmas > Consulta", heading="Cálculo diferencial para as engenharias")
    assert "Cálculo diferencial para as engenharias" in texts_of(make_app, tmp_path, "turma.txt", page)


HEADER = """Saltar para o conteúdo principal
Moodle Escolas
Painel Os meus cursos Calendário
{user}
{course}
Painel / Os meus cursos / GEO11 / Aula 4: Rios
Aula 4: Rios
Nesta aula vamos estudar como os rios escavam os vales e transportam sedimentos até ao mar.
O trabalho de grupo sobre a bacia do Mondego é entregue no dia 9 de janeiro, em papel.
"""


def test_the_short_lines_of_a_pages_header_over_its_breadcrumb_go(make_app: AppFactory, tmp_path: Path) -> None:
    """A learning platform's header holds the user's name and the course's, over the breadcrumb."""
    texts = texts_of(make_app, tmp_path, "aula.txt", HEADER.format(user="Rui Almeida", course="Geografia A 11.º C"))
    assert "Rui Almeida" not in texts and "Geografia A 11.º C" not in texts
    assert "Aula 4: Rios" in texts


def test_prose_over_a_breadcrumb_keeps_the_short_line_under_it(make_app: AppFactory, tmp_path: Path) -> None:
    """With a paragraph above, the page's header has ended: the short line is the page's."""
    page = HEADER.format(user="A turma visitou o vale do Mondego em outubro e recolheu amostras de areia.",
                         course="Geografia A 11.º C")
    assert "Geografia A 11.º C" in texts_of(make_app, tmp_path, "aula.txt", page)


QUESTION = """Aos Fatos
Checagens Reportagens Explica
É falso que vacina da gripe contenha chip de rastreamento
O vídeo usa a imagem de um microscópio de um laboratório de materiais, publicada em 2019, sem relação com vacinas.
O Instituto Butantan informou que a fórmula contém apenas vírus inativados, conservantes e sais.
Por que investigamos
O vídeo foi enviado por leitores ao nosso número de WhatsApp e soma mais de 40 mil compartilhamentos.
Leia também
É falso que Anvisa proibiu venda de dipirona
"""


def test_a_heading_asked_with_por_que_is_no_byline(make_app: AppFactory, tmp_path: Path) -> None:
    texts = texts_of(make_app, tmp_path, "checagem.txt", QUESTION)
    assert "Por que investigamos" in texts
    assert "O vídeo foi enviado por leitores ao nosso número de WhatsApp e soma mais de 40 mil compartilhamentos." in texts


RECALL = """# Coast Foods recalls fish pie because it contains milk

Coast Foods is recalling its Fish Pie because it contains milk, which is not mentioned on the label.

## Product details

{caption}

| Pack size | Use by | Batch code |
| --- | --- | --- |
| 400g | 14 December 2026 | FP2231 |

## Our advice to consumers

If you have bought the above product and have an allergy to milk, do not eat it.
"""


def test_a_short_line_over_a_markdown_table_captions_it(make_app: AppFactory, tmp_path: Path) -> None:
    """The table is content, and so is the name over it and the heading over both."""
    texts = texts_of(make_app, tmp_path, "recall.md", RECALL.format(caption="**Fish Pie**"))
    assert "**Fish Pie**" in texts and "Product details" in texts


WARNING = """# Aviso amarelo de vento para a Madeira

O IPMA colocou a costa norte da Madeira sob aviso amarelo de vento forte até às 18h de sexta-feira.

## Concelhos abrangidos

* Porto Moniz (aviso amarelo)
* São Vicente (aviso amarelo)

Recomenda-se que se evitem as zonas costeiras e os passeios junto ao mar durante o aviso.
"""


def test_a_markdown_heading_over_a_lists_short_items_stays(make_app: AppFactory, tmp_path: Path) -> None:
    """Found blind: the items are fragments by their own decision, kept as a list's; the heading heads them."""
    texts = texts_of(make_app, tmp_path, "aviso.md", WARNING)
    assert "Concelhos abrangidos" in texts and "Porto Moniz (aviso amarelo)" in texts


# The six studied pages' truth (written before the first run), and the three pages kept back as a blind check.
TRUTH = json.loads((UNSEEN / ".probe25_truth.json").read_text(encoding="utf-8")) | json.loads(
    (UNSEEN / ".probe25_blind_truth.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_studied_page_keeps_its_real_lines_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                      name: str) -> None:
    assert_page_matches_truth(make_app, tmp_path, name, TRUTH[name], set(), set())
