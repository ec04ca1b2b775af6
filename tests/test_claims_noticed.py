"""Claim misses this session's probes noticed (claims probe 9's left-open sentences), each as a general rule
tested on other sentences, with a guard that must not change."""

from __future__ import annotations

import pytest

from tests.test_claims import claims


@pytest.mark.parametrize(("sentence", "language"), [
    # a rule or a body a named actor lacks is a present fact about it, checkable as what it has
    ("Meanwhile the US has no federal AI law at all.", "en"),
    ("The EU has no AI agency yet.", "en"),
    ("O Brasil não tem uma lei federal de IA.", "pt"),
])
def test_a_rule_a_named_actor_lacks_is_a_claim(sentence: str, language: str):
    assert any("action of a named actor" in explanation for explanation in claims(sentence, language).values())


@pytest.mark.parametrize(("sentence", "language"), [
    # guard: what a speaker lacks, or a rule lacked by no one named, is no claim
    ("I have no idea.", "en"),
    ("We have no choice.", "en"),
    ("I have no rules for this.", "en"),
    ("Não há lei que me impeça.", "pt"),
    ("The US has no interest in a deal.", "en"),
])
def test_what_a_speaker_lacks_is_no_claim(sentence: str, language: str):
    assert claims(sentence, language) == {}


@pytest.mark.parametrize(("sentence", "language"), [
    # pinned (the plugin's conventions; probe 9's truth marked them claims): a generic statement about a group,
    # and a capability with a number under "pode", are no claim without a source
    ("Os idosos são os mais vulneráveis ao calor.", "pt"),
    ("A temperatura pode subir mais de 20 graus.", "pt"),
])
def test_a_generic_statement_and_a_capability_unattributed_are_no_claims(sentence: str, language: str):
    assert claims(sentence, language) == {}


@pytest.mark.parametrize(("sentence", "language"), [
    ("Os idosos são os mais vulneráveis ao calor, segundo a DGS.", "pt"),
    ("A temperatura pode subir mais de 20 graus, segundo o IPMA.", "pt"),
])
def test_the_same_with_a_source_are_claims(sentence: str, language: str):
    assert claims(sentence, language)
