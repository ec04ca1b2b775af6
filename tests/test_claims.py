"""The claims plugin: check-worthy statements become CLAIM spans with their cues."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plugins.claims import ClaimAnnotator
from server.analysis import AnalyzedText
from server.app import get_state

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "000_3734a0b2899233d0.txt"

CLAIM_CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Labels name="claims" toName="text">
    <Label value="Alegação" predicted_values="CLAIM"/>
  </Labels>
</View>"""


def claims(text: str, language: str | None = None) -> dict[str, str]:
    """Suggested claim text -> its explanation."""
    analyzed = AnalyzedText(text, language_hint=language)
    return {text[s.start : s.end]: s.explanation for s in ClaimAnnotator().annotate(analyzed)}


def claimed(text: str, fragment: str, language: str | None = None) -> bool:
    return any(fragment in span for span in claims(text, language))


def test_seed_reported_and_quantitative_sentences_are_claims_opening_and_speculation_are_not():
    text = SEED.read_text(encoding="utf-8")
    found = claims(text)
    assert any("o artigo do Deepseek -V3.2 menciona que" in span for span in found)
    assert any("com 1/10 do poder de processamento" in span for span in found)
    assert not any(span.startswith("Há um fenômeno interessante") for span in found)
    assert not any("a disputa pode ser mais uma questão" in span for span in found)
    assert not any("Ver original" in span for span in found)


def test_spans_are_sentences_not_paragraphs_and_explain_their_cues():
    text = SEED.read_text(encoding="utf-8")
    found = claims(text)
    reported = next(span for span in found if "menciona" in span)
    assert reported.startswith("Com a produção em massa") and reported.endswith("processamento.")
    assert "reported speech (menciona)" in found[reported]
    quantitative = next(span for span in found if "1/10" in span)
    assert "quantity (1/10)" in found[quantitative]


@pytest.mark.parametrize(
    "sentence",
    [
        "Segundo o IBGE, o desemprego caiu para 7,8% no segundo trimestre de 2024.",
        "A Petrobras anunciou ontem um investimento de R$ 35 bilhões em novas refinarias.",
        "O número de casos de dengue dobrou em relação ao ano passado, de acordo com o Ministério da Saúde.",
    ],
)
def test_portuguese_checkable_statements_are_claims(sentence):
    assert claimed(sentence, sentence[:20], "pt")


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Acho que talvez o governo devesse pensar melhor antes de decidir.", "pt"),
        ("Temos de ser mais ambiciosos e é preciso olhar para o futuro com esperança.", "pt"),
        ("Será que alguém ainda acredita nessas promessas todas?", "pt"),
        # an opening line about whoever, though it has a past verb and a place
        ("Quem segue o mercado de carros elétricos já se habituou às novidades vindas da China.", "pt"),
        # what someone expects is not yet a fact
        ("Diplomats expect further resistance from Poland, where most of the grain is stored.", "en"),
        # opening lines: an acronym of a common noun is no named actor, a copula no action
        ("The fight over GPU supply took a new turn this month.", "en"),
        ("It was a quiet morning for fishermen in Peniche.", "en"),
        ("A semana foi agitada no mercado de IA.", "pt"),
        # who did not speak: an actor and a past verb, nothing to check
        ("Microsoft and Google declined to comment.", "en"),
        ("Procurada pela reportagem, a Petrobras não se pronunciou até a publicação.", "pt"),
    ],
)
def test_opinions_wishes_questions_and_expectations_are_not(sentence, language):
    assert claims(sentence, language) == {}


def test_english_uses_english_cues():
    assert claimed("According to the Census Bureau, median income rose 12% between 2019 and 2023.", "median", "en")
    assert claimed("Apple said on Tuesday that it sold 50 million phones in the last quarter.", "Apple", "en")
    assert claims("I think this might be a good idea, but we should wait and see.", "en") == {}


def test_a_quotation_is_its_own_span_attributed_by_the_sentence_around_it():
    text = "“O desemprego caiu três pontos no último ano em todo o país”, disse o ministro à Lusa."
    found = claims(text, "pt")
    assert list(found) == ["O desemprego caiu três pontos no último ano em todo o país"]
    assert "reported speech (disse)" in found["O desemprego caiu três pontos no último ano em todo o país"]


def test_scores_grow_with_evidence_and_stay_in_range():
    annotator = ClaimAnnotator(threshold=0.0)
    text = AnalyzedText(
        "O governo acha que pode melhorar. O governo cortou 12% do orçamento, segundo o relatório de 2023.",
        language_hint="pt",
    )
    opinion, fact = [span.score for span in annotator.annotate(text)]
    assert 0.0 <= opinion < 0.5 <= fact <= 1.0


