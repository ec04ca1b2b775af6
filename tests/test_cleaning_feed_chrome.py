"""Feed chrome that session 15's blind seed-shaped probe found kept (eight posts scraped like the seed, scored once:
11 of 91 chrome lines kept), as general cues: a feed's header over a post it passes on, a platform's buttons and
walls, counters of subscribers and likes, a list of more posts, a follow prompt in European Portuguese. The texts
below are written for these tests, not the probe's."""

from __future__ import annotations

import pytest

from server.boilerplate import Position
from tests.test_preload import assert_kept, assert_left_out, assert_screen_passes

CHROME = [
    # A feed's line over a post it passes on: who shared or reposted it, a messenger's forward label.
    ("Clube de Leitura do Bairro partilhou uma publicação.", "feed header"),
    ("Câmara Municipal de Braga compartilhou um vídeo", "feed header"),
    ("Reposted by Open Data Weekly", "feed header"),
    ("Boosted by Lisbon Tech Meetup", "feed header"),
    ("Encaminhada com frequência", "feed header"),
    ("Forwarded many times", "feed header"),
    # A platform's buttons under a post, an image's control, a wall to the rest of a thread.
    ("Repost", "button or link label"),
    ("Restacks", "button or link label"),
    ("Activate to view larger image,", "button or link label"),
    ("Clique para ampliar a imagem", "button or link label"),
    ("Log in to see more replies", "button or link label"),
    ("Entre para ver mais comentários", "button or link label"),
    # Counters of a newsletter's subscribers and of a post's likes.
    ("Over 12,500 subscribers", "engagement count"),
    ("Mais de 3 mil inscritos", "engagement count"),
    ("Curtido por joana.rp e outras 415 pessoas", "engagement count"),
    ("Liked by tomasz_k and 87 others", "engagement count"),
    # A list of more posts from a profile or a publication.
    ("Mais publicações de receitas.da.avo", "read-also prompt"),
    ("More posts from cityhall.gov", "read-also prompt"),
    ("Discover more from The Quiet Ledger", "read-also prompt"),
    # A follow prompt in European Portuguese, with its promise.
    ("Segue a página para não perderes nenhuma novidade!", "share prompt"),
    ("Siga o perfil para não perder nenhum episódio.", "share prompt"),
]


@pytest.mark.parametrize(("text", "kind"), CHROME)
def test_feed_chrome_is_recognised(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind)


@pytest.mark.parametrize(
    "text",
    [
        # The same words inside a story's sentences.
        "O ministro partilhou uma publicação antiga do partido e apagou-a duas horas depois, segundo o jornal.",
        "Lula compartilhou um vídeo da enchente em Porto Alegre e pediu doações aos seguidores.",
        "The mayor reposted by mistake a photo that showed the new bridge before it opened.",
        "Boosted by strong exports, the economy grew 3.1% in the third quarter.",
        "The newsletter passed 12,500 subscribers in March, two years after its first issue.",
        "O canal chegou a 3 mil inscritos em uma semana.",
        "Segue a regra da casa: quem chega primeiro escolhe a mesa.",
        "Chegámos cedo para não perder nenhuma parte do concerto.",
        "Activate the account before Friday to keep the discount.",
    ],
)
def test_feed_words_in_sentences_stay(text: str) -> None:
    assert_kept(text)


def test_the_chrome_screen_passes_feed_chrome() -> None:
    texts = [text for text, _kind in CHROME]
    for position in (Position(15, 30), Position(1, 30), Position(29, 30)):
        assert_screen_passes(texts, position)
