"""Cleaning rules of the twenty-second probe (2 December 2026): probe 21's misses (a byline "<name> in <town>" over
the story's date, a G1-style section label "PE - Petrolina") and what its five studied pages kept in fixtures/unseen
(an English Reddit thread copied from the browser, an English PR Newswire-style release, a pt-BR Diário Oficial da União
portaria, a pt-BR marketplace product page copied, a pt-PT recipe blog in Markdown), on small texts written for these
tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position, boilerplate_reason
from tests.test_cleaning_probe17 import assert_page_matches_truth, task_texts
from tests.test_preload import app_of_pages, assert_left_out, assert_probe_chrome, assert_screen_passes

AppFactory = Callable[..., Flask]
UNSEEN = Path(__file__).parent.parent / "fixtures" / "unseen"

# Each cue's chrome line, its kind, and a sentence of content with the same words, which stays.
CHROME = [
    # An official gazette's note under its act: the certified version is the one in force.
    ("Este conteúdo não substitui o publicado na versão certificada.", "disclaimer",
     "A versão certificada do diploma custa 30 reais e fica pronta em uma semana, disse a secretaria."),
    # A shop's lists and lines by the buy button: what others bought, how to pay, the stock.
    ("Quem comprou também comprou", "read-also prompt",
     "Quem comprou também comprou briga com o vizinho por causa da vaga, contou o síndico."),
    ("Pode também gostar de:", "read-also prompt",
     "O público pode também gostar de saber que a entrada é gratuita aos domingos, diz o museu."),
    ("Ver os meios de pagamento", "button or link label",
     "A loja passou a ver os meios de pagamento digitais como prioridade, diz o relatório."),
    ("Estoque disponível", "button or link label",
     "O estoque disponível de vacinas acaba em maio, segundo a secretaria de saúde."),
    ("Chegará grátis amanhã", "button or link label",
     "O livro chegará grátis às escolas da rede municipal a partir de março, disse o prefeito."),
    ("Entre, faça seu cadastro", "button or link label",
     "Quem não fizer o seu cadastro até sexta perde o benefício, diz a prefeitura."),
    ("Quantidade: 1 unidade (+50 disponíveis)", "button or link label",
     "Há 50 vagas disponíveis e cada família pode pedir uma unidade, segundo a câmara."),
    # An official gazette's field over its act: the issuing body.
    ("Órgão: Ministério do Meio Ambiente e Mudança do Clima/Instituto Brasileiro do Meio Ambiente", "catalogue field",
     "O órgão do Ministério do Meio Ambiente que cuida das florestas vai ganhar 200 fiscais, disse a ministra."),
]


@pytest.mark.parametrize(("text", "kind", "content"), CHROME)
def test_twenty_second_probe_chrome_goes_and_its_words_in_a_sentence_stay(text: str, kind: str, content: str) -> None:
    assert_probe_chrome(text, kind, content)


def test_a_brazilian_states_code_and_a_longer_town_alone_at_the_top_is_a_section_label() -> None:
    assert_left_out("RJ - São João de Meriti", "boilerplate", "a state's code and a town", Position(3, 30))
    assert_screen_passes(["RJ - São João de Meriti"], Position(3, 30))


SECTION = """Pular para o conteúdo
g1
Menu
Agro Ciência Economia Educação Mundo Política Saúde Tecnologia
{label}
Seca no Sertão: produtores de Petrolina perdem metade da safra de feijão
Sem chuva desde março, agricultores do Vale do São Francisco estimam prejuízo de R$ 40 milhões.
Por Renata Albuquerque, g1 Petrolina
03/12/2026 07h42  Atualizado há 2 horas
Os agricultores de sequeiro de Petrolina perderam metade da safra de feijão deste ano por causa da estiagem.
A prefeitura decretou situação de emergência na última segunda-feira e pediu carros-pipa ao governo federal.
"""


@pytest.mark.parametrize("label", ["PE - Petrolina", "SP – Ribeirão Preto"])
def test_a_states_code_and_a_town_over_a_title_is_no_heading_of_it(make_app: AppFactory, tmp_path: Path,
                                                                   label: str) -> None:
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"g1.txt": SECTION.format(label=label)}))
    assert label not in texts
    assert "Seca no Sertão: produtores de Petrolina perdem metade da safra de feijão" in texts


@pytest.mark.parametrize("line", ["PE - Petrolina perde metade da safra de feijão",  # a title goes on
                                  "UK - Manchester",  # no Brazilian state's code
                                  "Art. 1º - Petrolina"])
def test_a_title_or_another_code_and_a_town_is_no_section_label(line: str) -> None:
    reason = boilerplate_reason(line, Position(3, 30))
    assert reason is None or "state's code" not in reason[1]


BYLINE = """Spain records hottest November night as Seville stays above 25C
Meteorologists say the warm spell is linked to a blocking high-pressure system over north Africa
Sam Jones in Madrid
Tue 2 Dec 2026 16.40 GMT
Seville's overnight temperature did not fall below 25.3C on Monday night, the highest November minimum on record.
The agency said a blocking high over north Africa had pushed hot air across Andalusia for nine consecutive days.
"""


def test_a_name_in_a_town_over_the_storys_date_is_its_byline(make_app: AppFactory, tmp_path: Path) -> None:
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"story.txt": BYLINE}))
    assert "Sam Jones in Madrid" not in texts
    assert "Spain records hottest November night as Seville stays above 25C" in texts


NO_DATE_BELOW = """Spain records hottest November night as Seville stays above 25C
Flooding in Madrid
Sam Jones in Madrid
Seville's overnight temperature did not fall below 25.3C on Monday night, the highest November minimum on record.
The agency said a blocking high over north Africa had pushed hot air across Andalusia for nine consecutive days.
"""


def test_a_name_in_a_town_without_a_date_under_it_stays(make_app: AppFactory, tmp_path: Path) -> None:
    """Without the date line under it, "<name> in <town>" may be a title or a caption: it stays."""
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"story.txt": NO_DATE_BELOW}))
    assert "Sam Jones in Madrid" in texts


# The five studied pages' truth (written before the first run), and the three pages kept back as a blind check.
TRUTH = json.loads((UNSEEN / ".probe22_truth.json").read_text(encoding="utf-8")) | json.loads(
    (UNSEEN / ".probe22_blind_truth.json").read_text(encoding="utf-8"))
# Still kept (no cue general enough yet): a wire release's time stamp, a recipe card's times. (The gazette's masthead,
# the release's "SOURCE <company>", "Get Started", "Also from this source" with its list and "Explore" topics go since
# probe 23.)
STILL_KEPT = {
    "prnewswire_heat_pumps.txt": {"02 Dec, 2026, 08:00 ET"},
    "receita_blog_arroz_pato.md": {"Tempo de preparação: 20 min | Tempo de cozedura: 2 h | Doses: 4"},
    # Found blind: a company's name alone between a wire service's labels, as under "News provided by" above.
    "businesswire_clinic.txt": {"Northfield Health"},
}
# A review section's heading over the reviews, dropped as a label.
STILL_DROPPED = {"loja_liquidificador.txt": {"Opiniões do produto"}}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_studied_page_keeps_its_real_lines_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                      name: str) -> None:
    assert_page_matches_truth(make_app, tmp_path, name, TRUTH[name], STILL_KEPT.get(name, set()),
                              STILL_DROPPED.get(name, set()))


STORY = """{title}
Heavy rain closed twelve metro stations in Madrid on Monday, and the city asked people to work from home.
The storm dropped 80 litres of rain per square metre in six hours, the weather agency said.
"""


@pytest.mark.parametrize("title", ["Flooding in Madrid", "Feira do livro", "Garden Club News"])
def test_a_short_title_over_a_plain_texts_first_paragraph_stays(make_app: AppFactory, tmp_path: Path,
                                                                 title: str) -> None:
    """A plain text's first line of a few words right over its prose is its title (probe 21's helper saw three-word
    titles left out as labels)."""
    assert title in task_texts(app_of_pages(make_app, tmp_path / "pages", {"story.txt": STORY.format(title=title)}))


@pytest.mark.parametrize("top", ["g1\\nSeca no Sertão: produtores de Petrolina perdem metade da safra de feijão",
                                 "BBC News\\nHome\\nNews\\nSport"])
def test_a_site_name_over_a_title_or_a_menu_is_no_title(make_app: AppFactory, tmp_path: Path, top: str) -> None:
    page = top.replace("\\n", "\n") + "\n" + STORY.format(title="").lstrip("\n")
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"story.txt": page}))
    assert top.split("\\n")[0] not in texts


BOX = """Câmara de Coimbra compra prédios devolutos para habitação
A câmara vai comprar doze prédios devolutos na Baixa para os reabilitar e arrendar a preços controlados.
O investimento previsto é de 14 milhões de euros, financiados em parte pelo Plano de Recuperação e Resiliência.
Newsletter Local
Todas as semanas, as histórias das cidades e vilas do país.
Subscrever
© 2026 PÚBLICO Comunicação Social SA
"""

LETTER = """Newsletter Local
Todas as semanas, as histórias das cidades e vilas do país.
Esta semana fomos a Mértola, onde a feira do mel juntou quarenta produtores e três mil visitantes no sábado.
Em Braga, a câmara abriu o novo parque de estacionamento junto à estação, com 400 lugares.
"""


def test_a_newsletter_boxs_description_between_its_heading_and_its_button_goes(make_app: AppFactory,
                                                                              tmp_path: Path) -> None:
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"box.txt": BOX}))
    assert "Todas as semanas, as histórias das cidades e vilas do país." not in texts
    assert any(text.startswith("O investimento previsto") for text in texts)


def test_an_e_mail_newsletters_paragraph_under_its_heading_stays(make_app: AppFactory, tmp_path: Path) -> None:
    """Without a subscribe button under it, the line under the newsletter's name is its content."""
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"letter.txt": LETTER}))
    assert "Todas as semanas, as histórias das cidades e vilas do país." in texts