def test_registered_through_the_entry_point_and_mapped_onto_the_project_config(make_app):
    app = make_app(DISABLE_PLUGINS=["entities"])
    names = {registered.name for registered in get_state(app).annotators}
    assert "claims" in names
    text = SEED.read_text(encoding="utf-8")
    body = {"label_config": CLAIM_CONFIG, "tasks": [{"id": 1, "data": {"text": text}}]}
    answer = app.test_client().post("/predict", json=body)
    assert answer.status_code == 200
    regions = answer.json["results"][0]["result"]
    assert regions and all(region["value"]["labels"] == ["Alegação"] for region in regions)
    assert all(region["meta"]["text"].startswith("cues: ") for region in regions)
    assert any("1/10" in region["value"]["text"] for region in regions)


def test_news_beyond_the_seed_reported_and_quantitative_sentences_not_speculation():
    text = ("A Alibaba publicou o Qwen3 com pesos abertos, e o DeepSeek-R1 custou, segundo a DeepSeek, cerca de "
            "US$ 6 milhões para treinar. A Petrobras e o Banco do Brasil anunciaram parceria com a OpenAI. "
            "Pode ser que a vantagem americana dure pouco.")
    found = claims(text, "pt")
    assert len(found) == 2
    assert "quantity (US$ 6 milhões)" in next(note for span, note in found.items() if span.startswith("A Alibaba"))
    assert "reported speech (anunciaram)" in next(note for span, note in found.items() if "Petrobras" in span)
    assert not any("Pode ser" in span for span in found)


@pytest.mark.parametrize(
    ("sentence", "language", "number"),
    [
        ("A Meta, por sua vez, lançou o Llama 4 em abril.", "pt", "4"),
        ("A Anthropic apresentou o Claude 3.5 Sonnet, que superou o Gemini 2.5 Pro em testes.", "pt", "3.5"),
        ("Meta trained Llama 4 on more than 100,000 H100 GPUs, the company said.", "en", "4"),
        ("Enquanto isso, o Gemini 2.5 Flash e o Claude Sonnet 4.5 disputam clientes.", "pt", "2.5"),
    ],
)
def test_version_numbers_are_versions_not_quantities(sentence, language, number):
    annotator = ClaimAnnotator(threshold=0.0)
    [unit] = annotator.score(AnalyzedText(sentence, language_hint=language))
    assert f"quantity ({number})" not in unit.explanation and f"version ({number})" in unit.explanation


def test_numbers_after_a_name_that_count_something_are_quantities():
    annotator = ClaimAnnotator(threshold=0.0)
    [unit] = annotator.score(AnalyzedText("O governo recebeu de Israel 15 helicópteros em março.", language_hint="pt"))
    assert "quantity (15)" in unit.explanation


def test_english_superlatives_are_comparisons():
    found = claims("DeepSeek-R1 and Qwen3 are now among the most downloaded models on Hugging Face.", "en")
    assert "comparison or trend (the most)" in next(iter(found.values()))


