"""Cleaning rules of the thirty-fifth probe (3 December 2026): page types no earlier probe had (a gov.br service page, a
pt-PT property listing, a guest house's reviews, a pt-BR Q&A thread, a mailing list's archive, an event's ticket page,
a coffee roaster's product page), see fixtures/cleaning35/README.md; and what probe 34 left kept: a forum member card's
place ("Localização: Ponte de Lima"), a helpline's label and number, a seller's "<name>, owner of <shop>".

Decided for an annotation team: a place after its label is a member's card's only beside the card's other lines (when
the member joined, how many posts); an event's or a listing's "Localização:" among its own fields stays. A reply's or a
box's signature naming its writer as the owner of the place goes, as a byline does; a sentence naming the owner stays."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position, boilerplate_reason
from tests.test_cleaning_probe17 import assert_page_matches_truth, page_tasks
from tests.test_preload import assert_probe_chrome, assert_screen_passes

AppFactory = Callable[..., Flask]

PROSE = "A câmara aprovou ontem o orçamento para 2027, com mais verbas para as escolas e para os transportes."
PONTE = "Os mergulhadores encontraram fissuras em dois pilares da ponte velha, fechada desde segunda-feira."
STORY = "The council approved its budget for 2027 last night, with more money for schools and for buses."
BRIDGE = "Engineers closed the old bridge on Monday after divers found cracks in two of its three piers."


# ------------------------------------------------------------------ cue phrases


@pytest.mark.parametrize(("chrome", "kind", "content"), [
    ("Órgão responsável: Instituto Nacional do Seguro Social (INSS)", "company details",
     "O órgão responsável pelo pagamento é o INSS, que recebe os pedidos desde março."),
    ("Você conseguiu utilizar este serviço?", "survey prompt",
     "Quem não conseguiu utilizar este serviço pode pedir ajuda numa agência do INSS."),
    ("Were you able to use this service?", "survey prompt",
     "Residents who were not able to use this service can ask for help at the library."),
    ("Perguntada 2 anos, 3 meses atrás", "byline or credit",
     "Perguntada 2 vezes pelos jornalistas, a ministra não respondeu sobre o orçamento."),
    ("perguntada 2/09/2024 às 10:47", "byline or credit",
     "A testemunha foi perguntada 3 vezes sobre o que viu naquela noite, e repetiu a mesma versão."),
    ("3 medalhas de ouro 11 medalhas de prata 27 medalhas de bronze", "engagement count",
     "O Brasil ganhou 3 medalhas de ouro em Paris, todas no último fim de semana dos jogos."),
    ("Sophie R wrote a review Nov 2026", "byline or credit",
     "She wrote a review of the hotel after the heating failed on the coldest night of the year."),
    ("Date of stay: November 2026", "byline or credit",
     "The date of stay was moved twice because of the floods, the couple said."),
    ("Trip type: Travelled as a couple", "byline or credit",
     "The trip type most often booked in Keswick is a weekend away for a couple, the agency said."),
    ("Response from Jane M, Owner at The Old Forge Guest House", "byline or credit",
     "Jane Mills, owner of the Old Forge, said the rooms were booked until March."),
    ("Marcos Vieira, dono da loja Torra Fina", "byline or credit",
     "Marcos Vieira, dono da loja, disse que o café vem de doze sítios do sul de Minas."),
    ("Hattie Marsh, owner of [MarshLinen](/shop/marshlinen)", "byline or credit",
     "The owner of the shop, Hattie Marsh, weaves every apron on a loom in her kitchen."),
    ("Tue Dec 1 19:42:07 UTC 2026", "byline or credit",
     "On Tue Dec 1 the council wrote to every plot holder about the new rules."),
    ("Ruth Okafor ruth.okafor at example.org", "byline or credit",
     "Ruth Okafor at the allotment society said the letter was sent to every plot holder."),
    ("Ver as 18 fotografias", "button or link label", "Ver as 18 fotografias antigas da ponte foi o que mais emocionou."),
    ("[Show map](#)", "button or link label", "The show map of the festival was printed on the back of the ticket."),
    ("Prestação estimada: 912 €/mês", "button or link label",
     "A prestação estimada pelo banco subiu 40 euros por mês desde o verão."),
    ("Showing results 1-2 of 312", "navigation", "Showing results of the survey to the council took two hours."),
    ("1 2 3 … 52 Next", "navigation", "The 1 2 3 of good bread is flour, water and time, the baker said."),
    ("Linha de apoio ao cliente 808 200 150 (dias úteis, 9h-19h)", "contact prompt",
     "A linha de apoio ao cliente recebeu 3000 chamadas em 2025, disse a empresa."),
    ("Ligue SNS 24: 808 24 24 24 (chamada gratuita, 24 horas por dia)", "contact prompt",
     "Ligue 112 em caso de emergência."),
    ("Atendimento: (35) 99812-4410, de segunda a sexta, das 9h às 18h", "contact prompt",
     "O atendimento da loja fecha às 18h de segunda a sexta, disse o dono."),
    # Found blind (a how-to, a neighbourhood post):
    ("Coautoria de: Equipa ComoSeFaz", "byline or credit",
     "A coautoria do livro foi decidida depois de dois anos de trabalho, contou a autora."),
    ("Posted in Lost & Found", "byline or credit", "Posted in the wrong box, the letter took three weeks to arrive."),
    ("Add a reply…", "button or link label", "Add a reply to the letter before Friday, the council asked residents."),
    ("Trending near you", "read-also prompt", "Trending near you are bike thefts, the police said on Monday."),
])
def test_the_probes_chrome_goes_by_its_cues_and_a_sentence_of_its_words_stays(chrome: str, kind: str,
                                                                              content: str) -> None:
    assert_probe_chrome(chrome, kind, content)


def test_a_menus_ampersand_is_no_word_of_its_item() -> None:
    """Found blind: "For Sale & Free" is a menu item of three words, as "For Sale and Free" would be of four."""
    menu = "Home  For Sale & Free  Groups  Events  Notifications"
    reason = boilerplate_reason(menu, Position(2, 30))
    assert reason is not None and reason[0] == "navigation"
    assert boilerplate_reason(menu.replace("&", "and"), Position(2, 30)) is None
    assert_screen_passes([menu], Position(2, 30))


# ------------------------------------------------------------------ a member's card


BOARD = ("Fórum Pesca em Portugal\nTruta no rio Lima com a água tão alta\npor ze_truta » 01 dez 2026, 21:14\n"
         f"{PROSE}\n{PONTE}\nMensagens: 1342\nRegistado: 12 mar 2011\nLocalização: Ponte de Lima\nTopo\n"
         f"Re: Truta no rio Lima com a água tão alta\n{STORY}\n")


@pytest.mark.parametrize(("card", "place"), [
    ("Mensagens: 1342\nRegistado: 12 mar 2011\nLocalização: Ponte de Lima", "Localização: Ponte de Lima"),
    ("Join Date: Mar 2012\nLocation: Leeds\nPosts: 1,234", "Location: Leeds"),
])
def test_a_place_beside_a_members_card_goes(make_app: AppFactory, tmp_path: Path, card: str, place: str) -> None:
    page = BOARD.replace("Mensagens: 1342\nRegistado: 12 mar 2011\nLocalização: Ponte de Lima", card)
    texts, reasons = page_tasks(make_app, tmp_path, "forum.txt", page)
    assert place not in texts and PROSE in texts and STORY in texts
    assert "member's card" in reasons[place]


@pytest.mark.parametrize("place", ["Localização: Rua de São Vicente, Braga", "Location: Rye Harbour Discovery Centre"])
def test_a_place_among_a_listings_own_fields_stays(make_app: AppFactory, tmp_path: Path, place: str) -> None:
    page = f"Apartamento T2 com varanda em Braga\n{PROSE}\n{place}\nPreço: 235.000 €\nÁrea: 92 m²\n{PONTE}\n"
    texts, _reasons = page_tasks(make_app, tmp_path, "anuncio.txt", page)
    assert place in texts


# ------------------------------------------------------------------ the studied and blind pages


PROBE = Path(__file__).parent.parent / "fixtures" / "cleaning35"
# The seven studied pages, written with their truth before any run (main 8b49c86: 27 chrome lines kept of 160, 0 real
# lines dropped of 57; this probe: 5 and 0), and the five blind ones, written after the studied fixes and run once (main
# and the studied fixes alike: 16 of 90 kept, 0 of 27 dropped; 9 and 0 after the fixes marked "found blind").
TRUTH = {**json.loads((PROBE / ".probe35_truth.json").read_text(encoding="utf-8")),
         **json.loads((PROBE / ".probe35_blind_truth.json").read_text(encoding="utf-8"))}
# As normal() has them: a ticket page's refund line, a Q&A site's thanks under the answer box, a shop's heading
# over its roaster's box.
STILL_KEPT: dict[str, set[str]] = {
    "event_bird_count_rye.md": {"Refunds up to 7 days before event"},
    "pergunta_pandas_csv.txt": {"Obrigado por contribuir com o Stack Overflow em Português!"},
    "torrefacao_cafe_mantiqueira.html": {"Quem torra o seu café"},
    # Blind: a neighbourhood's name under the menu, a complaint's verdict heading and its consumer's verdict. Probe 36
    # leaves out the how-to's view count (the page's counter under its byline), the bill's record fields and the
    # complaint's status (fields that hold a record's state); probe 37 the library's copies line (counts of one item's
    # states) and, studied, the guest house's "Amenities" over its line of facets.
    "neighbourhood_post_lost_cat.txt": {"Fairfield & Westgate"},
    "reclamacao_fibra_ibirite.txt": {"Consideração final do consumidor", "Voltaria a fazer negócio? Não"},
}
STILL_DROPPED: dict[str, set[str]] = {}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_probe_page_keeps_its_real_lines_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                    name: str) -> None:
    assert_page_matches_truth(make_app, tmp_path, name, TRUTH[name], STILL_KEPT.get(name, set()),
                              STILL_DROPPED.get(name, set()), folder=PROBE)
