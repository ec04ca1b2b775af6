"""Cleaning rules of the eighteenth probe (2 December 2026): the two misses left by the seventeenth (a plain text's title
of two words under its breadcrumb, an unfenced "pip install"), and what its eight studied pages kept in fixtures/unseen
showed (a pt-PT letter with its letterhead and addressee block, an English cinema's film page in HTML with its credits,
a medRxiv-style preprint as text, a pt-PT event page in HTML with its "Data" / "Local" / "Bilhetes" labels, an English
school letter, a pt-BR docs page in Markdown, a pt-PT rental listing in Markdown with its entry costs, a pt-BR
magazine's story with its masthead and "Expediente"), on small texts written for these tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from tests.test_cleaning_probe17 import assert_page_matches_truth, exclusion_reasons, task_texts
from tests.test_preload import app_of_pages, assert_probe_chrome

AppFactory = Callable[..., Flask]
UNSEEN = Path(__file__).parent.parent / "fixtures" / "unseen"

# Each cue's chrome line, its kind, and a sentence of content with the same words, which stays.
CHROME = [
    # A preprint's page: its DOI, its warning, the authors' declarations and their labels, its licence.
    ("doi: https://doi.org/10.1101/2025.03.04.25323311", "navigation",
     "The doi of the paper was corrected by the journal in May, the authors said."),
    ("Competing Interest Statement", "navigation",
     "The competing interest statement was missing from the first version, the editors said."),
    ("Funding Statement", "navigation", "Funding for the study came from the city council and two charities."),
    ("Author Declarations", "navigation", "The author declarations were signed by all four researchers in March."),
    ("Subject Area", "navigation", "The subject area of the course changed after the review in 2023."),
    ("Conflito de interesses", "navigation", "O conflito de interesses do ministro foi discutido no parlamento."),
    ("This article is a preprint and reports new medical research that has yet to be evaluated and so should not be "
     "used to guide clinical practice.", "disclaimer",
     "The new vaccine has yet to be approved by the regulator, which will decide in June."),
    ("Este artigo é um preprint e não foi revisado por pares.", "disclaimer",
     "O artigo foi revisado por pares e publicado na revista em março."),
    ("The authors have declared no competing interest.", "disclaimer",
     "The council has declared no interest in buying the land, its leader said."),
    ("I confirm all relevant ethical guidelines have been followed, and any necessary IRB and/or ethics committee "
     "approvals have been obtained.", "disclaimer",
     "The ethics committee met on Friday to discuss the new guidelines for research with children."),
    ("The copyright holder for this preprint is the author/funder, who has granted medRxiv a license to display the "
     "preprint in perpetuity. It is made available under a CC-BY 4.0 International license.", "copyright notice",
     "The museum made the photographs available to schools last year at no cost."),
    # A pt-PT letter sent by e-mail, an estate agent's licence, a listing's age.
    ("Este documento foi enviado por correio eletrónico e dispensa assinatura.", "signature notice",
     "O contrato de arrendamento não dispensa a vistoria da casa antes da entrega das chaves."),
    ("**Anunciante:** Imobiliária Douro Lar · AMI 12345", "company details",
     "A AMI enviou uma equipa médica para a Guiné-Bissau em fevereiro."),
    ("Anúncio atualizado há 3 dias · Ref.ª 88213", "byline or credit",
     "O plano foi atualizado três vezes desde janeiro, disse o ministro."),
    # A school's other letters; an event's field labels alone on their lines.
    ("Other letters home", "read-also prompt",
     "Other letters home from the front were published by the museum in 2014."),
    ("Bilhetes", "field label", "Os bilhetes para o concerto esgotaram em duas horas, segundo a promotora."),
    ("Local", "field label", "O comércio local perdeu clientes com as obras na avenida, dizem os lojistas."),
    ("Venue", "field label", "The venue was changed at the last minute because of the storm."),
    # Found blind (the probe's six pages kept back, run once): an app store's byline, data-safety box and information
    # table; a crowdfunding campaign's byline, tally, terms and rewards; a job's terms; a podcast's details line; a
    # public service's provider, button and contact centre; a shop's delivery offer.
    ("daveyjones82, 02/15/2025", "byline or credit",
     "The council met on 02/15/2025 and approved the budget, daveyjones82 wrote on the forum."),
    ("Data Linked to You", "privacy notice", "The data linked to the accident were sent to the police on Monday."),
    ("The following data may be collected and linked to your identity:", "privacy notice",
     "Your new passport number will be linked to your national insurance record within a week."),
    ("Size 48.2 MB", "field label", "The size of the new library is twice that of the old one."),
    ("Seller Nimbus Works Ltd", "field label", "The seller of the house accepted the offer on Friday."),
    ("Por **Coletivo Leia Providência** · Rio de Janeiro, RJ", "byline or credit",
     "Por causa da chuva, o jogo no Rio de Janeiro foi adiado para domingo."),
    ("**R$ 38.640** arrecadados de R$ 45.000", "engagement count",
     "Foram arrecadados R$ 38 mil para a reforma da escola, segundo a associação."),
    ("Tudo-ou-nada: este projeto só receberá os recursos se atingir a meta até 28/03/2025.", "terms notice",
     "Foi uma aposta de tudo ou nada, disse o treinador depois do jogo."),
    ("**R$ 100 ou mais** · Ecobag da biblioteca + marcador de livro · Entrega estimada: jun/2025 · 97 apoios",
     "engagement count", "A entrega das obras está estimada para junho, segundo a prefeitura."),
    ("£48,000 – £58,000 a year · Full-time · Permanent", "job details",
     "She works full-time at the hospital and studies at night."),
    ("**Harrow & Finch Logistics** · Leeds (hybrid, 2 days in office)", "job details",
     "The company moved to a hybrid model in 2022, with staff in the office two days a week."),
    ("Conversas à Mesa · 11 de março de 2025 · 38 min", "byline or credit",
     "A conversa durou 38 minutos e terminou com um acordo, segundo o sindicato."),
    ("Serviço prestado por: Instituto dos Registos e do Notariado", "byline or credit",
     "O serviço prestado pelo hospital foi elogiado pelos doentes no inquérito de 2024."),
    ("Marcar atendimento", "button or link label", "É preciso marcar atendimento com antecedência na loja do cidadão."),
    ("Centro de Contacto Cidadão: 210 489 011 (dias úteis das 9h às 19h, chamada para a rede fixa nacional)",
     "contact prompt", "O centro de saúde vai abrir ao sábado a partir de março, anunciou a câmara."),
    ("Free delivery on orders over £40", "button or link label",
     "The shop offered free delivery to older customers during the lockdown, its owner said."),
]


@pytest.mark.parametrize(("text", "kind", "content"), CHROME)
def test_eighteenth_probe_chrome_goes_and_its_words_in_a_sentence_stay(text: str, kind: str, content: str) -> None:
    assert_probe_chrome(text, kind, content)


INSTALL = """# Instalação