@pytest.mark.parametrize(
    ("sentence", "language", "cues"),
    [
        ("Manchester City beat Real Madrid 3-1 at the Etihad Stadium on Tuesday night.", "en",
         ["quantity (3-1)", "date or period (tuesday)"]),
        ("O Flamengo venceu o Palmeiras por 3 a 1 no Maracanã neste domingo.", "pt",
         ["quantity (3 a 1)", "date or period (domingo)"]),
        ("A Câmara aprovou nesta terça-feira o orçamento da cidade.", "pt", ["date or period (terça-feira)"]),
        ("A presidente da empresa, Magda Chambriard, comemorou o resultado em entrevista à GloboNews.", "pt",
         ["source (entrevista)", "action of a named actor (comemorou + Magda Chambriard)"]),
        # a fact stated in the present tense about a named actor, with no other cue than a comparison
        ("A Embraer fabrica os maiores jatos regionais do mundo em São José dos Campos.", "pt",
         ["action of a named actor (fabrica + Embraer)"]),
        ("Samsung ships its Exynos chips to Google for the Pixel phones.", "en",
         ["action of a named actor (ships + "]),
        # what someone maintains is reported speech, in the present too
        ("A Cemig atribui o apagão a uma falha numa subestação de Betim.", "pt", ["reported speech (atribui)"]),
        ("O ministro das Finanças tem dito que o défice ficará abaixo da meta.", "pt", ["reported speech (tem dito)"]),
        # irregular past verbs are actions; a unit of measure counts something
        ("The Coast Guard sent two ships to the Gulf of Mexico after the storm.", "en",
         ["action of a named actor (sent + Coast Guard)"]),
        ("O satélite da Agência Espacial Brasileira pesa menos de um quilo.", "pt", ["quantity in words (quilo)"]),
        ("The Aletsch glacier measures several kilometres across.", "en", ["quantity in words (kilometres)"]),
        # a superlative about a named actor; a share of a group counts it
        ("A Embraer é a maior fabricante de jatos regionais do mundo.", "pt",
         ["superlative about a named actor (a maior + Embraer)"]),
        ("Half of the residents were evacuated before the storm.", "en", ["proportion (Half of)"]),
        ("Metade dos médicos recusou a proposta.", "pt", ["proportion (Metade dos)"]),
        # a passive is an action, with a regular or an irregular participle
        ("A vacina foi descrita na revista Lancet.", "pt", ["action of a named actor (foi descrita + Lancet)"]),
        # more present-tense verbs that state a fact about a company
        ("Enquanto isso, a Claro expande a rede de fibra em Salvador.", "pt",
         ["action of a named actor (expande + Claro)"]),
        ("Meanwhile, Rakuten charges subscribers in Tokyo for every gigabyte.", "en",
         ["action of a named actor (charges + Rakuten)"]),
        # what a rule requires is a fact about it; what a bill says is reported, and so is its modal
        ("A nova norma da Receita exige duas assinaturas para cada contrato.", "pt",
         ["action of a named actor (exige + Receita)"]),
        ("Pela proposta, os aplicativos poderão cobrar até 20% de comissão dos restaurantes.", "pt",
         ["reported speech (Pela proposta)", "modal in what was reported (poderão)"]),
        ("Under the bill, platforms could be fined up to 6% of their global revenue.", "en",
         ["reported speech (Under the bill)", "modal in what was reported (could)"]),
    ],
)
def test_news_cues_make_claims(sentence, language, cues):
    [unit] = ClaimAnnotator(threshold=0.0).score(AnalyzedText(sentence, language_hint=language))
    for cue in cues:
        assert cue in unit.explanation
    assert unit.score >= 0.5


def test_what_a_named_actor_did_is_a_claim_unless_hedged():
    assert claimed("Governor Eduardo Leite asked the federal government for emergency aid.", "Governor", "en")
    assert claims("Perhaps Huawei launched the chip too early.", "en") == {}


@pytest.mark.parametrize(
    ("sentence", "language", "multiple"),
    [
        ("O aplicativo consome cinco vezes mais energia no modo noturno.", "pt", "vezes mais"),
        ("Electric buses cost three times as much to buy in Lagos.", "en", "times as"),
        ("That is roughly twice the amount spent on coal.", "en", "twice the"),
        ("A usina gera o dobro da energia prevista no projeto.", "pt", "o dobro da"),
    ],
)
def test_a_multiple_is_a_comparison(sentence, language, multiple):
    [unit] = ClaimAnnotator(threshold=0.0).score(AnalyzedText(sentence, language_hint=language))
    assert f"comparison or trend ({multiple})" in unit.explanation


@pytest.mark.parametrize(
    ("hook", "rest", "language"),
    [
        ("A Embraer está reinventando a aviação regional.",
         "A empresa entregou 62 jatos no trimestre, informou a companhia. Os analistas esperam mais encomendas.", "pt"),
        ("Finland's Nokia is rebuilding its network business from scratch.",
         "The company said on Monday that sales rose 9% to 4.8 billion euros. Analysts expect further cuts.", "en"),
    ],
)
def test_an_opening_hook_of_a_longer_text_is_no_claim_though_the_same_sentence_alone_is(hook, rest, language):
    found = claims(f"{hook} {rest}", language)
    assert not any(span.startswith(hook[:15]) for span in found)
    assert any(span.startswith(rest[:15]) for span in found)
    assert claimed(hook, hook[:15], language)


def test_what_analysts_work_out_is_reported_what_software_works_out_is_not():
    estimate = "Analistas do BTG Pactual calculam que a empresa poderá distribuir R$ 45 bilhões em dividendos no ano."
    assert "modal in what was reported (poderá)" in claims(estimate, "pt")[estimate]
    assert not claims("O aplicativo calcula o frete e projeta a rota em poucos segundos.", "pt")


def test_the_first_paragraph_task_of_a_document_opens_it_a_later_one_opens_nothing():
    # A paragraph task knows its place from its meta (part, parts): alone, the
    # hook is the whole text's statement; as a document's first paragraph, its opening.
    hook = "A Embraer está reinventando a aviação regional."
    annotator = ClaimAnnotator()

    def found(text: str, part: tuple[int, int] | None) -> list[str]:
        analyzed = AnalyzedText(text, language_hint="pt", part=part)
        return [text[span.start : span.end] for span in annotator.annotate(analyzed)]

    assert found(hook, None) == [hook] and found(hook, (0, 1)) == [hook]
    assert found(hook, (0, 4)) == []
    # A later paragraph of three sentences: its first is no opening line (it was, as a whole text).
    paragraph = f"{hook} A empresa entregou 62 jatos no trimestre. Os analistas esperam mais encomendas."
    assert hook not in found(paragraph, None)
    assert hook in found(paragraph, (2, 4))


