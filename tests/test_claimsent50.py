"""Claims and sentiment probe ``claimsent50`` (fixtures/claimsent50): reviews and complaints with no sentiment word,
columns, interviews, statements, results, standings, weather amounts, launch notes, acquittals and letters. For
sentiment, an acquittal is no praise (decided here for every probe); a zone of the table is a place won or lost; what
comes at no extra cost is a gift; a measured fall of snow or rain is a danger; calling or writing again and again is a
complaint; the writer's disbelief takes the praise of the sentence before; every cent's worth is a verdict; a trial's
party and what was not proved carry nothing; a profit reversed is lost. For claims, the writer's counted contacts are
their own life, and an amount of snow or rain is a figure however hedged. Each is tested here on other sentences, with
guards.

Every expected outcome here was written before the plugins read the sentence, but for two guards rewritten after their
first run, which had pinned VADER's own "fell" and "well" rather than the rules (a snow's "fell" without an amount,
"She knows the town well").
"""

from __future__ import annotations

import pytest

from fixtures.claimsent32.score import wrong_sentences
from plugins.sentiment import read, register_of, sentence_tokens, zone_after
from tests.test_claimsent27 import rows
from tests.test_claimsent32 import claim_reading, wrong_sentiment
from tests.test_news_probe7 import assert_claims_found
from tests.test_sentiment import sentiment

PROBE = "claimsent50"


def cue_weight(text: str, language: str, shown: str) -> float:
    """The weight of the cue shown as ``shown`` in ``text``'s reading (0 when there is none)."""
    return sum(weight for cue, weight in read(text, language).cues if cue.startswith(f"'{shown}'"))


# ------------------------------------------------------------------ sentiment: acquittals

@pytest.mark.parametrize(("text", "language"), [
    ("The jury found the driver not guilty of causing death by dangerous driving.", "en"),
    ("O Tribunal da Relação absolveu a antiga vereadora do crime de peculato.", "pt"),
    ("A judge acquitted the former minister of bribery on Monday.", "en"),
])
def test_an_acquittal_is_no_praise(text, language):
    assert sentiment(text, language)[0] == "Neutral"


def test_a_conviction_stays_bad_news():
    assert sentiment("The jury found the driver guilty of causing death by dangerous driving.", "en")[0] == "Negative"


@pytest.mark.parametrize(("text", "language"), [
    ("A defesa vai recorrer da decisão.", "pt"),
    ("The prosecution is expected to appeal.", "en"),
    ("O juiz entendeu que não ficou provado que o réu desviou verbas.", "pt"),
])
def test_a_trials_parties_and_what_was_not_proved_carry_nothing(text, language):
    assert sentiment(text, language)[0] == "Neutral"


def test_a_prosecution_of_someone_keeps_its_word():
    assert cue_weight("The prosecution of war criminals stalled for years.", "en", "prosecution") < 0


# ------------------------------------------------------------------ sentiment: the table's zones

@pytest.mark.parametrize(("text", "verb", "sign"), [
    ("O Vitória venceu o Sport e saiu do Z4 do Brasileirão.", "saiu", 1),
    ("O Bahia empatou com o Ceará e deixou o G4.", "deixou", -1),
    ("O Sport entrou na zona de rebaixamento após perder em casa.", "entrou", -1),
    ("O Fluminense voltou ao G-6.", "voltou", 1),
])
def test_a_zone_of_the_table_is_a_place_won_or_lost(text, verb, sign):
    assert cue_weight(text, "pt", verb) * sign > 0


def test_a_zone_of_the_city_is_no_table():
    folded = sentence_tokens("O ministro deixou a zona sul da cidade.")[1]
    assert zone_after(folded, folded.index("deixou")) is None


# ------------------------------------------------------------------ sentiment: launch notes, weather, complaints

def test_what_comes_at_no_extra_cost_is_a_gift():
    assert sentiment("Customers can add a second line at no additional charge.", "en")[0] == "Positive"


def test_a_missing_charger_stays_a_lack():
    assert sentiment("The phone ships with no charger.", "en")[0] == "Negative"


@pytest.mark.parametrize(("text", "language"), [
    ("Up to 30cm of snow may fall on the Alps this weekend.", "en"),
    ("Até 120 mm de chuva podem cair no litoral paulista, segundo a Defesa Civil.", "pt"),
])
def test_a_measured_fall_of_snow_or_rain_is_a_danger(text, language):
    assert sentiment(text, language)[0] == "Negative"


