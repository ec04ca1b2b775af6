"""Claims and sentiment probe ``claimsent51`` (fixtures/claimsent51): claimsent50's blind misses still open, and
reviews, complaints, letters, columns, reopenings after damage and shortfalls against targets. For sentiment, a
reopening or a recovery after the damage it tells is good news; a figure done below a target told before is bad news;
a writer who says they wrote, called or asked writes a letter, not a report, and its "nothing has changed" is its
complaint; figures that "say otherwise" and "Someone should tell ..." are a column's doubt; doing what is promised is a
kept promise; a hand is no praise and what burns it is harm. Each is tested here on other sentences, with guards; every
expected outcome was written before the plugins read the sentence.
"""

from __future__ import annotations

import pytest

from fixtures.claimsent32.score import wrong_sentences
from plugins.sentiment import register_of
from tests.test_claimsent27 import rows
from tests.test_claimsent32 import claim_reading, wrong_sentiment
from tests.test_claimsent50 import cue_weight
from tests.test_news_probe7 import assert_claims_found
from tests.test_sentiment import sentiment

PROBE = "claimsent51"


# ------------------------------------------------------------------ sentiment: reopenings after damage

@pytest.mark.parametrize(("text", "language"), [
    ("The M62 reopened on Friday after a lorry fire damaged the carriageway near Huddersfield.", "en"),
    ("A estação de metrô reabriu nesta terça-feira, um mês depois do incêndio que destruiu a bilheteria.", "pt"),
])
def test_a_reopening_after_damage_is_good_news(text, language):
    assert sentiment(text, language)[0] == "Positive"


@pytest.mark.parametrize(("text", "language"), [
    ("The bridge has not reopened since the storm damaged its deck.", "en"),
    ("The road reopened after a crash that killed two people.", "en"),
    ("A escola ainda não sabe quando vai reabrir depois da enchente.", "pt"),
    ("Police arrested a man after a break-in at a shop, and the council said the road would reopen.", "en"),
])
def test_no_reopening_or_a_deadly_one_is_no_good_news(text, language):
    assert sentiment(text, language)[0] != "Positive"


def test_a_reopening_with_no_damage_told_is_left_as_it_reads():
    assert "after damage" not in sentiment("The museum reopened its east wing with a new exhibition.", "en")[2]


# ------------------------------------------------------------------ sentiment: shortfalls against targets