def test_predict_reads_a_tasks_place_in_its_document_from_meta(make_app):
    app = make_app(DISABLE_PLUGINS=["entities"])
    hook = "A Embraer está reinventando a aviação regional."
    tasks = [{"id": 1, "data": {"text": hook}, "meta": {"source": "a.txt", "part": 0, "parts": 3}},
             {"id": 2, "data": {"text": hook}, "meta": {"source": "a.txt", "part": "0", "parts": 3}},
             {"id": 3, "data": {"text": hook}}]
    answer = app.test_client().post("/predict", json={"label_config": CLAIM_CONFIG, "tasks": tasks})
    # A part that is not a number is no place: the task is a whole text.
    assert [len(result["result"]) for result in answer.json["results"]] == [0, 1, 1]


def test_an_opening_line_with_a_detail_to_check_is_still_a_claim():
    text = ("A Petrobras anunciou ontem lucro de R$ 30 bilhões no trimestre. O resultado animou o mercado. "
            "Os analistas esperam dividendos maiores.")
    assert claimed(text, "A Petrobras anunciou", "pt")


def test_a_reported_forecast_with_a_date_is_a_claim_the_same_speculation_unattributed_is_not():
    reported = "De acordo com a diretora Ana Souza, a nova linha do metrô deve ficar pronta em 2028."
    found = claims(reported, "pt")
    assert "reported forecast (deve)" in found[reported]
    assert claims("Pode ser que a empresa produza 2 milhões de unidades em 2027.", "pt") == {}


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        # the conditional of unconfirmed news
        ("O novo satélite seria o maior já construído na América Latina.", "pt"),
        ("The deal would be the largest acquisition in the history of Japan.", "en"),
        # a name inside the sentence is no verb ("states", "united", "Moscou")
        ("The rivalry between the United States and Mexico over water is old news.", "en"),
        ("A relação entre Pequim e Moscou preocupa diplomatas europeus.", "pt"),
    ],
)
def test_unconfirmed_conditionals_and_names_read_as_verbs_are_no_claims(sentence, language):
    assert claims(sentence, language) == {}


@pytest.mark.parametrize(
    ("sentence", "language", "modal"),
    [
        ("Researchers found that higher interest rates may slow new wind projects.", "en", "may"),
        ("The company said it would appeal the ruling.", "en", "would"),
        ("Investigadores do Porto descobriram que o composto pode travar a doença.", "pt", "pode"),
        ("Por 7 votos a 4, os juízes decidiram que as empresas podem ser multadas.", "pt", "podem"),
    ],
)
def test_a_modal_inside_what_was_reported_or_found_is_no_hedge(sentence, language, modal):
    found = claims(sentence, language)
    assert f"modal in what was reported ({modal})" in found[sentence]


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        # the modal before the attribution is the writer's; a reported obligation is an opinion
        ("A obra pode atrasar, segundo a prefeitura.", "pt"),
        ("O senador disse que o país precisa de mais investimento em ciência.", "pt"),
        # a condition: "found" reports nothing here
        ("If found guilty, the club could face relegation.", "en"),
        ("Se nada mudar, o governo talvez seja obrigado a rever as metas.", "pt"),
    ],
)
def test_modals_the_writer_owns_still_hedge(sentence, language):
    assert claims(sentence, language) == {}


@pytest.mark.parametrize(
    ("sentence", "language", "cue"),
    [
        # a superlative in time is a record
        ("É a menor taxa desde 2015.", "pt", "superlative in time"),
        ("Turnout was the lowest since 2001.", "en", "superlative in time"),
        # a denial is reported and an act of its subject, as "negou" and "denied" are
        ("The club denies any wrongdoing.", "en", "reported speech (denies)"),
        ("A empresa nega as acusações.", "pt", "reported speech (nega)"),
        # the plural of a present-tense fact about named actors
        ("Foxconn and Tata run the main plants.", "en", "action of a named actor (run + Tata)"),
    ],
)
def test_fourth_news_probe_claims(sentence, language, cue):
    found = claims(sentence, language)
    assert cue in found[sentence]


def test_podera_is_hedging_once_not_also_a_prediction():
    [unit] = ClaimAnnotator(threshold=0.0).score(
        AnalyzedText("O Serviço Nacional de Saúde poderá adotar o exame.", language_hint="pt")
    )
    assert "hedging or speculation (poderá)" in unit.explanation and "prediction or plan" not in unit.explanation


