"""Gated token patterns: the same matches as spaCy's EntityRuler, with token
patterns skipped on texts that cannot hold their first required token."""

from __future__ import annotations

import pytest

from plugins.entities import SHIPPED_PATTERNS, entity_ruler
from plugins.pattern_gates import GatedMatcher, GatedRuler, anchored_at_start, compile_gate, pattern_gate, reach
from server.analysis import DEFAULT_PIPELINES, load_pipeline


@pytest.mark.parametrize(("regex", "anchored"), [
    ("^abc$", True), ("^a|^b", True), ("^(?:a|b)$", True), ("^[|(]x", True), ("^[]|]|^c", True),
    ("^a|b", False), ("abc", False), ("[^a]b", False), (r"^\\|x", False), ("^[^]|]|c", False),
])
def test_a_regex_is_anchored_when_each_top_level_alternative_starts_with_a_caret(regex: str, anchored: bool):
    assert anchored_at_start(regex) is anchored


@pytest.mark.parametrize(("pattern", "gate"), [
    ([{"ORTH": "Câmara"}, {"ORTH": "Municipal"}], "^Câmara$"),
    ([{"TEXT": {"IN": ["a.b", "c"]}}], r"^(?:a\.b|c)$"),
    ([{"ORTH": "-", "OP": "?"}, {"IS_TITLE": True, "OP": "*"}, {"TEXT": {"REGEX": "^v\\d$"}}], "^v\\d$"),
    ([{"ORTH": "x", "OP": "{0,2}"}, {"ORTH": "not", "OP": "!"}, {"ORTH": "y", "OP": "+"}], "^y$"),
    ([{"LOWER": "gpt"}], None),  # lower-casing is not checked on the text
    ([{"TEXT": {"REGEX": r"\Agpt"}}], None),  # \A would mean the start of the whole document
    ([{"ORTH": "a", "OP": "*"}], None),
])
def test_the_gate_is_the_first_required_tokens_text(pattern: list[dict], gate: str | None):
    assert pattern_gate(pattern) == gate


@pytest.mark.parametrize(("regex", "tokens", "found"), [
    ("^Qwen\\d$", ["o", "Qwen3", "lançado"], True),
    ("^Qwen\\d$", ["o", "Qwen", "3", "xQwen3"], False),  # anchored: whole tokens only
    ("bot$", ["um", "chatbot", "novo"], True),  # unanchored: anywhere in a token, as spaCy searches
    ("bot n", ["chatbot", "novo"], False),  # never across two tokens
])
def test_a_gate_finds_a_token_that_the_regex_matches(regex: str, tokens: list[str], found: bool):
    assert (compile_gate(regex).search("".join("\n" + token for token in tokens)) is not None) is found


@pytest.fixture(scope="module")
def pt_pipeline():
    return load_pipeline(DEFAULT_PIPELINES["pt"])


def test_every_shipped_token_pattern_is_gated(pt_pipeline):
    groups = entity_ruler(pt_pipeline, SHIPPED_PATTERNS).token_matcher.groups
    assert groups and all(gate is not None for gate, _matcher in groups)


