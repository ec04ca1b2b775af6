"""Cleaning of session 49, round 2 (s49-cleaning2).

A short sentence (15 words or fewer) found in 3 or more documents was page template in every copy, so a story
syndicated to several sites lost its short paragraphs (s49-userpass: one sentence in 13 documents, 0 tasks) while its
long paragraphs were kept once with their copy count. A short sentence whose copies sit, in every document after the
first, beside a copy of the long paragraph it sat beside the first time is the story's own paragraph: kept once with its
copies. A template line (a tagline, a notice) sits beside each page's own text, new every time, and stays out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from flask import Flask

from tests.test_cleaning_probe17 import exclusion_reasons
from tests.test_preload import app_of_pages, label_studio_tasks

AppFactory = Callable[..., Flask]

# A wire story (new sentences written for this file): long paragraphs with short ones between and at the end.
STORY = [
    "A câmara de Viseu aprovou ontem um plano para plantar quatro mil árvores ao longo das margens do rio Pavia até ao "
    "fim de 2028, num investimento de dois milhões de euros financiado por fundos europeus.",
    "A oposição votou contra.",
    "O vereador do ambiente explicou que as espécies escolhidas são autóctones e precisam de pouca rega, e que as "
    "primeiras plantações começam em fevereiro junto à ponte de Santiago, com a ajuda de escolas da cidade.",
    "Os moradores serão chamados a ajudar nas plantações de fim de semana.",
]
# Each site's own opening and its template lines, around the same story.
SITES = [
    ("Diário do Dão", "Leia também: as notícias da região.", "O Diário do Dão é um jornal independente."),
    ("Beira Hoje", "Leia também: as notícias da região.", "A Beira Hoje é publicada desde 1998 em Viseu."),
    ("Notícias de Lafões", "Leia também: as notícias da região.", "Todos os direitos reservados à Lafões Media."),
    ("Jornal do Centro", "Leia também: as notícias da região.", "Assinaturas e publicidade: ligue para a redação."),
]
# A site's sign-off that reads as a sentence and has no chrome cue.
SIGN_OFF = "Boas leituras e até à próxima semana."
# The same template line and sentence under each site's OWN story (no copied neighbours): page template.
OWN_STORIES = [
    "O mercado municipal de Tondela reabre na segunda-feira depois de seis meses de obras que custaram mais de "
    "oitocentos mil euros e trouxeram bancas novas, uma cobertura e lugares de estacionamento.",
    "A feira do livro de Mangualde recebe este ano quarenta editoras e uma dúzia de autores da região, com sessões de "
    "leitura para as escolas todas as manhãs e concertos ao fim da tarde no jardim municipal.",
    "As obras na estrada nacional entre Nelas e Canas de Senhorim obrigam a cortes de trânsito alternados durante as "
    "próximas três semanas, das nove da manhã às seis da tarde, segundo a Infraestruturas de Portugal.",
]


def syndicated_pages() -> dict[str, str]:
    return {
        f"{number:02d}_{name.split()[0].lower()}.txt": "\n\n".join([name, *STORY, read_also, about]) + "\n"
        for number, (name, read_also, about) in enumerate(SITES)
    }


def tasks_by_text(app: Flask) -> dict[str, dict]:
    return {task["data"]["text"]: task for task in label_studio_tasks(app)}


def test_a_syndicated_storys_short_paragraphs_are_kept_once_with_their_copies(make_app: AppFactory,
                                                                              tmp_path: Path) -> None:
    tasks = tasks_by_text(app_of_pages(make_app, tmp_path / "pages", syndicated_pages()))
    for paragraph in STORY:
        assert tasks[paragraph]["meta"]["copies"] == len(SITES), paragraph


def test_a_template_line_beside_a_copied_story_stays_out(make_app: AppFactory, tmp_path: Path) -> None:
    # The site's sign-off under the copied story's last long paragraph in three pages, and under the site's own story
    # in a fourth: beside the copied paragraph in 2 of the 3 documents after its first, so template.
    pages = {f"{number}_copy.txt": "\n\n".join([name, *STORY[:3], SIGN_OFF]) + "\n"
             for number, (name, _read_also, _about) in enumerate(SITES[:3])}
    pages["3_own.txt"] = f"{OWN_STORIES[0]}\n\n{SIGN_OFF}\n"
    app = app_of_pages(make_app, tmp_path / "pages", pages)
    texts = set(tasks_by_text(app))
    assert set(STORY[:3]) <= texts and SIGN_OFF not in texts
    assert exclusion_reasons(app)[SIGN_OFF] == "repeated in 4 documents: page template"


def test_a_short_sentence_beside_each_pages_own_text_stays_template(make_app: AppFactory, tmp_path: Path) -> None:
    pages = {f"{number}_local.txt": f"{story}\n\nA oposição votou contra.\n\n{SIGN_OFF}\n"
             for number, story in enumerate(OWN_STORIES)}
    app = app_of_pages(make_app, tmp_path / "pages", pages)
    texts = set(tasks_by_text(app))
    assert set(OWN_STORIES) <= texts
    assert "A oposição votou contra." not in texts and SIGN_OFF not in texts