@pytest.mark.parametrize("value", ["abc", "1.5", "-0.1"])
def test_a_bad_threshold_setting_is_a_load_error_naming_it(make_app, value):
    app = make_app(DISABLE_PLUGINS=["entities", "sentiment"], CLAIMS_THRESHOLD=value)
    [error] = get_state(app).plugins.load_errors
    assert error.plugin == "claims"
    assert f"ANOTA_CLAIMS_THRESHOLD={value}: expected a number from 0 to 1" in error.error


def explanation(sentence: str, language: str) -> str:
    """The explanation of the sentence's score, suggested or not."""
    [unit] = ClaimAnnotator(threshold=0.0).score(AnalyzedText(sentence, language_hint=language))
    return unit.explanation


@pytest.mark.parametrize(
    ("sentence", "language", "verb"),
    [
        ("Grid operators warned that demand for air conditioning could set new records this week.", "en",
         "warned"),
        ("Os operadores da rede alertaram que a procura pode bater recordes esta semana.", "pt", "alertaram"),
        ("A Aneel alertou para o risco de apagões no verão.", "pt", "alertou"),
        ("O Banco de Portugal advertiu os bancos sobre o crédito à habitação.", "pt", "advertiu"),
        ("O Ministério avisou que as vacinas podem acabar nesta semana.", "pt", "avisou que"),
    ],
)
def test_a_warning_is_reported_speech(sentence, language, verb):
    found = claims(sentence, language)
    assert f"reported speech ({verb})" in found[sentence]


def test_notifying_someone_is_no_warning():
    assert "reported speech" not in explanation("A loja avisou o cliente por e-mail.", "pt")


@pytest.mark.parametrize(
    "sentence",
    [
        "Abstenção no segundo turno bate recorde em 30 capitais.",
        "O partido ficou em segundo lugar, com 18% dos votos.",
        "Pelo segundo ano seguido, a produção de soja caiu 4%.",
    ],
)
def test_segundo_after_a_determiner_is_the_ordinal_not_according_to(sentence):
    assert "reported speech" not in explanation(sentence, "pt")


def test_segundo_before_its_source_still_reports():
    assert "reported speech (segundo)" in explanation("No segundo turno, a abstenção foi de 21%, segundo o TSE.", "pt")


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Para muitos críticos, a atuação de Fernanda Torres é a melhor da sua carreira.", "pt"),
        # "segundo" reports no one here
        ("Segundo muitos críticos, a atuação de Fernanda Torres é a melhor da sua carreira.", "pt"),
        ("Há quem diga que Pelé foi o melhor jogador da história.", "pt"),
        ("For many fans, Messi is the best player of all time.", "en"),
        ("Many critics say the film is the best of the decade.", "en"),
        ("According to many, Lula was the best president Brazil ever had.", "en"),
    ],
)
def test_an_evaluative_superlative_held_by_an_unnamed_group_is_opinion(sentence, language):
    assert claims(sentence, language) == {}
    assert "opinion of an unnamed group" in explanation(sentence, language)


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Segundo o IBGE, é a maior queda desde 2015.", "pt"),
        # a number or a date makes it a record; a measure ("the largest") is no evaluation
        ("Para muitos críticos, o filme foi o melhor do festival, com 12 prémios.", "pt"),
        ("For many analysts, it was the best quarter since 2019.", "en"),
        ("For many, Nvidia is the largest chipmaker in the world.", "en"),
        # "for many years" says how long, not who thinks so
        ("For many years, Pelé was the best player in the world.", "en"),
        ("Por muitos anos, Pelé foi o melhor jogador do mundo.", "pt"),
    ],
)
def test_records_and_measures_are_still_claims_whoever_holds_them(sentence, language):
    assert sentence in claims(sentence, language)


def test_for_many_years_names_no_group():
    assert "unnamed group" not in explanation("For many years, the company was the largest employer.", "en")


@pytest.mark.parametrize(
    ("sentence", "language", "cue"),
    [
        # what a judge put in writing is reported ("wrote" alone is an act: "She wrote a book")
        ("Judge Amy Berman Jackson wrote that the agency could not lawfully close the office.", "en",
         "reported speech (wrote that)"),
        ("O relator escreveu que a cobrança era indevida.", "pt", "reported speech (escreveu que)"),
        # a rank is a detail to check: "º" is a word character, so the number alone did not match
        ("A Universidade Federal de Minas Gerais ficou em 5º lugar no ranking nacional.", "pt", "quantity (5º)"),
    ],
)
def test_fifth_news_probe_claims(sentence, language, cue):
    found = claims(sentence, language)
    assert cue in found[sentence]


def test_a_first_of_the_month_is_a_date_not_a_rank():
    [unit] = ClaimAnnotator().score(AnalyzedText("O reajuste vale a partir de 1º de janeiro.", language_hint="pt"))
    assert "quantity" not in unit.explanation and "date or period (janeiro)" in unit.explanation