def test_weather_without_an_amount_is_no_danger():
    assert cue_weight("Light snow fell in the morning.", "en", "snow") == 0


def test_writing_again_and_again_is_a_complaint():
    assert sentiment("We have emailed the landlord five times since March.", "en")[0] == "Negative"


def test_who_was_asked_again_and_again_makes_no_complaint():
    assert "asked twice" not in sentiment("The minister was asked twice about the contract.", "en")[2]


def test_the_writers_disbelief_takes_the_praise_before_it():
    text = ("The operator says trains now run on time 95% of the time, a big improvement. Anyone who commutes from "
            "Reading knows otherwise.")
    assert sentiment(text, "en")[0] == "Negative"


def test_knowing_is_no_disbelief():
    assert sentiment("The new bridge has been a great success. Everyone in town knows it.", "en")[0] == "Positive"


def test_every_cents_worth_is_a_verdict():
    assert sentiment("Comprei no ano passado para o escritório. Valeu cada centavo.", "pt")[0] == "Positive"


def test_every_cents_worth_with_a_complaint_is_no_verdict_alone():
    assert "every cent's worth" not in sentiment("Valeu cada centavo, mas a entrega atrasou duas semanas.", "pt")[2]


def test_a_profit_reversed_is_lost():
    text = "A companhia aérea teve prejuízo no trimestre, revertendo o lucro de um ano antes."
    assert cue_weight(text, "pt", "lucro") < 0


# ------------------------------------------------------------------ claims

@pytest.mark.parametrize(("text", "language"), [
    ("I have phoned the surgery four times this week.", "en"),
    ("Liguei para a operadora três vezes desde sexta-feira.", "pt"),
])
def test_the_writers_counted_contacts_are_their_own_life(text, language):
    score, explanation = claim_reading(text, language)
    assert score < 0.5 and "the writer's own life" in explanation


@pytest.mark.parametrize(("text", "language"), [
    ("Every time I ring the depot I am told the bin will be collected tomorrow.", "en"),
    ("Cada vez que reclamo, me respondem que o caso está em análise.", "pt"),
])
def test_what_the_writer_is_told_each_time_is_their_own_life(text, language):
    assert claim_reading(text, language)[0] < 0.5


def test_what_a_reporter_is_told_stays_reported_speech():
    assert "the writer's own life" not in claim_reading("I am told the minister will resign on Friday.", "en")[1]


def test_a_bodys_counted_contacts_stay_a_claim():
    assert claim_reading("The council has written to residents twice since May.", "en")[0] >= 0.5


def test_an_amount_of_snow_is_a_figure_however_hedged():
    score, explanation = claim_reading("Up to 25cm of snow could fall on the Cairngorms.", "en")
    assert score >= 0.5 and "amount of snow or rain" in explanation


def test_a_move_said_to_be_possible_stays_speculation():
    assert claim_reading("Prices could rise 5% next year.", "en")[0] < 0.5


# ------------------------------------------------------------------ after the blind run (found there, fixed after it)

def test_a_profit_made_is_good_news():
    assert sentiment("O Itaú lucrou R$ 10 bilhões no terceiro trimestre, segundo o banco.", "pt")[0] == "Positive"


def test_how_long_the_writer_has_used_it_is_their_own_life():
    score, explanation = claim_reading("Utilizo este aspirador há três anos na casa de praia.", "pt")
    assert score < 0.5 and "the writer's own life" in explanation


def test_a_match_result_marks_a_report():
    assert register_of("O Juventude venceu o Bahia por 1 a 0 e subiu para o 12º lugar.", "pt") == "news"


@pytest.mark.parametrize(("text", "shown", "sign"), [
    ("Villa are three points outside the top four after the defeat.", "outside the top four", -1),
    ("Sheffield United climbed out of the bottom three on Saturday.", "out of the bottom three", 1),
    ("Luton slipped into the relegation zone.", "into the relegation zone", -1),
])
def test_an_english_zone_of_the_table_is_a_place_won_or_lost(text, shown, sign):
    assert cue_weight(text, "en", shown) * sign > 0


def test_a_top_four_side_is_no_place_won():
    assert cue_weight("Top four sides rarely lose at home.", "en", "top four") == 0