AUTHOR = """# What three years of skills-based hiring taught our team

### Priya Raman

#### Head of Talent at Northbeam Logistics

{date}

In 2023 we removed degree requirements from 40 of our 52 job descriptions and replaced them with short work samples.

The change was unpopular with some hiring managers at first, who worried that it would flood them with applications.
"""


def test_an_authors_role_between_their_name_and_the_date_goes(make_app: AppFactory, tmp_path: Path) -> None:
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"post.md": AUTHOR.format(date="Published Nov 18, 2026")}))
    assert "Head of Talent at Northbeam Logistics" not in texts
    assert any(text.startswith("In 2023 we removed degree requirements") for text in texts)


def test_a_role_under_a_name_without_a_date_below_stays(make_app: AppFactory, tmp_path: Path) -> None:
    """Without the byline's date under it, the name and role may be a signature or a profile the page is about."""
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"post.md": AUTHOR.format(date="")}))
    assert "Head of Talent at Northbeam Logistics" in texts


RELEASE = """News provided by
{company}
02 Dec, 2026, 08:00 ET
Harwell Thermal Systems to build heat pump factory in Ohio, creating 420 jobs
LIMA, Ohio, Dec. 2, 2026 /PRNewswire/ -- Harwell Thermal Systems said on Tuesday it will build a $180 million factory.
The plant will have capacity for 150,000 units a year and will supply installers in the Midwest, the company said.
"""