@pytest.mark.parametrize(("sentence", "dated"), [
    ("A prefeitura do Rio de Janeiro inaugurou a obra.", False),
    ("A feira na Rua Sete de Setembro reabriu.", False),
    ("O turismo no Rio de Janeiro cresceu em janeiro.", True),
    ("O contrato foi assinado a 10 de Janeiro.", True),  # pt-PT as written before 2009
])
def test_a_month_inside_a_name_is_no_date(sentence: str, dated: bool):
    # "Rio de Janeiro" had given every sentence naming the city a "date or period (janeiro)" cue.
    [unit] = ClaimAnnotator().score(AnalyzedText(sentence, language_hint="pt"))
    assert ("date or period" in unit.explanation) is dated


# ---------------------------------------------------------------- sixth news probe


@pytest.mark.parametrize(
    ("sentence", "language", "cue"),
    [
        # a named actor's plan with a number or a date is its commitment, to check
        ("A rede Magazine Luiza vai abrir 40 lojas no Nordeste.", "pt", "plan of a named actor (vai abrir)"),
        ("In Scotland, Tesco will hire 2,000 workers.", "en", "plan of a named actor (will)"),
        # what begins to be so ("passa a") is an action, as "passou a" is
        ("O Fiat Pulse passa a ser produzido em Betim.", "pt", "action (passa a ser)"),
    ],
)
def test_sixth_news_probe_claims(sentence, language, cue):
    found = claims(sentence, language)
    assert cue in found[sentence]


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        # a plan with nothing to check, or a hedged one, is still speculation
        ("A Apple vai lançar um celular dobrável.", "pt"),
        ("A Renner talvez vá abrir 30 lojas no Nordeste.", "pt"),
    ],
)
def test_a_plan_without_a_detail_or_hedged_is_no_claim(sentence, language):
    assert claims(sentence, language) == {}


# ---------------------------------------------------------------- seventh news probe


@pytest.mark.parametrize(
    ("sentence", "language", "frame"),
    [
        # too early to know is no finding, whatever numbers follow
        ("Ainda é cedo para dizer se os 45 radares vão reduzir acidentes.", "pt", "cedo para dizer"),
        ("É cedo demais para saber se a safra de 2025 vai crescer.", "pt", "cedo demais para"),
        ("It is too early to tell if 40 schools will join.", "en", "too early to tell"),
    ],
)
def test_too_early_to_know_is_a_speculative_frame(sentence, language, frame):
    [unit] = ClaimAnnotator().score(AnalyzedText(sentence, language_hint=language))
    assert f"speculative frame ({frame})" in unit.explanation


def test_what_is_too_early_to_tell_is_no_claim():
    # 0.55 before: "said" and a year outweighed the frame
    assert claims("Officials said it was too early to tell whether the 2025 harvest would recover.", "en") == {}


def test_a_number_ending_a_known_product_name_is_no_quantity():
    # "4090" was a quantity (1.3) where it is a model's number: a version (0.6)
    cues = explanation("On my own rig with two RTX 4090 cards, Scout runs at 20 tokens per second.", "en")
    assert "version (4090)" in cues and "quantity (20)" in cues
    assert "quantity (4090)" not in cues
    # a count of the same digits is still one, and so is a number after an acronym no product has ("PEC 241")
    assert "quantity (4090)" in explanation("The plant shipped 4090 units last year.", "en")
    assert "quantity (241)" in explanation("A PEC 241 congelou os gastos por 20 anos.", "pt")


@pytest.mark.parametrize(("sentence", "language", "speaker"), [
    # the name next to the verb, not the owner before it
    ('Galaxy Digital\'s Mike Novogratz called Solana "the chain of the agent economy" on CNBC.', "en",
     "Mike Novogratz"),
    ("«O governo não cumpriu nenhuma das metas prometidas», disse Marcelo Rebelo de Sousa.", "pt",
     "Marcelo Rebelo de Sousa"),
])
def test_a_quotation_takes_its_speaker_as_the_named_actor(sentence, language, speaker):
    found = claims(sentence, language)
    assert any(f"named actor ({speaker})" in note for note in found.values()), found


def test_a_quotation_of_a_pronoun_has_no_named_actor():
    found = claims('She called it "the chain of the agent economy of the future" on TV.', "en")
    assert not found


