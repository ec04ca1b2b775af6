"""The chrome decisions a batch keeps by text and place are the ones each line's own position calls for: a place and
date is a letterhead's among a page's first LETTERHEAD_SEGMENTS lines only, and an author note is one in the page's
lower half only, so the same line higher or lower in another page of the batch is decided again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.tasks import label_studio_tasks
from tests.test_preload import app_of_pages

AppFactory = Callable[..., Flask]

STORY = [
    "A junta de freguesia recebeu esta semana dezenas de queixas sobre a recolha do lixo no bairro.",
    "Os moradores dizem que os contentores ficam cheios ao fim de um dia e que as ruas cheiram mal.",
    "O presidente da junta prometeu rever o contrato com a empresa de recolha até ao fim do mês.",
    "A empresa diz que lhe faltam camiões e motoristas desde o inverno passado.",
    "Os comerciantes da rua principal juntaram-se aos moradores e pediram uma reunião pública.",
    "A reunião ficou marcada para a próxima quinta-feira, às sete da tarde, no salão paroquial.",
    "Até lá, a junta vai pôr mais contentores nas ruas onde as queixas são mais frequentes.",
    "Muitos moradores dizem que já ouviram promessas assim antes e que desta vez querem prazos.",
]
# The second page of each pair tells another story: a line of one page copied in another goes with the first.
OTHER_STORY = [
    "O mercado municipal reabriu no sábado depois de dois anos de obras no telhado e nas bancas.",
    "Os vendedores de peixe voltaram ao piso de baixo, onde há agora água corrente em todas as bancas.",
    "A câmara gastou quase três milhões de euros na obra, mais do que o previsto no concurso.",
    "O atraso deveu-se a um problema nas fundações descoberto no primeiro mês de trabalhos.",
    "Na manhã da reabertura havia filas à porta antes das oito horas.",
    "Alguns vendedores queixam-se de que as rendas das bancas subiram com a obra.",
    "A câmara diz que as rendas ficam congeladas durante o primeiro ano.",
    "O mercado abre de terça a sábado, das sete da manhã às duas da tarde.",
]
PLACE_AND_DATE = "Lisboa, 10 de março de 2025"
AUTHOR_NOTE = "Priya Shah covers housing and the courts for the Northern Ledger."


def _page(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


# A letter whose place and date closes its letterhead (its fifth line), and a page whose place and date stands in its
# lower half, between paragraphs: the letterhead's rule does not reach so far down.
LETTER = _page(["Associação de Moradores de Alfama", "Rua dos Remédios, 12 · 1100-441 Lisboa",
                "Exmo. Senhor Presidente da Junta de Freguesia", "Rua da Madalena, 155", PLACE_AND_DATE, *STORY])
MINUTES = _page([*OTHER_STORY[:5], "A ata foi aprovada por unanimidade.", PLACE_AND_DATE, *OTHER_STORY[5:]])
# A reporter's beat under a story, over the comments, and the same sentence in a story's upper half, where it is the
# story's.
COLUMN = _page([*STORY, AUTHOR_NOTE, "Já era tempo de alguém escrever sobre isto.", "Na minha rua é igual há meses.",
                "A empresa devia pagar uma multa por cada dia sem recolha.", "Obrigado pelo artigo."])
PROFILE = _page([*OTHER_STORY[:3], AUTHOR_NOTE, *OTHER_STORY[3:]])


def _kept(make_app: AppFactory, folder: Path, pages: dict[str, str], source: str) -> list[str]:
    """The texts kept of ``source`` when ``pages`` are preloaded together."""
    app = app_of_pages(make_app, folder, pages)
    return [task["data"]["text"] for task in label_studio_tasks(app) if task["meta"]["source"].endswith(source)]


@pytest.mark.parametrize(("first", "second"), [(LETTER, MINUTES), (COLUMN, PROFILE)],
                         ids=["place and date", "author note"])
def test_a_line_decided_at_one_position_is_decided_again_at_another(
        make_app: AppFactory, tmp_path: Path, first: str, second: str) -> None:
    alone = _kept(make_app, tmp_path / "alone", {"b.txt": second}, "b.txt")
    together = _kept(make_app, tmp_path / "together", {"a.txt": first, "b.txt": second}, "b.txt")
    # The first page leaves the line out (so the second page's copy is no duplicate of a task), at another place.
    assert together == alone
    assert PLACE_AND_DATE in alone or AUTHOR_NOTE in alone