def test_an_update_given_free_is_a_gift():
    assert sentiment("Existing owners get the new camera modes in a free update next month.", "en")[0] == "Positive"


def test_free_users_are_a_tier():
    assert sentiment("Free users will see adverts between songs.", "en")[0] != "Positive"


@pytest.mark.parametrize(("text", "language"), [
    ("I am still waiting for a reply from the landlord.", "en"),
    ("Ainda estamos à espera de resposta da câmara.", "pt"),
])
def test_still_waiting_for_an_answer_is_a_complaint(text, language):
    assert sentiment(text, language)[0] == "Negative"


def test_an_answer_given_is_no_complaint():
    assert "still" not in sentiment("The council still sent a reply within a week.", "en")[2]


def test_use_as_a_noun_is_no_writers_life():
    assert "the writer's own life" not in claim_reading("O uso de agrotóxicos caiu 12% desde 2020.", "pt")[1]


# ------------------------------------------------------------------ the probe's texts (fixtures/claimsent50/README.md)

def test_the_studied_texts():
    # main (3ad5904): sentiment 14 of 24, claims 21/22 at 22/25, sentences 3 of 5. Left open: s08 (a column's doubt of a
    # housing plan, Neutral: "ficaram prontas menos de 3 mil" still praise); claims: s09's quote found without its "he
    # said" (a boundary). s06's "Each time I am told it is being processed." (0.55, "told" reported speech) no longer
    # suggested since a fix after the blind run (what the writer is told each time is their own life): 21/22 at 22/22.
    # Since claimsent51, s08 reads Negative too (a figure done below a target told before: "prometidas 26 mil casas ...
    # ficaram prontas menos de 3 mil").
    assert wrong_sentiment("studied.jsonl", PROBE) == []
    studied = {row["id"]: row for row in rows("studied.jsonl", PROBE)}
    left_open = {"s09": frozenset([studied["s09"]["claims"][1]])}
    for paragraph in studied.values():
        assert_claims_found(paragraph, left_open.get(paragraph["id"], frozenset()))
    assert [row["id"] for row in studied.values() for _ in wrong_sentences(row)] == []


def test_the_blind_texts():
    # run once on 8be5b69 (the set committed in c2cc587 with the studied one, before any run): sentiment 7 of 16 (main
    # 3ad5904: 5 of 16), claims 9/9 at 9/10 (main 9/9 at 9/11), sentences 1 of 3 (main the same). Gained: b03 ("Vale
    # cada euro."), b13 (snow that may settle), b05's "Liguei ... cinco vezes" no longer suggested. Wrong: b01 (praise
    # in "não tem propaganda"), b02 ("burn my hand" read as praise by VADER's "hand"), b06 (a column's doubt in "The
    # arithmetic does not need a columnist"), b08 (a line reopening after floods, Negative by "floods", "damaged"), b09
    # (LeIA's "lucrou" read as a complaint), b11 (a win out of the relegation zone, +0.65 under the review threshold:
    # not read as news; main read it Negative), b12 (a draw that leaves a team fifth), b14 (a free update), b16 (a
    # letter's three requests told by their months); claims: b01's "Uso há seis meses ..." suggested (0.50).
    # After fixes found blind (reported apart, never as the blind result): LeIA's "lucrou" takes "lucro"'s valence
    # (b09 and its sentence right), a match's result "por 2 a 0" marks a report (b11 and its sentence), English zones of
    # the table (b12: "two points off the Champions League places"), an update given free (b14), and how long the
    # writer has used what they review is their own life (b01's claim): sentiment 11 of 16, claims 9/9 at 9/9,
    # sentences 3 of 3.
    # Since claimsent51 (these five are its studied s01-s05): b02 ("burn my hand"), b06 (a shortfall against the
    # minister's target), b08 (a reopening after the damage it tells) and b16 (a letter, no report) read right; b01
    # ("não tem propaganda", +0.59 with "faz o que promete") stays under the review threshold.
    assert wrong_sentiment("blind.jsonl", PROBE) == ["b01"]
    blind = {row["id"]: row for row in rows("blind.jsonl", PROBE)}
    for paragraph in blind.values():
        assert_claims_found(paragraph)
    assert [row["id"] for row in blind.values() for _ in wrong_sentences(row)] == []