# News probe 9's claim misses as general features, on other sentences (fixtures/news_probe9).
@pytest.mark.parametrize(
    ("sentence", "language", "cue"),
    [
        # one actor's forecast is reported, as what it said is
        ("The ministry expects wheat output to fall below 80 million tonnes.", "en", "reported speech (expects)"),
        ("Marques espera que o novo terminal abra ao público em julho.", "pt", "reported speech (espera)"),
        ("O banco central prevê inflação de 4,5% para o próximo ano.", "pt", "reported speech (prevê)"),
        # a formal step still to come is where a procedure stands
        ("O Tribunal Constitucional ainda tem de se pronunciar sobre a lei.", "pt",
         "action (ainda tem de se pronunciar)"),
        ("The Senate has yet to vote on the nominee.", "en", "action (has yet to vote)"),
        # a sentence's first word right before its verb is who acted
        ("Tokyo responded with tariffs of its own.", "en", "named actor (Tokyo)"),
        ("Zelensky rejected the offer on the same day.", "en", "named actor (Zelensky)"),
        ("Haddad confirmou o corte no mesmo dia.", "pt", "named actor (Haddad)"),
        # a run that a date starts
        ("O Benfica não vencia fora de casa desde setembro.", "pt", "action (não vencia)"),
    ],
)
def test_forecasts_pending_steps_first_word_actors_and_runs_are_claims(sentence, language, cue):
    [unit] = ClaimAnnotator(threshold=0.0).score(AnalyzedText(sentence, language_hint=language))
    assert cue in unit.explanation
    assert unit.score >= 0.5


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        # the writer's or a group's expectation, no one's, and "espera" as a noun
        ("I expect the ministry to cut the forecast again.", "en"),
        ("Economists expect wheat output to fall further.", "en"),
        ("Nobody expects the regulator to move quickly.", "en"),
        ("Espero que o novo terminal abra ao público em julho.", "pt"),
        ("Os passageiros continuam à espera de uma solução.", "pt"),
        # a wish with the same words as a formal step: no procedure's verb
        ("O país ainda tem de melhorar muito a educação pública.", "pt"),
        ("We still have to work much harder on this.", "en"),
        # a first word that opens sentences, not a name
        ("Nobody answered the phone at the office.", "en"),
        ("Tudo mudou depois daquela reunião.", "pt"),
        ("Then everything changed for the worse.", "en"),
        # a run without a date to start it
        ("Eu não sabia o que fazer naquela noite.", "pt"),
    ],
)
def test_the_same_words_without_an_actor_a_procedure_or_a_date_are_not(sentence, language):
    assert claims(sentence, language) == {}


# News probe 10 (fixtures/news_probe10): a place in a series with a date is
# counted, as a record is (not a weekday: "a sexta-feira"); a title or a
# thread's hook names what follows (not a sentence with its full stop).
@pytest.mark.parametrize(("sentence", "language"), [
    ("Rates were cut on Wednesday. It is the third cut since March 2024. Markets barely moved.", "en"),
    ("O BCE reuniu-se na sexta-feira. É a quinta revisão desde janeiro de 2023. Os bancos reagiram.", "pt"),
])
def test_a_place_in_a_series_with_a_date_is_a_claim(sentence: str, language: str):
    first, middle, _ = (part + "." for part in sentence.removesuffix(".").split(". "))
    scored = {sentence[u.start:u.end]: u.explanation
              for u in ClaimAnnotator().score(AnalyzedText(sentence, language_hint=language))}
    assert "place in a series in time" in claims(sentence, language)[middle]
    assert "ordinal" not in scored[first]


@pytest.mark.parametrize(("text", "language", "title"), [
    ("Como a seca mudou a safra de café em Minas\nA produção caiu 18% em 2025, segundo a Conab.", "pt",
     "Como a seca mudou a safra de café em Minas"),
    ("Thread on what the ECB decided today 👇\nWhat the ECB decided on Thursday was to hold rates at 2%, "
     "Lagarde said.", "en",
     "Thread on what the ECB decided today 👇"),
])
def test_a_title_or_a_threads_hook_is_no_claim(text: str, language: str, title: str):
    found = claims(text, language)
    assert title not in found
    assert all(claimed(text, sentence, language) for sentence in text.split("\n")[1].split(". "))


# News probe 12 (fixtures/news_probe12): a formal event set for a date is a fact
# the organiser can confirm (no plan without a date, nor the writer's belief); the
# writer's "I wouldn't" is a conditional as "would" is.
@pytest.mark.parametrize(("sentence", "language"), [
    ("A votação do recurso está marcada para 12 de março.", "pt"),
    ("A assembleia de acionistas ficou agendada para abril.", "pt"),
    ("The hearing is scheduled for January 20.", "en"),
])
def test_an_event_scheduled_for_a_date_is_a_claim(sentence: str, language: str):
    assert "scheduled for a date" in claims(sentence, language)[sentence]


