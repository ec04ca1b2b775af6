"""Claims and entities on seed-shaped posts (fixtures/seedlike): the misses of that probe, as general
features, with guards that must not change."""

from __future__ import annotations

from flask import Flask

from plugins.claims import ClaimAnnotator
from server.analysis import AnalyzedText

from tests.test_claims import claimed
from tests.test_entities import entities
from tests.test_entities import predict as predict_with

# Labels named as the plugin names them.
CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Labels name="label" toName="text">
    <Label value="PER"/><Label value="ORG"/><Label value="LOC"/><Label value="PRODUCT"/>
  </Labels>
</View>"""


def predict(app: Flask, text: str) -> list[list[dict]]:
    return predict_with(app, text, config=CONFIG)


def names_found(app: Flask, text: str) -> set[tuple[str, str]]:
    """The text's suggested names, labelled as the plugin names them (PER, ORG, LOC, PRODUCT)."""
    return entities(predict(app, text)[0])


def name_pieces(text: str, start: int, end: int, label: str = "ORG") -> list[str]:
    """The names ``name_parts`` finds in a model span over tokens ``start:end`` of an English ``text``."""
    import spacy
    from spacy.tokens import Span

    from plugins.entities import name_parts

    return [part.text for part in name_parts(Span(spacy.blank("en")(text), start, end, label=label))]


def explanation(text: str, fragment: str, language: str | None = None) -> str:
    """The explanation of the unit holding ``fragment``, suggested or not."""
    from plugins.claims import ClaimAnnotator
    from server.analysis import AnalyzedText

    analyzed = AnalyzedText(text, language_hint=language)
    return next(unit.explanation for unit in ClaimAnnotator().score(analyzed) if fragment in text[unit.start:unit.end])


# Claims: opinion frames at a sentence's start


def test_opinion_frames_veto_a_claim():
    assert not claimed("Na minha visão, Washington está dando um tiro no próprio pé.", "Washington")
    assert not claimed("Pra mim, a Nvidia errou feio ao cortar o preço.", "Nvidia")
    assert not claimed("Para mim, a Petrobras acertou ao rever o plano.", "Petrobras")
    assert not claimed("In my view this is the most bullish setup since 2021.", "bullish", "en")
    assert not claimed("IMHO the Intel merger was a mistake from the start.", "Intel", "en")
    assert not claimed("Honestly, I think Apple shipped the best phone this year.", "Apple", "en")


def test_a_demonstrative_that_shows_something_is_no_source():
    text = "Pra mim, isso mostra que o mercado ainda não acredita na recuperação."
    assert not claimed(text, "mercado")
    assert "reported speech" not in explanation(text, "mercado")
    assert "reported speech" not in explanation("This shows that the market still doubts it.", "market", "en")


def test_guard_a_study_or_a_named_source_still_shows():
    assert claimed("O estudo mostra que 40% dos jovens usam redes sociais.", "estudo")
    assert claimed("Os dados da CoinGecko mostram que o volume caiu 12% em novembro.", "CoinGecko")
    assert claimed("The report shows that sales fell 8% in October.", "report", "en")


# Claims: attributions and actions that were missed


def test_calling_something_a_name_is_an_attribution():
    text = "Ele chamou as restrições de um fracasso."
    assert claimed(text, "chamou")
    assert "reported speech (chamou" in explanation(text, "chamou")
    assert claimed("O ministro classificou a proposta como inconstitucional.", "classificou")
    assert claimed("The senator called the tariff plan a disaster for farmers.", "senator", "en")


def test_guard_a_name_given_is_no_attribution():
    assert "reported speech" not in explanation("The new chip is called Ember and it is small.", "chip", "en")
    assert "reported speech" not in explanation("The so-called reform was discussed again.", "reform", "en")


def test_a_quotation_someone_called_something_on_a_channel_is_reported():
    text = 'Mike Novogratz called Solana "the chain that most of the stablecoin payments will use" on CNBC.'
    assert claimed(text, "stablecoin payments", "en")
    assert "reported speech (called)" in explanation(text, "stablecoin payments", "en")


def test_a_present_tense_action_of_a_named_product_is_a_claim():
    text = "Anthropic's Claude Sonnet 4.5 now powers several of these agents through Amazon Bedrock."
    assert claimed(text, "powers", "en")
    assert "action (powers" in explanation(text, "powers", "en")
    assert claimed("Nvidia's Blackwell platform already trains most of the new frontier models.", "trains", "en")


def test_guard_plural_nouns_after_a_name_are_no_action():
    assert "action" not in explanation("Nvidia chips and Apple products were everywhere.", "chips", "en")


# Claims: what the explanation names


