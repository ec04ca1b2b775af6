"""Names a labeling config holds in another Unicode form than an export's
(an NFD label against the config's NFC, a full-width one): said where the
exporter notes a label, choice or control the config lacks."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


def other_form_of(name: str, names: Iterable[str]) -> str:
    """Why ``name``, missing from the config's ``names``, may look present: a
    name equal to one of them once both are normalized (NFD against the
    config's NFC, as a macOS tool writes it; a full-width or other
    compatibility character). Not matched: Label Studio compares labels and
    control names as they are (projects/models.py validate_config takes a set
    difference of the strings), so it keeps the two apart too; said, for the
    builder to choose. "" when no name is such."""
    folded = unicodedata.normalize("NFKC", name)
    twin = next((one for one in names if unicodedata.normalize("NFKC", one) == folded), None)
    if twin is None:
        return ""
    if unicodedata.normalize("NFC", name) == unicodedata.normalize("NFC", twin):
        how = f"another Unicode form ({_form_name(name)}; the config's is {_form_name(twin)})"
    else:
        how = "a compatibility form (full-width letters, ligatures, superscripts... that NFKC folds)"
    return (f" (the config's {twin!r} in {how}: Label Studio compares names as they are, so it is exported as it "
            "is; fix the annotations or the config to make them one)")


def _form_name(name: str) -> str:
    # A name of no combining character is both forms: only a name NFC and NFD tell apart reaches here.
    return "NFC" if unicodedata.is_normalized("NFC", name) else "NFD" if unicodedata.is_normalized(
        "NFD", name) else "neither NFC nor NFD"