@pytest.mark.parametrize("company", ["Harwell Thermal Systems", "Acme"])
def test_the_name_under_a_credit_line_ending_in_by_goes_with_it(make_app: AppFactory, tmp_path: Path,
                                                                company: str) -> None:
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"release.txt": RELEASE.format(company=company)}))
    assert company not in texts
    assert "Harwell Thermal Systems to build heat pump factory in Ohio, creating 420 jobs" in texts


POEM = """The winter garden
This year the roses were planted by
Maria Fernanda da Silva Alves
who came every Sunday with her own spade and a flask of tea, and stayed until the light went.
"""


def test_a_name_under_a_line_of_content_ending_in_by_stays(make_app: AppFactory, tmp_path: Path) -> None:
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"poem.txt": POEM}))
    assert "Maria Fernanda da Silva Alves" in texts


RECORD = """Dissertação de mestrado
Tipo: Dissertação
Idioma: por
País: Brasil
Editor: Universidade Federal de Minas Gerais
Este trabalho estuda a recuperação de nascentes em áreas de pastagem degradada no Cerrado mineiro entre 2019 e 2024.
"""


def test_a_fields_value_por_is_no_credit_line(make_app: AppFactory, tmp_path: Path) -> None:
    """"por" as a language's code in a record's field credits no name below it."""
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"record.txt": RECORD}))
    assert "País: Brasil" in texts