def test_the_named_actor_is_the_whole_capitalised_name():
    text = "A Start Campus confirmou esta semana que o campus vai receber 12 000 GPUs."
    assert "named actor (Start Campus)" in explanation(text, "confirmou")


def test_thread_counters_are_no_quantity():
    text = "2/ Anthropic shipped Claude Opus 4.1 two days before the launch."
    assert "quantity (2)" not in explanation(text, "shipped", "en")


def test_guard_a_number_after_an_acronym_stays_a_quantity():
    # A bill's or a candidate's number is checked as a quantity ("A PEC 241 retrocede", "PSOL 50"): a
    # product's ("a RTX 4090 com") is not told apart by its form.
    assert "quantity (241)" in explanation("A PEC 241 retrocede os direitos já garantidos.", "PEC")


def test_guard_fractions_and_plain_numbers_stay_quantities():
    assert "quantity (1/10)" in explanation("O modelo usa 1/10 do poder de processamento.", "modelo")
    assert "quantity (5.000)" in explanation("A MicroStrategy comprou mais 5.000 BTC.", "comprou")


# Entities


def test_a_short_form_of_a_product_takes_its_label(app: Flask):
    [found] = predict(app, "Anthropic shipped Claude Opus 4.1 in August. Opus costs $15 per million input tokens.")
    assert ("Opus", "PRODUCT") in entities(found)
    [found] = predict(app, "A Meta lançou o Llama 4 Maverick e o Llama 4 Scout. O Maverick supera o GPT-4o "
                           "e o Scout roda numa única placa.")
    assert {("Maverick", "PRODUCT"), ("Scout", "PRODUCT")} <= entities(found)


def test_guard_surnames_stay_people(app: Flask):
    [found] = predict(app, "Mark Zuckerberg told investors that spending will rise. Zuckerberg did not say when.")
    assert ("Zuckerberg", "PER") in entities(found)


def test_a_name_before_a_product_noun_is_a_product(app: Flask):
    [found] = predict(app, "Most of these agents are built on the ElizaOS framework, which is free.")
    assert ("ElizaOS", "PRODUCT") in entities(found)
    [found] = predict(app, "O app Threads ganhou 10 milhões de usuários e a plataforma Bluesky também cresceu.")
    assert {("Threads", "PRODUCT"), ("Bluesky", "PRODUCT")} <= entities(found)


def test_guard_a_known_maker_before_a_product_noun_stays_an_organisation(app: Flask):
    [found] = predict(app, "Developers praised the OpenAI app and the Google model in the survey.")
    assert ("OpenAI", "ORG") in entities(found) and ("Google", "ORG") in entities(found)


def test_a_model_span_is_trimmed_to_its_capitalised_run(app: Flask):
    [found] = predict(app, "Independent testers at LMArena found that the model ranks first on coding.")
    assert ("LMArena", "ORG") in entities(found)
    assert not any(name.startswith("Independent") for name, _ in entities(found))


def test_an_institution_with_a_place_is_one_organisation(app: Flask):
    [found] = predict(app, "O Serviço Geológico dos EUA registrou um sismo de magnitude 6,1 na região.")
    assert ("Serviço Geológico dos EUA", "ORG") in entities(found)
    [found] = predict(app, "O Departamento de Comércio dos EUA prepara novas regras para a venda de chips.")
    assert ("Departamento de Comércio dos EUA", "ORG") in entities(found)


def test_claims_never_parse_the_text():
    # The batch's parse runs in the thread that asks first: a claims thread that asked ran the model in a
    # second thread (its own malloc arena: +40 MB at the peak of bench/annotate.py) and no longer overlapped it.
    from plugins.claims import ClaimAnnotator
    from server.analysis import AnalyzedText

    analyzed = AnalyzedText("A Start Campus confirmou que o campus vai receber 12 000 GPUs.", language_hint="pt")
    [unit] = ClaimAnnotator().score(analyzed)
    assert "named actor (Start Campus)" in unit.explanation and "doc" not in analyzed.__dict__


def test_guard_a_count_before_a_product_noun_is_no_product(app: Flask):
    [found] = predict(app, "O campus vai receber 12 000 GPUs Blackwell da Nvidia até 2026.")
    assert not any(name.startswith("12") for name, _ in entities(found))


# Session 15's seed-shaped probe (/tmp/seedlike15): its misses as general features, on other sentences.


def test_a_time_after_a_place_ends_it_and_a_quantity_or_an_emoji_is_no_name(app):
    names = entities(predict(app, "Talks resumed in Brussels last month and the board met in Geneva yesterday.")[0])
    assert ("Brussels", "LOC") in names and ("Geneva", "LOC") in names
    assert not any("last" in text or "yesterday" in text for text, _ in names)
    names = entities(predict(app, "The new park adds 1200 MW to the grid, and the batteries store 300 MWh. 😮")[0])
    assert not any(text[0].isdigit() or text == "😮" for text, _ in names)


