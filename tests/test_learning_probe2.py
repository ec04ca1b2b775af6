"""Learning from annotators through /webhook: the second learning probe's
defects (ground truth, brands that are common words, disagreements, the
label mapping's cost) and its webhook sequences."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from server.labeling import span_label_names
from tests.test_entities import CONFIG, PROJECT, annotation_body, predict
from tests.test_learning_probe import taught

JANDAIA = "A startup falou do assistente Jandaia ontem."


def labelled(annotation_id: int, text: str, spans: list[tuple[str, str]], *, ground_truth: bool = False,
             occurrence: int = 0, updated_at: str = "2026-11-30T08:00:00Z", **extra: Any) -> dict[str, Any]:
    body = annotation_body(annotation_id, text, spans, occurrence=occurrence, updated_at=updated_at, **extra)
    body["annotation"]["ground_truth"] = ground_truth
    return body


def learned(region: dict) -> bool:
    return region["type"] == "labels" and "annotators" in region["meta"]["text"]


def scored(regions: list[dict]) -> dict[str, tuple[str, float]]:
    """The learned suggestions: text -> (label, score)."""
    return {r["value"]["text"]: (r["value"]["labels"][0], r["score"]) for r in regions if learned(r)}


def post(app, *bodies: dict[str, Any]) -> None:
    client = app.test_client()
    for body in bodies:
        assert client.post("/webhook", json=body).status_code == 200


def test_a_reviewers_ground_truth_outweighs_two_annotators(make_app):
    app = make_app()
    post(app, labelled(1, JANDAIA, [("Jandaia", "Product")]), labelled(2, JANDAIA, [("Jandaia", "Product")]),
         labelled(3, JANDAIA, [("Jandaia", "Organization")], ground_truth=True))
    label, score = scored(predict(app, JANDAIA)[0])["Jandaia"]
    assert label == "Organization" and score == pytest.approx(3.5 / 6, abs=1e-4)  # (3 + 0.5) / (3 + 2 + 1)


def test_a_ground_truth_alone_scores_more_than_one_annotator(make_app):
    app = make_app()
    other = labelled(2, JANDAIA, [("Jandaia", "Product")])
    other["project"] = {"id": PROJECT + 1}
    post(app, labelled(1, JANDAIA, [("Jandaia", "Product")], ground_truth=True), other)
    assert scored(predict(app, JANDAIA)[0])["Jandaia"] == ("Product", pytest.approx(0.875))
    assert scored(predict(app, JANDAIA, project=PROJECT + 1)[0])["Jandaia"] == ("Product", pytest.approx(0.75))


def test_a_ground_truth_deletion_outweighs_two_annotators_labels(make_app):
    app = make_app()
    text = "A Meta e a Nvidia falaram com a China."
    post(app, labelled(1, text, [("Meta", "Organization")]), labelled(4, text, [("Meta", "Organization")]),
         labelled(2, text, [("Nvidia", "Organization")], prediction=[("Meta", "Organization")], ground_truth=True))
    assert "Meta" not in scored(predict(app, "A Meta cresceu.")[0])


def test_a_one_to_one_disagreement_takes_the_latest_annotations_label(make_app):
    for first, second in (("Product", "Organization"), ("Organization", "Product")):
        app = make_app()
        post(app, labelled(1, JANDAIA, [("Jandaia", first)]),
             labelled(2, JANDAIA, [("Jandaia", second)], updated_at="2026-11-30T09:00:00Z"))
        assert scored(predict(app, JANDAIA)[0])["Jandaia"] == (second, pytest.approx(0.5))


def test_an_annotation_votes_once_for_a_name_it_labels_at_several_places(make_app):
    app = make_app()
    text = "Jandaia aqui, Jandaia ali, Jandaia acolá."
    body = labelled(1, text, [("Jandaia", "Product")])
    for occurrence in (1, 2):
        body["annotation"]["result"] += labelled(1, text, [("Jandaia", "Product")],
                                                 occurrence=occurrence)["annotation"]["result"]
    post(app, body, labelled(2, JANDAIA, [("Jandaia", "Organization")], updated_at="2026-11-30T09:00:00Z"))
    assert scored(predict(app, JANDAIA)[0])["Jandaia"][0] == "Organization"


BRANDS = "Ontem a Claro anunciou o 5G e a Via abriu lojas; a Shell também."


def test_a_brand_that_is_a_common_word_is_learned_when_labelled_mid_sentence(make_app):
    app = make_app()
    post(app, *(labelled(i, BRANDS, [("Claro", "Organization"), ("Via", "Organization"), ("Shell", "Organization")])
                for i in (1, 2)))
    found = taught(predict(app, "Clientes da Claro e da Via reclamam. Claro que sim. Via de regra, claro.")[0])
    assert found == {("Claro", "Organization"), ("Via", "Organization")}
    regions = predict(app, "Clientes da Claro reclamam. Claro que sim.")[0]
    assert [r["value"]["start"] for r in regions if r["value"]["text"] == "Claro" and learned(r)] == [12]


def test_one_annotation_of_a_common_word_brand_is_not_enough(make_app):
    app = make_app()
    post(app, labelled(1, BRANDS, [("Claro", "Organization")]))
    assert taught(predict(app, "Clientes da Claro reclamam.")[0]) == set()


@pytest.mark.parametrize("text, words", [
    ("A Quixaba Dados cresceu. The end.", ["A", "The"]),  # capitalised only as a sentence's first word
    ("Era uma vez. De repente, nada.", ["De"]),
    ("Vamos de trem e de carro.", ["de"]),  # mid-sentence but not capitalised
])
def test_common_words_labelled_at_a_sentence_start_stay_blocked(make_app, text, words):
    app = make_app()
    post(app, *(labelled(i, text, [(word, "Organization") for word in words]) for i in (1, 2, 3)))
    found = {surface for surface, _label in taught(predict(app, f"Veja: {text} E a {words[0]} voltou.")[0])}
    assert not found & set(words)


def test_the_label_names_of_a_config_are_cached_by_its_text():
    span_label_names.cache_clear()
    names = span_label_names(CONFIG, ("PER", "ORG", "LOC", "PRODUCT"))
    assert names == {"PERSON": "PER", "ORGANIZATION": "ORG", "PLACE": "LOC", "PRODUCT": "PRODUCT"}
    span_label_names(CONFIG, ("PER", "ORG", "LOC", "PRODUCT"))
    assert span_label_names.cache_info().hits == 1


def test_the_entities_label_mapper_reads_a_setup_config_through_that_cache(make_app):
    from plugins.entities import model_label_mapper
    app = make_app()
    app.test_client().post("/setup", json={"project": f"{PROJECT}.1700000000", "schema": CONFIG})
    span_label_names.cache_clear()
    for _event in range(3):
        assert model_label_mapper(app, PROJECT)("Place") == "LOC"
    assert span_label_names.cache_info().hits == 2


def test_a_label_renamed_since_setup_is_read_through_the_events_config(make_app):
    app = make_app()
    client = app.test_client()
    renamed = CONFIG.replace('value="Organization"', 'value="Cliente"')
    client.post("/setup", json={"project": f"{PROJECT}.1700000000", "schema": CONFIG})
    body = labelled(1, JANDAIA, [("Jandaia", "Cliente")])
    body["project"]["label_config"] = renamed  # as Label Studio sends the project with each event
    post(app, body)
    assert scored(predict(app, JANDAIA, config=renamed)[0]) == {"Jandaia": ("Cliente", 0.75)}


def test_the_common_words_are_spacys_stop_words_read_without_importing_spacy():
    # Importing them through spaCy cost the first webhook after a start 1.5 to 3 s.
    code = ("import sys; from plugins.entity_memory import common_words; words = common_words(); "
            "print(len(words), 'spacy' in sys.modules)")
    answer = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    from spacy.lang.en.stop_words import STOP_WORDS as english
    from spacy.lang.es.stop_words import STOP_WORDS as spanish
    from spacy.lang.pt.stop_words import STOP_WORDS as portuguese
    assert answer.stdout.split() == [str(len(english | spanish | portuguese)), "False"]



def test_an_events_config_that_does_not_parse_leaves_the_setup_config_to_map(make_app):
    app = make_app()
    body = labelled(1, JANDAIA, [("Jandaia", "Product")])
    body["project"]["label_config"] = "<View><Text name="
    post(app, body)
    assert scored(predict(app, JANDAIA)[0]) == {"Jandaia": ("Product", 0.75)}

# The probe: webhook sequences a team produces, each with what the team expects
# the project to have learned, written before Anota ran on them (5 of these 15
# failed before this session's fixes; 3 more were kept back as a blind check).
OTHER = PROJECT + 1
EMPRESA = CONFIG.replace('value="Organization"', 'value="Empresa"')
COMPANHIA = CONFIG.replace('value="Organization"', 'value="Companhia"')
CLIENTE = CONFIG.replace('value="Organization"', 'value="Cliente"')
Step = tuple[str, dict[str, Any]]


def sent(annotation_id: int, text: str, spans: list[tuple[str, str]], *, project: int = PROJECT,
         config: str = CONFIG, cancelled: bool = False, **options: Any) -> Step:
    """A webhook as Label Studio sends it: the project with its current config."""
    body = labelled(annotation_id, text, spans, **options)
    body["project"] = {"id": project, "label_config": config}
    body["annotation"].update(project=project, was_cancelled=cancelled)
    return "/webhook", body


def updated(annotation_id: int, text: str, spans: list[tuple[str, str]], hour: int, **options: Any) -> Step:
    return sent(annotation_id, text, spans, action="ANNOTATION_UPDATED", updated_at=f"2026-11-30T{hour:02}:00:00Z",
                **options)


def setup(project: int, created: int, config: str) -> Step:
    return "/setup", {"project": f"{project}.{created}", "schema": config}


def imported(*steps: Step) -> Step:
    """Annotations imported with their tasks: one ANNOTATIONS_CREATED of lists."""
    body = dict(steps[0][1], action="ANNOTATIONS_CREATED")
    body.update(annotation=[step[1]["annotation"] for step in steps], task=[step[1]["task"] for step in steps])
    return "/webhook", body


T1 = "A startup lançou o assistente Jandaia ontem."
T2 = "Hoje o assistente Jandaia ganhou voz."
T3 = "O grupo Sabiá comprou a rede."
T4 = "A Tucano Motors vendeu mil carros."
T5 = "A Pindorama Labs e a Quixaba Dados assinaram."
T6 = "O cacique Tupã Arandu falou com o prefeito."
T7 = "Segundo a Apple e a Shell, a Claro vai investir."
T8 = "A seguradora Bem-te-vi Seguros cresceu."
TWO_PROJECTS = [setup(OTHER, 1700000000, EMPRESA), sent(1, T5, [("Pindorama Labs", "Organization")]),
                sent(2, T5, [("Quixaba Dados", "Empresa")], project=OTHER, config=EMPRESA)]
SEQUENCES = [
    pytest.param([sent(1, T1, [("Jandaia", "Product")]),
                  updated(2, T2, [("Jandaia", "Organization")], 9, prediction=[("Jandaia", "Product")])],
                 T1, PROJECT, CONFIG, {"Jandaia": "Organization"}, id="correcting a learned suggestion's label"),
    pytest.param([sent(1, T3, [("Sabiá", "Person")]), updated(2, T3, [("Sabiá", "Product")], 9),
                  sent(3, T3, [("Sabiá", "Organization")], ground_truth=True)],
                 T3, PROJECT, CONFIG, {"Sabiá": "Organization"}, id="a ground truth settles a disagreement"),
    pytest.param([sent(1, T4, [("Tucano Motors", "Organization")], updated_at="2026-11-30T01:00:00Z")]
                 + [updated(1, T4, [("Tucano Motors", label)], hour)
                    for hour, label in [(2, "Product"), (3, "Organization"), (5, "Product"), (4, "Organization")]],
                 T4, PROJECT, CONFIG, {"Tucano Motors": "Product"}, id="updated many times, one delivered late"),
    pytest.param(TWO_PROJECTS, T5, OTHER, EMPRESA, {"Quixaba Dados": "Empresa"}, id="another project's label name"),
    pytest.param(TWO_PROJECTS, T5, PROJECT, CONFIG, {"Pindorama Labs": "Organization"}, id="each project its own"),
    pytest.param([setup(OTHER, 1700000000, EMPRESA),
                  sent(1, T5, [("Pindorama Labs", "Empresa")], project=OTHER, config=EMPRESA),
                  setup(OTHER, 1800000000, COMPANHIA),
                  sent(2, T5, [("Quixaba Dados", "Companhia")], project=OTHER, config=COMPANHIA)],
                 T5, OTHER, COMPANHIA, {"Pindorama Labs": "Companhia", "Quixaba Dados": "Companhia"},
                 id="a label renamed through /setup"),
    pytest.param([setup(OTHER, 1700000000, EMPRESA),
                  sent(2, T5, [("Quixaba Dados", "Cliente")], project=OTHER, config=CLIENTE)],
                 T5, OTHER, CLIENTE, {"Quixaba Dados": "Cliente"}, id="a label renamed without /setup"),
    pytest.param([sent(1, T1, [("Jandaia", "Product")]), updated(1, T1, [("Jandaia", "Product")], 9, cancelled=True)],
                 T1, PROJECT, CONFIG, {}, id="a skipped annotation withdraws its labels"),
    pytest.param([sent(1, T3, [("Sabiá", "Organization")], ground_truth=True), sent(2, T3, [("Sabiá", "Person")]),
                  sent(3, T3, [("Sabiá", "Person")]), updated(1, T3, [("Sabiá", "Organization")], 10)],
                 T3, PROJECT, CONFIG, {"Sabiá": "Person"}, id="ground truth unmarked"),
    pytest.param([sent(1, T6, [("Tupã Arandu", "Person")]),
                  updated(2, T6, [], 9, prediction=[("Tupã Arandu", "Person")]),
                  updated(3, T6, [("Tupã Arandu", "Person")], 10, ground_truth=True)],
                 T6, PROJECT, CONFIG, {"Tupã Arandu": "Person"}, id="a ground truth breaks a keep-delete tie"),
    pytest.param([sent(1, T6, [("Tupã Arandu", "Person")]),
                  updated(2, T6, [], 9, prediction=[("Tupã Arandu", "Person")])],
                 T6, PROJECT, CONFIG, {}, id="a keep-delete tie is not suggested"),
    pytest.param([imported(sent(1, T3, [("Sabiá", "Person")]),
                           sent(2, T3, [("Sabiá", "Organization")], ground_truth=True))],
                 T3, PROJECT, CONFIG, {"Sabiá": "Organization"}, id="an imported ground truth"),
    pytest.param([sent(1, T3, [("Sabiá", "Organization")], ground_truth=True), sent(2, T3, [("Sabiá", "Person")]),
                  ("/webhook", {"action": "ANNOTATIONS_DELETED", "annotations": [{"id": 1}],
                                "project": {"id": PROJECT}})],
                 T3, PROJECT, CONFIG, {"Sabiá": "Person"}, id="the ground truth deleted"),
    pytest.param([sent(1, T7, [("Apple", "Organization"), ("Shell", "Organization"), ("Claro", "Organization")],
                       ground_truth=True)],
                 "Clientes da Claro, da Apple e da Shell. Claro que sim.", PROJECT, CONFIG,
                 {"Apple": "Organization", "Shell": "Organization", "Claro": "Organization"},
                 id="brands, one a common word, from a ground truth"),
    pytest.param([sent(1, T8, [("Bem-te-vi Seguros", "Organization")]),
                  updated(1, T8, [("Bem-te-vi Seguros", "Product")], 9)],
                 T8, PROJECT, CONFIG, {"Bem-te-vi Seguros": "Product"}, id="a relabel replaces the earlier label"),
]


@pytest.mark.parametrize("steps, text, project, config, expected", SEQUENCES)
def test_a_teams_webhook_sequence_teaches_what_it_expects(make_app, steps, text, project, config, expected):
    app = make_app()
    client = app.test_client()
    for path, body in steps:
        assert client.post(path, json=body).status_code == 200
    found = scored(predict(app, text, config=config, project=project)[0])
    assert {surface: label for surface, (label, _score) in found.items()} == expected