@pytest.mark.parametrize(("text", "language"), [
    ("The trust promised 300 new nurses by April. So far 85 have been hired.", "en"),
    ("A prefeitura prometeu 500 creches até 2024. Segundo o TCM, foram entregues 120.", "pt"),
])
def test_a_figure_done_below_its_target_is_bad_news(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize(("text", "language"), [
    ("The council pledged to plant 2,000 trees. By March, 2,600 had gone in.", "en"),
    ("O governo prometeu a obra para 2026 e ela foi concluída em 2024.", "pt"),
    ("A meta era 80% dos alunos; chegou a 35 escolas.", "pt"),
])
def test_a_target_met_or_years_or_other_units_are_no_shortfall(text, language):
    assert "short of a target" not in sentiment(text, language)[2]


# ------------------------------------------------------------------ sentiment: letters and columns

def test_a_writer_who_wrote_writes_no_report():
    assert register_of("Escrevi à câmara em janeiro e em março sobre o buraco na rua.", "pt") != "news"


@pytest.mark.parametrize(("text", "language"), [
    ("I wrote to the council in May about the bins. Nothing has changed.", "en"),
    ("Liguei para a prefeitura em agosto e em outubro por causa do buraco. Está tudo igual.", "pt"),
])
def test_nothing_changed_after_asking_is_a_complaint(text, language):
    assert sentiment(text, language)[0] == "Negative"


def test_nothing_changed_with_no_request_is_no_complaint():
    assert "nothing changed" not in sentiment("O preço do pão continua igual.", "pt")[2]


@pytest.mark.parametrize(("text", "language"), [
    ("The company says the new app has cut waiting times. Its customers say otherwise.", "en"),
    ("O secretário garante que a obra estará pronta em março. As datas do contrato contam outra história.", "pt"),
])
def test_what_says_otherwise_is_a_columns_doubt(text, language):
    assert sentiment(text, language)[0] == "Negative"


# ------------------------------------------------------------------ sentiment: promises kept, hands

def test_doing_what_is_promised_is_a_kept_promise():
    assert cue_weight("O aspirador faz o que promete.", "pt", "faz") > 0


def test_making_promises_is_no_kept_promise():
    assert cue_weight("O prefeito faz promessas que não cumpre.", "pt", "faz") == 0


def test_a_hand_is_no_praise():
    assert sentiment("Can you give me a hand with the boxes?", "en")[0] == "Neutral"


# ------------------------------------------------------------------ found at the blind run (fixtures/claimsent51/README.md)

@pytest.mark.parametrize(("text", "language"), [
    ("The bridge reopened on Friday, a week after high winds shut it to traffic.", "en"),
    ("A estrada foi reaberta nesta quinta-feira, quatro dias depois de ter sido interditada pela chuva.", "pt"),
    ("A linha de metrô voltou a funcionar depois de dois dias cortada por causa de um incêndio.", "pt"),
])
def test_a_reopening_after_a_closure_is_good_news(text, language):
    assert sentiment(text, language)[0] == "Positive"


def test_a_closure_to_come_is_no_damage():
    assert "after damage" not in sentiment("The pool will close in May for repairs and reopen in September.", "en")[2]


def test_a_device_working_again_is_no_report():
    assert register_of("Parou de funcionar no segundo dia, troquei e voltou a funcionar.", "pt") != "news"


def test_a_letters_salutation_is_no_praise():
    assert cue_weight("Dear editor, the number 7 bus was late again on Monday.", "en", "dear") == 0


def test_a_dear_friend_is_still_dear():
    assert cue_weight("She was a dear friend to all of us.", "en", "dear") > 0


@pytest.mark.parametrize(("text", "language"), [
    ("Dear Sir, my father waited six hours for an ambulance on Sunday.", "en"),
    ("Caros senhores, a minha filha espera há dois anos por uma consulta.", "pt"),
    ("Mandei quatro e-mails à operadora desde outubro.", "pt"),
    ("I have sent three letters to the council since May.", "en"),
])
def test_a_letters_family_and_counted_messages_are_the_writers_life(text, language):
    assert "the writer's own life" in claim_reading(text, language)[1]


def test_a_bodys_letters_stay_a_claim():
    assert "the writer's own life" not in claim_reading("The council sent 4,000 letters to residents.", "en")[1]


# ------------------------------------------------------------------ the probe's texts (fixtures/claimsent51/README.md)

def test_the_studied_texts():
    # claimsent50 (094f26b): sentiment 2 of 17, claims 13/16 at 13/13, sentences 0 of 1. Left open: s01 and s07 (praise
    # told as faults that do not happen, "não tem propaganda", "não trava": +0.59 and +0.51 under the review threshold);
    # claims: s09's promise and figure (0.43, 0.33) and s10's "garante que" (0.43) not suggested.
    # Since claimsent52 s07's "não trava" is praise (a named fault that does not happen) and s09's "The mayor promises 40
    # new buses by the spring." a claim (a promise of an office, 0.83); since claimsent53 s10's "O ministro garante que
    # ..." too (an official's assurance is a promise, 0.43 -> 0.57).
    assert wrong_sentiment("studied.jsonl", PROBE) == ["s01"]
    studied = {row["id"]: row for row in rows("studied.jsonl", PROBE)}
    left_open = {"s09": frozenset(studied["s09"]["claims"][1:])}
    for paragraph in studied.values():
        assert_claims_found(paragraph, left_open.get(paragraph["id"], frozenset()))
    assert [row["id"] for row in studied.values() for _ in wrong_sentences(row)] == []


def test_the_blind_texts():
    # run once on f310170 (the set committed in fee8b65 with the studied one, before any run): sentiment 6 of 13
    # (claimsent50 094f26b: 4 of 13), claims 9/10 at 9/11 (the same), sentences 0 of 1 (the same). Gained: b10 (a
    # vaccination target missed, "chegou a 61%"), b13 (power restored after a storm). Wrong: b01 ("não esquenta",
    # +0.19 under the review threshold), b02 (an app's faults told as what happens), b05 (a column's doubt in "may have
    # views on that"), b06 ("Faltam dois anos", -0.32 read as news), b07 (a road reopened after a landslip: no bad word
    # for the damage, "closed"), b08 (a line running again after a storm, +0.36 read as a review), b12 (a letter read
    # as praise by "Dear editor"); claims: b05's "says the new timetable will end delays" missed (0.43), b11's and
    # b12's letters' opening sentences suggested (the writer's own life).
    # After fixes found blind (reported apart, never as the blind result): a closure told in the past is the damage
    # ("closed", "cortada": b07 and its sentence), a line, road or bridge running again marks a Portuguese report (b08),
    # a letter's "Dear editor," is no praise (b12 Neutral, still wrong): sentiment 8 of 13, sentences 1 of 1; a
    # salutation before the writer's family, and messages, e-mails and letters counted by the writer, are their own
    # life (b11's and b12's opening sentences no longer suggested): claims 9/10 at 9/9.
    # Since claimsent52: b01's "não esquenta" a named fault that does not happen, b05's "may have views on that" and
    # b06's "Faltam dois anos." a column's doubt, b12's "Nobody explained why." a letter's grievance. Since claims54,
    # b05's "The transport secretary says ..." (what an office says pairs as a name's, 0.43 -> 0.57). Since s53-sentiment,
    # b02's "The app logs me out every time" (an app throwing its user out is a complaint).
    assert wrong_sentiment("blind.jsonl", PROBE) == []
    blind = {row["id"]: row for row in rows("blind.jsonl", PROBE)}
    for paragraph in blind.values():
        assert_claims_found(paragraph)
    assert [row["id"] for row in blind.values() for _ in wrong_sentences(row)] == []