TEXTS = [
    "O GPT-4o e o Deepseek -V3.2 superam o Llama 4 Scout e o Qwen3 da Alibaba, disse a Meta.",
    "A Secretaria de Saúde de Recife e a Câmara Municipal de São Paulo aprovaram o plano.",
    "The Supreme Court of Canada, the Bank of England, o1-mini, M3 Max, MI300X and HBM3E.",
    "Gemini 2.5 Pro, Claude Opus 4.1, Mistral Large 2, Pixel 9 Pro e Galaxy S24 Ultra chegam em março.",
    "A prefeitura anunciou ontem obras na avenida principal, sem nome próprio nem modelo.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_gated_matches_equal_the_entity_rulers(pt_pipeline, text: str):
    gated = entity_ruler(pt_pipeline, SHIPPED_PATTERNS)
    doc = pt_pipeline.nlp(text)
    assert gated.match(doc) == gated.ruler.match(doc)


def test_the_shipped_phrase_patterns_match_without_the_rulers_copies_of_their_docs(pt_pipeline):
    # About 7 KB a pattern (the towns' gazetteer: 32 MB a language) that a stand-alone ruler never reads.
    gated = entity_ruler(pt_pipeline, SHIPPED_PATTERNS)
    doc = pt_pipeline.nlp("Obras em Didcot e em Fort William, disse a Nvidia.")
    assert not gated.ruler.phrase_patterns
    assert {"Didcot", "Fort William", "Nvidia"} <= {doc[start:end].text for _id, start, end in gated.match(doc)}

def test_user_patterns_of_every_kind_match_as_in_the_entity_ruler(pt_pipeline):
    from spacy.pipeline import EntityRuler

    ruler = EntityRuler(pt_pipeline.nlp, name="test_gates")
    ruler.add_patterns([
        {"label": "PRODUCT", "pattern": [{"LOWER": "chatbot"}, {"IS_DIGIT": True}]},  # ungated
        {"label": "PRODUCT", "pattern": [{"TEXT": {"REGEX": "bot$"}}, {"ORTH": "Max"}]},  # unanchored regex
        {"label": "ORG", "id": "lab", "pattern": [{"ORTH": "Lab", "OP": "?"}, {"ORTH": "Zeta"}]},
        {"label": "ORG", "pattern": "Acme Labs"},  # a phrase pattern
    ])
    gated = GatedRuler(ruler)
    doc = pt_pipeline.nlp("O Chatbot 2 e o Robot Max da Lab Zeta, rival da Acme Labs, e o Zeta.")
    assert sorted(doc[start:end].text for _id, start, end in gated.match(doc)) == [
        "Acme Labs", "Chatbot 2", "Lab Zeta", "Robot Max", "Zeta", "Zeta"]
    assert gated.match(doc) == ruler.match(doc)


def test_a_gated_pattern_is_not_run_on_a_text_without_its_first_token(pt_pipeline):
    matcher = GatedMatcher(pt_pipeline.nlp.vocab, {"ORG": [[{"ORTH": "Zeta"}]]})
    [(gate, spacy_matcher)] = matcher.groups
    ran = []
    matcher.groups = [(gate, lambda doc: ran.append(doc.text) or spacy_matcher(doc))]
    assert matcher(pt_pipeline.nlp("Nada aqui.")) == []
    assert len(matcher(pt_pipeline.nlp("A Zeta cresceu."))) == 1
    assert ran == ["Zeta"]  # only the tokens a match can reach from the gate's


@pytest.mark.parametrize(("pattern", "reached"), [
    ([{"ORTH": "Santa"}, {"ORTH": "Casa"}], (0, 1)),
    ([{"ORTH": "x", "OP": "{0,2}"}, {"ORTH": "not", "OP": "!"}, {"ORTH": "y", "OP": "{1,3}"}, {"ORTH": "z", "OP": "?"}],
     (3, 3)),  # after the gate's token: two more of its run and the optional one
    ([{"ORTH": "x", "OP": "{,2}"}, {"ORTH": "y", "OP": "{2}"}], (2, 1)),
    ([{"IS_TITLE": True, "OP": "*"}, {"ORTH": "v"}, {"IS_DIGIT": True, "OP": "+"}], (None, None)),
    ([{"ORTH": "y", "OP": "{2,}"}], (0, None)),
    ([{"ORTH": "a", "OP": "*"}], (None, None)),  # nothing required: no gate
])
def test_a_patterns_reach_counts_the_tokens_around_its_first_required_one(pattern: list[dict], reached: tuple):
    assert reach(pattern) == reached


WINDOW_PATTERNS = {
    "ORG": [[{"ORTH": "Zeta"}, {"ORTH": "Labs", "OP": "?"}], [{"IS_TITLE": True, "OP": "{0,2}"}, {"ORTH": "Zeta"}],
            [{"ORTH": "Rua"}, {"IS_TITLE": True, "OP": "+"}]],
    "LOC": [[{"ORTH": "de", "OP": "?"}, {"ORTH": "Rua"}, {"IS_LOWER": True, "OP": "{1,2}"}]],
}


@pytest.mark.parametrize("text", [
    "A Zeta Labs e a Nova Grande Zeta abriram na Rua Augusta, e a Zeta ficou na rua de Rua larga mesmo.",
    "Zeta", "Zeta Labs", "Grande Zeta", "Rua", "Rua Augusta Nova Velha", "de Rua boa vida", "Nada aqui, Zeta.",
])
def test_matches_over_the_gates_window_equal_the_whole_documents(pt_pipeline, text: str):
    """Each group's matcher sees only the tokens its matches can reach from its gate's tokens (``reach``), and finds
    there every match it finds in the whole document: optional tokens before the gate, runs after it, unbounded ones."""
    from spacy.matcher import Matcher

    gated = GatedMatcher(pt_pipeline.nlp.vocab, WINDOW_PATTERNS)
    whole = Matcher(pt_pipeline.nlp.vocab)
    for key, patterns in WINDOW_PATTERNS.items():
        whole.add(key, patterns)
    doc = pt_pipeline.nlp(text)
    assert sorted(gated(doc)) == sorted(whole(doc))


def test_each_text_opens_the_gates_that_find_it_alone(pt_pipeline):
    """A text's gates are kept by text (``gates_of``): a text of newlines between others shifts none of them, and a
    regex match that runs on over the next text's newline ("a\\s" from "xa" into "ya ") does not hide the next
    text's own match."""
    matcher = GatedMatcher(pt_pipeline.nlp.vocab, {"ORG": [[{"ORTH": "Zeta"}], [{"TEXT": {"REGEX": "^Qwen\\d$"}}]]})
    assert matcher.gates_of(["Zeta", "nada", "\n\n", "Qwen3", "xQwen3"]) == [0b01, 0, 0, 0b10, 0]
    spaced = GatedMatcher(pt_pipeline.nlp.vocab, {"ORG": [[{"TEXT": {"REGEX": "a\\s"}}]]})
    assert spaced.gates_of(["xa", "ya "]) == [1, 1]  # the first by the newline after it: a gate may open wider


def test_a_text_seen_before_opens_its_gates_in_a_later_document(pt_pipeline):
    matcher = GatedMatcher(pt_pipeline.nlp.vocab, {"ORG": [[{"ORTH": "Zeta"}, {"ORTH": "Labs"}]]})
    first = pt_pipeline.nlp("A Zeta Labs cresceu.")
    assert matcher(first) == matcher.groups[0][1](first) != []
    known = dict(matcher.opened)
    later = pt_pipeline.nlp("Zeta cresceu.")
    assert set(matcher.token_masks(later)) == {0b1, 0} and matcher(later) == []  # "Zeta" opens the gate
    assert matcher.opened == known  # no new text
    assert set(matcher.token_masks(pt_pipeline.nlp("Nada cresceu."))) == {0}