def test_a_letter_dash_name_is_a_product_and_a_role_after_an_organisation_is_cut(app):
    names = entities(predict(app, "O novo X-Trail chega a Lisboa em março, anunciou a Nissan.")[0])
    assert ("X-Trail", "PRODUCT") in names
    names = entities(predict(app, "Bundesbank chief Joachim Nagel warned about inflation on Friday.")[0])
    assert {("Bundesbank", "ORG"), ("Joachim Nagel", "PER")} <= names


def test_versioned_products_keep_their_tiers_and_a_place_before_one_ends(app):
    text = "O Galaxy S26 Ultra chega com o Snapdragon 8 Elite Gen 5 e o iPhone 17 Pro Max não."
    names = entities(predict(app, text)[0])
    assert {("Galaxy S26 Ultra", "PRODUCT"), ("Snapdragon 8 Elite Gen 5", "PRODUCT"),
            ("iPhone 17 Pro Max", "PRODUCT")} <= names
    names = entities(predict(app, "A Motorola apresentou ontem no Rio de Janeiro o Galaxy Z Flip7 rival.")[0])
    assert ("Galaxy Z Flip7", "PRODUCT") in names and ("Rio de Janeiro", "LOC") in names


def test_an_owner_in_s_apostrophe_is_cut_from_what_it_owns(app):
    names = entities(predict(app, "Reporters asked about Williams' legal team, which filed the appeal.")[0])
    assert not any("team" in text for text, _ in names)


def test_a_company_before_its_place_in_commas_is_an_organisation(app):
    names = entities(predict(app, "A Lightyear, na Holanda, encerrou a produção e demitiu 500 pessoas.")[0])
    assert ("Lightyear", "ORG") in names and ("Holanda", "LOC") in names


def test_a_question_ending_in_emoji_and_a_guess_are_no_claims():
    assert not claimed("O iPhone mais barato de sempre chegou mesmo a Portugal? 😱", "iPhone")
    assert not claimed("My bet is that the Fed cuts rates twice before June.", "Fed", "en")
    assert not claimed("My guess is that Tesla sells fewer cars in 2027 than it did in 2025.", "Tesla", "en")


def test_a_source_framing_the_sentence_answers_for_its_obligation():
    assert claimed("Segundo a Anacom, o relatório final deve ser divulgado ainda esta semana.", "Anacom")
    assert claimed("According to Eurostat, the figures should be published on Thursday.", "Eurostat", "en")
    # guard: the writer's own obligation is still no claim
    assert not claimed("O governo deve investir mais em escolas.", "governo")


def test_a_deadline_and_a_present_restriction_are_checkable():
    assert claimed("O plano Premium da Spotify fica grátis até o fim de 2027 para estudantes.", "Spotify")
    assert claimed("The new rules restrict exports of advanced lithography tools to Russia.", "Russia", "en")


def test_a_quotation_in_a_reported_clause_is_claimed_with_its_speaker():
    text = 'O presidente Rui Costa garantiu aos sócios que "o Benfica nunca teve tantas receitas como agora".'
    spans = [text[s.start:s.end] for s in ClaimAnnotator().annotate(AnalyzedText(text, language_hint="pt"))]
    assert any(span.startswith("O presidente Rui Costa garantiu") for span in spans)


def test_companies_named_as_examples_of_their_kind_are_organisations(app):
    names = entities(predict(app, "The regulator fined five lenders, including Nubank and Inter, on Friday.")[0])
    assert {("Nubank", "ORG"), ("Inter", "ORG")} <= names
    # guard: places named as examples stay places
    names = entities(predict(app, "Firms from 12 countries, including Brazil and India, signed the pact.")[0])
    assert {("Brazil", "LOC"), ("India", "LOC")} <= names


def test_a_known_products_variant_is_a_product(app):
    names = entities(predict(app, "A OpenAI lançou o ChatGPT Atlas em outubro, e o Gemini Live chegou ao Brasil.")[0])
    assert {("ChatGPT Atlas", "PRODUCT"), ("Gemini Live", "PRODUCT")} <= names


def test_a_player_after_a_transfer_noun_and_an_agency_after_its_verb(app):
    names = entities(predict(app, "O clube anunciou a contratação de Vitor Roque por 25 milhões de euros.")[0])
    assert ("Vitor Roque", "PER") in names
    names = entities(predict(app, "O último jogo teve 40 mil pessoas, informou a Secultfor.")[0])
    assert ("Secultfor", "ORG") in names
    # guard: "disse a" takes a person ("said to Maria")
    names = entities(predict(app, "A venda da Nexperia foi bloqueada, disse a Maria.")[0])
    assert ("Maria", "ORG") not in names