@pytest.mark.parametrize(("sentence", "language"), [
    ("A festa está marcada para sábado.", "pt"),
    ("O Ronaldo está previsto para jogar no domingo.", "pt"),
    ("Acho que a votação está marcada para 12 de março.", "pt"),
    ("The match is set for a clash of styles.", "en"),
    ("I wouldn't bet on more than five launches.", "en"),
])
def test_a_plan_without_a_date_a_belief_or_the_writers_wouldnt_is_not(sentence: str, language: str):
    assert claims(sentence, language) == {}


def test_wouldnt_in_what_was_reported_is_the_speakers():
    sentence = "The company said it wouldn't cut 500 jobs in 2026."
    assert "modal in what was reported (wouldn't)" in claims(sentence, "en")[sentence]


# Claims probe 9: what someone did to people in the writer's eyes is a verdict, not an event, though it has an
# actor, a past verb and a date ("The government failed everyone in 2024." scored 0.55).
@pytest.mark.parametrize(("sentence", "language"), [
    ("The government failed everyone in 2024.", "en"),
    ("Lula failed everyone in 2024.", "en"),
    ("The government let ordinary voters down in 2024.", "en"),
    ("O governo falhou com todos em 2024.", "pt"),
    ("O governo traiu os eleitores em 2024.", "pt"),
    ("O governo deixou os portugueses na mão em 2024.", "pt"),
])
def test_a_verdict_on_people_is_no_claim(sentence: str, language: str):
    assert claims(sentence, language) == {}


@pytest.mark.parametrize(("sentence", "language"), [
    # guards: the same actors' events, with a number, an infinitive after "failed", or no people as the object
    ("The government cut spending by 12% in 2024.", "en"),
    ("The government failed to pass the budget in 2024.", "en"),
    ("He betrayed state secrets to Russia in 2019.", "en"),
    ("The government mismanaged $3 billion of aid in 2024.", "en"),
    ("O governo cortou 12% dos gastos em 2024.", "pt"),
    ("O governo deixou os portugueses sem luz durante 10 horas em 2024.", "pt"),
])
def test_an_actors_event_with_a_date_stays_a_claim(sentence: str, language: str):
    assert sentence in claims(sentence, language)


# Claims probe 9: the copula's perfect is no action, as "foi" alone is none; a passive's "sido" stays one.
def test_tem_sido_as_a_copula_is_no_action():
    assert claims("O governo tem sido um fracasso total desde 2022.", "pt") == {}
    sold = "A empresa tinha sido vendida em 2019 ao grupo Sonae."
    assert "action (tinha sido vendida)" in claims(sold, "pt")[sold]


@pytest.mark.parametrize("phrase", ["de acordo com", "pela lei", "tem de", "parece-me", "i'd like", "won't"])
def test_a_phrase_cue_finds_each_phrase_whatever_word_its_key_is(phrase: str) -> None:
    """A phrase cue's regex runs only when the unit holds one of its keys (a word of each phrase): each phrase is
    still found, names and all."""
    from plugins.claims import _word_cue

    cue = _word_cue("test", 1.0, "de_acordo_com pela_lei tem_de parece-me i'd_like won't")
    unit = f"Ontem, {phrase} Ana."
    words = [word.lower() for word in re.findall(r"\w+", unit)]
    assert cue.find(unit, words, frozenset(words)) == phrase
    # a verb cue reads its gate without the names inside the unit, and its keys in all the unit's words
    assert cue.find(unit.replace(phrase, phrase.title()), words, frozenset(words) - {"acordo", "lei", "like"},
                    frozenset(words)) == phrase.title()


def test_the_cue_index_passes_over_no_cue_that_a_unit_shows() -> None:
    """``CueIndex.worth_finding`` may leave a cue out of a unit only when ``Cue.find`` finds nothing there: over
    every sentence of the claim probes' texts (both languages, both kinds of opening), each cue found is among those
    the index gives, and the index leaves most cues out."""
    import json

    from plugins.claims import _WORD, cues_for
    from server.segmentation import split_sentences

    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    texts = [(record["text"], record["lang"]) for path in sorted(fixtures.glob("claim*/*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
             for record in [json.loads(line)]
             if isinstance(record.get("text"), str) and record.get("lang") in ("pt", "en")]
    assert len(texts) > 300
    found = offered = looked = 0
    for text, language in texts:
        for start, end in split_sentences(text, language):
            unit = text[start:end]
            words = _WORD.findall(unit.lower())
            word_set = frozenset(words)
            for common_opening in (False, True):
                index = cues_for(language, common_opening)
                worth = index.worth_finding(unit, word_set)
                shown = [cue for cue in index.cues if cue.find(unit, words, word_set) is not None]
                assert [cue for cue in shown if cue not in worth] == [], unit
                found, offered, looked = found + len(shown), offered + len(worth), looked + len(index.cues)
    assert found > 1000 and offered < looked / 2