O pacote funciona com Python 3.9 ou mais recente e não precisa de chave de API.

pip install cepbr

Com Poetry:

poetry add cepbr

npm i left-pad
"""


def test_an_unfenced_install_command_stays(make_app: AppFactory, tmp_path: Path) -> None:
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"docs.md": INSTALL}))
    assert "pip install cepbr" in texts and "poetry add cepbr" in texts and "npm i left-pad" in texts


SPORTS_DAY = """Hollybrook Primary School
Learning together, growing together
Home | About Us | Parents | Curriculum | News | Contact
Search
Home > Parents > Letters Home > Sports Day
Sports Day
Posted on 3 June 2025 by School Office
Our annual Sports Day will take place on Wednesday 18 June on the school field, from 9.30am.
Children should come to school in their PE kit, with a named water bottle and a sun hat.
If the weather is wet, Sports Day will move to Friday 20 June, and we will text all families by 8am.
Download this letter (PDF, 96 KB)
Share this page
© 2025 Hollybrook Primary School
"""


def test_a_plain_texts_title_under_the_breadcrumb_ending_on_it_stays(make_app: AppFactory, tmp_path: Path) -> None:
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"letter.txt": SPORTS_DAY}))
    lines = SPORTS_DAY.splitlines()
    assert texts == [lines[5]] + lines[7:10]


BOOKING = """Apartamento T2 com varanda no Bonfim
Apartamento renovado em 2023 numa rua tranquila do Bonfim, a dez minutos a pé do metro.
Renda mensal 950 €
Caução (2 meses) 1 900 €
Total na assinatura 2 850 €
A cozinha está equipada com placa de indução, forno e máquina de lavar loiça.
"""

FUEL_PRICES = """Gasolina volta a subir nos postos de Curitiba
O preço médio da gasolina subiu pela terceira semana seguida, segundo a ANP.
Gasolina comum R$ 6,19
Etanol R$ 4,09
Diesel S10 R$ 6,02
Os postos dizem que o repasse da Petrobras ainda não terminou.
"""


def test_a_price_breakdown_with_its_total_goes(make_app: AppFactory, tmp_path: Path) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {"a_casa.txt": BOOKING, "b_postos.txt": FUEL_PRICES})
    texts = task_texts(app)
    assert not any(line in texts for line in BOOKING.splitlines()[2:5])
    assert "price breakdown" in exclusion_reasons(app)["Total na assinatura 2 850 €"]
    # Prices listed in a story, with no total, are its content.
    assert all(line in texts for line in FUEL_PRICES.splitlines())


FILM = """Salt Harbour
In a Cornish fishing town, a widowed boat-builder takes on an apprentice who has just left prison.
Cast and credits
Director: Eleanor Price
Writer: Tom Aldous
Cast: Ian Hart, Joe Cole, Siobhan Finneran
Original language: English
Price never lets the film become a tearjerker, and the storms are filmed from inside the shed.
"""

BIKE = """Bicicleta speed aro 700 em ótimo estado
Vendo bicicleta speed usada por dois anos, com revisão feita em janeiro.
Marca: Caloi
Modelo: Strada Racing
Cor: Preta
Aceito troca por bicicleta de montanha do mesmo valor.
"""


def test_a_block_of_credits_and_its_heading_go(make_app: AppFactory, tmp_path: Path) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {"a_film.txt": FILM, "b_bike.txt": BIKE})
    texts = task_texts(app)
    assert not any(line in texts for line in FILM.splitlines()[2:7])
    reasons = exclusion_reasons(app)
    assert "heading of a block of credits" in reasons["Cast and credits"]
    assert "credit in a block" in reasons["Cast: Ian Hart, Joe Cole, Siobhan Finneran"]
    # A listing's fields name no role: they are its content.
    assert all(line in texts for line in BIKE.splitlines())


PREPRINT = """Walking school buses and children's daily activity: a cluster-randomised trial
Hannah Moss, David Okoro, Priya Anand and Michael Greer
We randomised 24 primary schools in two English cities to a walking school bus programme or usual practice.
After six months, children in intervention schools did 9 more minutes of activity a day.
The schools were visited by Ana Lima, Rui Costa and Marta Sousa, who ran the walking groups.
Walking school buses led to a small but meaningful increase in daily activity.
"""


def test_a_papers_authors_alone_on_a_line_go(make_app: AppFactory, tmp_path: Path) -> None:
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"preprint.txt": PREPRINT}))
    lines = PREPRINT.splitlines()
    assert texts == lines[:1] + lines[2:]


LETTER = """GestCondo – Administração de Condomínios, Lda.
Avenida da Boavista, 1180, 3.º Esq. · 4100-113 Porto · Tel. 226 091 440 · geral@gestcondo.pt
Exma. Senhora
D. Helena Vasconcelos
Rua de Cedofeita, 212, 2.º Dto.
4050-174 Porto
Assunto: Obras na cobertura do edifício
Informamos que a assembleia de condóminos de 27 de fevereiro aprovou a reparação da cobertura do edifício.
As obras começam a 7 de abril e devem durar seis semanas, com um andaime na fachada.
Pedimos que, nos dias de trabalho no terraço, não deixe roupa a secar nas janelas viradas para a rua.
O orçamento aprovado é de 38 400 euros, repartido pelas frações segundo a permilagem.
Com os melhores cumprimentos,
Rui Teixeira
"""


def test_a_letters_company_name_and_addressee_block_go(make_app: AppFactory, tmp_path: Path) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {"carta.txt": LETTER})
    texts = task_texts(app)
    assert texts[0] == "Assunto: Obras na cobertura do edifício"
    reasons = exclusion_reasons(app)
    assert "letterhead" in reasons["GestCondo – Administração de Condomínios, Lda."]
    assert "addressee" in reasons["Rua de Cedofeita, 212, 2.º Dto."] and "4050-174 Porto" in reasons


# The eight studied pages' truth, and the six pages kept back as a blind check until the fixes above were made (run once
# then, and fixed after as "found blind").
TRUTH = json.loads((UNSEEN / ".probe18_truth.json").read_text(encoding="utf-8")) | json.loads(
    (UNSEEN / ".probe18_blind_truth.json").read_text(encoding="utf-8"))

# What the studied pages still get wrong (fixtures/unseen/README.md): chrome lines kept, real lines dropped. Anything
# else wrong fails the test. Probe 30 moved "Transcrição" to the real lines: the heading of what was said is the
# transcript's, as probe 28's "Customer reviews" is the reviews'.
STILL_KEPT: dict[str, set[str]] = {}
STILL_DROPPED: dict[str, set[str]] = {}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_studied_page_keeps_its_real_lines_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                      name: str) -> None:
    assert_page_matches_truth(make_app, tmp_path, name, TRUTH[name], STILL_KEPT.get(name, set()),
                              STILL_DROPPED.get(name, set()))
