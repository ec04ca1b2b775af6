"""Segmentation and the built-in source loaders."""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

import pytest

from plugins.loaders import CsvLoader, HtmlLoader, JsonLoader, PlainTextLoader
from server.analysis import AnalyzedText
from server.app import get_state
from server.segmentation import segment, split_paragraphs, split_sentences
from server.sources import Document, LeftOut, LoaderError, find_source_files
from tests.conftest import FIXTURES

SEED = FIXTURES / "seed" / "000_3734a0b2899233d0.txt"


def texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_portuguese_abbreviations_never_end_a_sentence() -> None:
    text = "A Dra. Ana Lima visitou a Acme Ltda. Em 3 de jan. Ela voltou. O Sr. Reis e a Profa. Rita ficaram."
    assert texts(text, split_sentences(text, "pt")) == [
        "A Dra. Ana Lima visitou a Acme Ltda. Em 3 de jan. Ela voltou.",
        "O Sr. Reis e a Profa. Rita ficaram.",
    ]


def test_a_line_break_always_ends_a_sentence() -> None:
    text = "Primeira linha sem ponto\nSegunda linha da Dra.\nTerceira!  Quarta? Quinta…"
    assert texts(text, split_sentences(text, "pt")) == [
        "Primeira linha sem ponto", "Segunda linha da Dra.", "Terceira!", "Quarta?", "Quinta…",
    ]


def test_english_abbreviations_initials_and_quotes() -> None:
    text = 'Mr. Smith met J. Doe at 5 p.m. "Why?" he asked. Acme Inc. said e.g. nothing. The end.'
    assert texts(text, split_sentences(text, "en")) == [
        'Mr. Smith met J. Doe at 5 p.m. "Why?" he asked.',
        "Acme Inc. said e.g. nothing.",
        "The end.",
    ]


def test_abbreviations_that_are_also_words_end_a_sentence_unless_a_number_follows() -> None:
    text = "The answer was no. The cat sat. It slept. See No. 5 and room no. 12, est. 1990. Open Sat. and Sun. Acme Co. Ltd."
    assert texts(text, split_sentences(text, "en")) == [
        "The answer was no.", "The cat sat.", "It slept.", "See No. 5 and room no. 12, est. 1990.",
        "Open Sat. and Sun. Acme Co. Ltd.",
    ]


def test_sentences_are_slices_of_the_text() -> None:
    text = SEED.read_text(encoding="utf-8")
    spans = split_sentences(text, "pt")
    assert len(spans) > 12
    for start, end in spans:
        assert text[start:end] == text[start:end].strip() != ""
        assert "\n" not in text[start:end]
    # "Deepseek -V3.2" and the fraction 1/10 stay inside their sentences.
    assert any("Deepseek -V3.2 menciona" in sentence for sentence in texts(text, spans))


def test_analyzed_text_uses_the_language_aware_splitter() -> None:
    analysed = AnalyzedText("A Dra. Ana chegou. Depois saiu.", language_hint="pt")
    assert texts(analysed.text, analysed.sentences) == ["A Dra. Ana chegou.", "Depois saiu."]


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"], ids=["CR", "CRLF", "LF"])
def test_a_lone_carriage_return_ends_a_line_as_a_newline_does(newline: str) -> None:
    # Classic Mac OS text and some spreadsheet exports end lines with '\r' alone: it
    # had run both paragraphs into one task.
    text = newline.join(["Primeiro parágrafo sobre o Brasil.", "", "Segundo. Ele tem duas frases.", "Título"])
    assert texts(text, segment(text, "paragraph")) == [
        "Primeiro parágrafo sobre o Brasil.", "Segundo. Ele tem duas frases.", "Título"]
    sentences = ["Primeiro parágrafo sobre o Brasil.", "Segundo.", "Ele tem duas frases.", "Título"]
    assert texts(text, segment(text, "sentence")) == sentences
    assert texts(text, split_sentences(text)) == sentences  # as /predict's annotators split a task


def test_paragraphs_are_lines_or_hard_wrapped_blocks_without_markdown_markers() -> None:
    wrapped = (
        "This paragraph was wrapped by an old mail client at a fixed width, which\n"
        "breaks lines in the middle of sentences and even in the middle of a\n"
        "thought.\n\n"
        "A short line.\n"
        "- first item of a list that is long enough to look like wrapped text\n"
        "- second item of a list that is long enough to look like wrapped text\n"
    )
    assert texts(wrapped, split_paragraphs(wrapped)) == [
        wrapped[: wrapped.index("\n\n")],
        "A short line.",
        "first item of a list that is long enough to look like wrapped text",
        "second item of a list that is long enough to look like wrapped text",
    ]
    markdown = "## Título\n> Uma citação.\n-5 graus e #hashtag\n1. Primeiro item.\n2) Segundo item.\n2025. O ano.\n"
    assert texts(markdown, split_paragraphs(markdown)) == [
        "Título", "Uma citação.", "-5 graus e #hashtag", "Primeiro item.", "Segundo item.", "2025. O ano.",
    ]
    seed = SEED.read_text(encoding="utf-8")
    assert texts(seed, split_paragraphs(seed)) == [line for line in seed.split("\n") if line.strip()]


def test_segment_by_unit() -> None:
    text = "  Um. Dois.\nTrês.  \n"
    assert texts(text, segment(text, "document")) == ["Um. Dois.\nTrês."]
    assert texts(text, segment(text, "paragraph")) == ["Um. Dois.", "Três."]
    assert texts(text, segment(text, "sentence", "pt")) == ["Um.", "Dois.", "Três."]
    with pytest.raises(ValueError, match="unknown task unit"):
        segment(text, "chapter")


def test_a_fenced_code_block_is_one_segment_its_fences_their_own() -> None:
    # Line by line, "count = await redis.incr(key)" passed for prose and "if count == 1:" for a label.
    text = ("Use o Redis:\n\n```python\ncount = await redis.incr(key)\nif count == 1:\n    await redis.expire(key, 60)\n"
            "```\n\nO comando é atômico. A chave expira.\n\n~~~~\n# not a heading\n~~~\nstill code\n")
    code = "count = await redis.incr(key)\nif count == 1:\n    await redis.expire(key, 60)"
    # A "~~~" shorter than its opening "~~~~" closes nothing: the block runs to the end.
    assert texts(text, segment(text, "paragraph")) == [
        "Use o Redis:", "```python", code, "```", "O comando é atômico. A chave expira.", "~~~~",
        "# not a heading\n~~~\nstill code"]
    assert texts(text, segment(text, "sentence", "pt")) == [
        "Use o Redis:", "```python", code, "```", "O comando é atômico.", "A chave expira.", "~~~~",
        "# not a heading\n~~~\nstill code"]
    assert texts("```\n```\nFim.", segment("```\n```\nFim.", "paragraph")) == ["```", "```", "Fim."]


def test_text_and_markdown_are_loaded_as_they_are(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes("\ufeff# Título\r\nLinha um.\r\n".encode())
    [document] = PlainTextLoader().load(path, "notes.md")
    assert document.text == "# Título\r\nLinha um.\r\n"
    assert document.source == "notes.md"


def test_json_lines_of_label_studio_tasks_and_json_objects(tmp_path: Path) -> None:
    lines = tmp_path / "tasks.jsonl"
    lines.write_text(
        json.dumps({"data": {"text": "Primeiro texto.", "url": "https://example.org/1"}}) + "\n\n"
        + json.dumps({"data": {"text": "   "}}) + "\n"
        + json.dumps({"text": "Segundo texto."}) + "\n"
        + json.dumps({"title": "sem texto"}) + "\n" + json.dumps({"text": 3}) + "\n" + json.dumps(["texto"]) + "\n",
        encoding="utf-8",
    )
    loaded = list(JsonLoader().load(lines, "tasks.jsonl"))
    assert [(d.source, d.text, d.data) for d in loaded if isinstance(d, Document)] == [
        ("tasks.jsonl#1", "Primeiro texto.", {"url": "https://example.org/1"}),
        ("tasks.jsonl#4", "Segundo texto.", {}),
    ]
    # Records without a text are reported, by their line (counted from 1, blank lines too) and reason, not dropped.
    assert [item for item in loaded if not isinstance(item, Document)] == [
        LeftOut("3", "its 'text' field is empty"), LeftOut("5", "no 'text' field"),
        LeftOut("6", "its 'text' field is not text but int"), LeftOut("7", "a JSON list, not an object"),
    ]
    listing = tmp_path / "tasks.json"
    listing.write_text(json.dumps([{"body": "Corpo."}]), encoding="utf-8")
    assert [d.text for d in JsonLoader("body").load(listing, "tasks.json")] == ["Corpo."]
    with pytest.raises(LoaderError, match="no record has a non-empty 'text'"):
        list(JsonLoader().load(listing, "tasks.json"))
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "ok"}\n{"text": \n', encoding="utf-8")
    with pytest.raises(LoaderError, match="invalid JSON on line 2"):
        list(JsonLoader().load(broken, "broken.jsonl"))


def test_a_json_lines_file_cut_off_mid_line_loses_that_line_only(tmp_path: Path) -> None:
    # Before: "invalid JSON on line 4", and the three whole records were not loaded either.
    cut = tmp_path / "posts.jsonl"
    cut.write_text('{"text": "Um."}\n{"text": "Dois."}\n\n{"text": "Três."}\n{"text": "Quat', encoding="utf-8")
    loaded = list(JsonLoader().load(cut, "posts.jsonl"))
    assert loaded == [Document("posts.jsonl#1", "Um."), Document("posts.jsonl#2", "Dois."),
                      Document("posts.jsonl#4", "Três."),
                      LeftOut("5", "invalid JSON: Unterminated string starting at column 10")]
    # As many lines that are not JSON as lines that are: not JSON lines; the first error stands.
    half = tmp_path / "half.jsonl"
    half.write_text('{"text": "Um."}\nUm texto qualquer.\n', encoding="utf-8")
    with pytest.raises(LoaderError, match="^invalid JSON on line 2: Expecting value$"):
        list(JsonLoader().load(half, "half.jsonl"))


def test_csv_reads_the_named_column(tmp_path: Path) -> None:
    path = tmp_path / "reviews.csv"
    path.write_text('id,review\n1,"Ótimo produto, chegou cedo."\n2,\n3,"Linha um\nlinha dois"\n', encoding="utf-8")
    assert [
        (d.source, d.text) if isinstance(d, Document) else d for d in CsvLoader("review").load(path, "reviews.csv")
    ] == [
        ("reviews.csv#2", "Ótimo produto, chegou cedo."),
        LeftOut("3", "its 'review' column is empty"),
        ("reviews.csv#4", "Linha um\nlinha dois"),
    ]
    with pytest.raises(LoaderError, match="no column named 'text'"):
        list(CsvLoader().load(path, "reviews.csv"))


@pytest.mark.parametrize(("header", "rows"), [
    # Excel saving "CSV" in a Portuguese locale: ';' between fields, ',' inside numbers.
    ("id;texto;nota", ['1;"A Petrobras lucrou R$ 35,5 bilhões; segundo a empresa.";4,5', "2;Juros em 12,25%.;3"]),
    ("id\ttexto", ['1\t"A Petrobras lucrou R$ 35,5 bilhões; segundo a empresa."', "2\tJuros em 12,25%."]),
    ("id|Texto |nota", ['1|"A Petrobras lucrou R$ 35,5 bilhões; segundo a empresa."|4', "2|Juros em 12,25%.|3"]),
])
def test_csv_finds_its_separator_and_the_text_column_in_any_case(tmp_path: Path, header: str, rows: list[str]) -> None:
    path = tmp_path / "planilha.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    assert [d.text for d in CsvLoader("texto").load(path, "planilha.csv")] == [
        "A Petrobras lucrou R$ 35,5 bilhões; segundo a empresa.", "Juros em 12,25%."]


@pytest.mark.parametrize(("header", "error"), [
    # Two columns that differ only in case: neither is guessed.
    ("id,Texto,TEXTO", "no column named 'texto' (columns: id, Texto, TEXTO; "
     "ANOTA_SOURCE_TEXT_FIELD names the one to read)"),
    # No separator names it: the columns of the one that splits the header most.
    ("id;titulo;corpo", "no column named 'texto' (columns: id, titulo, corpo; "
     "ANOTA_SOURCE_TEXT_FIELD names the one to read)"),
])
def test_csv_without_one_text_column_names_the_columns_it_has(tmp_path: Path, header: str, error: str) -> None:
    path = tmp_path / "planilha.csv"
    path.write_text(f"{header}\n1,a,b\n", encoding="utf-8")
    with pytest.raises(LoaderError) as raised:
        list(CsvLoader("texto").load(path, "planilha.csv"))
    assert str(raised.value) == error


def test_a_comma_separated_header_wins_over_a_semicolon_inside_a_column_name(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text('text,"notes; extra"\n"First; then second",x\n', encoding="utf-8")
    assert [d.text for d in CsvLoader().load(path, "notes.csv")] == ["First; then second"]


def test_html_gives_the_main_text_without_page_chrome() -> None:
    [document] = HtmlLoader().load(FIXTURES / "corpus" / "weekly_digest.html", "weekly_digest.html")
    assert "Parents in the valley told us" in document.content
    assert "about 12 thousand residents" in document.content
    for chrome in ("Log in", "Subscribe", "Cookie settings", "All rights reserved"):
        assert chrome not in document.content


OLD_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}"></head>
<body><article><h1>Câmara aprova orçamento</h1><p>A Câmara Municipal aprovou nesta terça-feira o orçamento da
saúde, segundo o presidente da casa, que falou em votação histórica.</p></article></body></html>"""


@pytest.mark.parametrize(("declared", "encoding"), [("windows-1252", "cp1252"), ("ISO-8859-1", "latin-1")])
def test_a_page_in_the_charset_it_declares_is_read(tmp_path: Path, declared: str, encoding: str) -> None:
    path = tmp_path / "old.html"
    path.write_bytes(OLD_PAGE.format(charset=declared).encode(encoding))
    [document] = HtmlLoader().load(path, "old.html")
    assert "# Câmara aprova orçamento" in document.content and "terça-feira" in document.content


HEADED_ARTICLE = """<html><head><title>Câmara aprova plano de mobilidade | Jornal do Porto</title></head><body>
<header class="site">{site_header}<nav><a href="/">Início</a> <a href="/politica">Política</a></nav></header>
<{content}>{article_header}
<p>A Câmara Municipal aprovou nesta terça-feira o plano de mobilidade, que prevê 40 quilómetros de ciclovias até 2028
e a reorganização de 12 linhas de autocarro.</p>
<p>Segundo o vereador da mobilidade, o investimento total será de 35 milhões de euros, financiados em parte por fundos
europeus.</p></{content}><footer>© 2026 Jornal do Porto</footer></body></html>"""


@pytest.mark.parametrize("content", ["article", "main"])
def test_a_title_in_the_articles_header_opens_the_text(tmp_path: Path, content: str) -> None:
    # trafilatura leaves out every <header>, and with it the title that WordPress and news sites put there.
    path = tmp_path / "news.html"
    path.write_text(HEADED_ARTICLE.format(
        content=content, site_header="",
        article_header="<header><h1>Câmara aprova plano de mobilidade</h1><p>Por Ana Lima</p></header>"))
    [document] = HtmlLoader().load(path, "news.html")
    assert document.content.startswith("# Câmara aprova plano de mobilidade\nA Câmara Municipal aprovou")


def test_the_sites_name_in_the_sites_header_stays_out(tmp_path: Path) -> None:
    path = tmp_path / "news.html"
    path.write_text(HEADED_ARTICLE.format(
        content="article", site_header='<h1 class="site-title"><a href="/">Jornal do Porto</a></h1>',
        article_header="<h2>Câmara aprova plano de mobilidade</h2>"))
    [document] = HtmlLoader().load(path, "news.html")
    assert document.content.startswith("## Câmara aprova plano de mobilidade\nA Câmara Municipal aprovou")
    assert "Jornal do Porto" not in document.content


@pytest.mark.parametrize(("page", "reason"), [
    (OLD_PAGE.replace('<meta http-equiv="Content-Type" content="text/html; charset={charset}">', ""),
     "not UTF-8: undecodable byte 0xE2 ('â' in Latin-1 or windows-1252) at offset {offset} (line 2)"),  # not guessed
    (OLD_PAGE.format(charset="klingon-8"),
     "not UTF-8: undecodable byte 0xE2 ('â' in Latin-1 or windows-1252) at offset {offset} (line 2), "
     "and the page declares an unknown charset 'klingon-8'"),
])
def test_a_page_in_another_charset_is_refused_unless_it_declares_a_known_one(
        tmp_path: Path, page: str, reason: str) -> None:
    path = tmp_path / "old.html"
    path.write_bytes(page.encode("cp1252"))
    with pytest.raises(LoaderError) as error:
        list(HtmlLoader().load(path, "old.html"))
    assert str(error.value) == reason.format(offset=page.index("â"))  # its first byte that is not ASCII


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b" \n\t\n", "empty"),
     (b"caf\xe9 com leite", "not UTF-8: undecodable byte 0xE9 ('é' in Latin-1 or windows-1252) at offset 3 (line 1)"),
     (gzip.compress(b"texto", mtime=0), "not UTF-8: a gzip file: decompress it first"),
     # Marked UTF-16 cut in the middle of a character, or ending in half a surrogate pair.
     ("texto".encode("utf-16")[:-1], "UTF-16 text (byte-order mark FF FE) that does not decode: truncated data at byte 10"),
     (b"\xfe\xff" + "texto".encode("utf-16-be") + b"\xd8\x00",
      "UTF-16 text (byte-order mark FE FF) that does not decode: unexpected end of data at byte 12"),
     # Without a mark, ASCII in UTF-16 is valid UTF-8 holding NULs: nothing says its byte order.
     ("texto".encode("utf-16-le"), "not text: UTF-16 or UTF-32 text without a byte-order mark: save it as UTF-8"),
     (b"\x00\x01\x02binary", "not text: NUL character at offset 0")],
)
def test_unloadable_files_say_why(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(LoaderError) as error:
        list(PlainTextLoader().load(path, "bad.txt"))
    assert str(error.value) == reason


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("loader", [PlainTextLoader(), CsvLoader()], ids=["text", "csv"])
def test_text_saved_as_unicode_by_windows_tools_loads_by_its_byte_order_mark(
        tmp_path: Path, encoding: str, loader: PlainTextLoader | CsvLoader) -> None:
    # Notepad's and Excel's "Unicode" text is UTF-16 LE with its mark; the mark names the
    # encoding, so nothing is guessed, and it is not part of the text.
    text = "text\nA Dra. Ana viu 12% a mais em São Paulo 😀\n"
    marked = text.encode(encoding)
    if not encoding.endswith(("16", "32")):
        marked = "\ufeff".encode(encoding) + marked
    path = tmp_path / f"unicode{''.join(loader.suffixes[:1])}"
    path.write_bytes(marked)
    [document] = loader.load(path, path.name)
    assert document.text == (text if isinstance(loader, PlainTextLoader) else text.splitlines()[1])


def test_a_json_text_holding_a_nul_escape_is_refused_with_its_record(tmp_path: Path) -> None:
    path = tmp_path / "tasks.jsonl"
    path.write_text('{"text": "fine"}\n{"data": {"text": "bad\\u0000text"}}\n', encoding="utf-8")
    with pytest.raises(LoaderError) as error:
        list(JsonLoader().load(path, "tasks.jsonl"))
    assert str(error.value) == "tasks.jsonl#2: its 'text' field holds a NUL character"


def test_folders_are_expanded_in_order_and_skips_are_reported(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "b").mkdir(parents=True)
    for name in ("b/2.txt", "a.md", "README.md", ".hidden.txt", "image.png"):
        (corpus / name).write_text("x", encoding="utf-8")
    loaders = [PlainTextLoader()]
    files, skipped = find_source_files([str(corpus), str(tmp_path / "missing")], loaders)
    assert [f.name for f in files] == ["corpus/a.md", "corpus/b/2.txt"]
    assert {Path(s.path).name: s.reason for s in skipped} == {
        ".hidden.txt": "hidden file",
        "README.md": "folder documentation, not a source",
        "image.png": "no loader for .png",
        "missing": "does not exist",
    }


def test_a_link_that_loops_is_reported_and_costs_no_other_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "loop").symlink_to(corpus / "loop")  # stat()ing it fails: ELOOP
    for name in ("a.txt", "m.txt", "z.txt"):  # before and after the link, in any listing order
        (corpus / name).write_text("x", encoding="utf-8")
    files, skipped = find_source_files([str(corpus)], [PlainTextLoader()])
    assert [f.name for f in files] == ["corpus/a.txt", "corpus/m.txt", "corpus/z.txt"]
    assert [(Path(s.path).name, s.reason) for s in skipped] == [
        ("loop", "cannot be read (Too many levels of symbolic links)")]


@pytest.mark.parametrize("left_out", [[], [("Ver original", 0, "a button")]])
def test_a_document_with_left_out_parts_may_choose_its_unit(left_out):
    # Before, with_left_out took no unit: a loader that leaves parts out had to rebuild the Document (s52-userpass2)
    document = Document.with_left_out("cue.srt", "Olá.\nTudo bem?", left_out, unit="document")
    assert document.unit == "document" and document.content == "Olá.\nTudo bem?"
    assert Document.with_left_out("cue.srt", "Olá.", left_out).unit is None


def test_a_folder_given_as_dot_or_dot_dot_names_its_files_by_the_folder_it_stands_for(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `anota tasks .` named them "/post.txt": Path(".").name is empty (s52-userpass2's walk)
    corpus = tmp_path / "corpus"
    (corpus / "inner").mkdir(parents=True)
    (corpus / "post.txt").write_text("x", encoding="utf-8")
    monkeypatch.chdir(corpus / "inner")
    files, _ = find_source_files([".."], [PlainTextLoader()])
    assert [f.name for f in files] == ["corpus/post.txt"]
    monkeypatch.chdir(corpus)
    files, _ = find_source_files(["."], [PlainTextLoader()])
    assert [f.name for f in files] == ["corpus/post.txt"]


def test_a_folder_that_cannot_be_read_is_reported_and_the_others_load() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus"
        (corpus / "closed").mkdir(parents=True)
        (corpus / "open.txt").write_text("x", encoding="utf-8")
        (corpus / "closed" / "inside.txt").write_text("x", encoding="utf-8")
        os.chmod(scratch, 0o755)
        os.chmod(corpus / "closed", 0o000)
        try:
            found = walked_without_root(corpus)
        finally:
            os.chmod(corpus / "closed", 0o755)
    assert found == [["corpus/open.txt"], [[f"{corpus}/closed", "folder cannot be read (Permission denied)"]]]


def walked_without_root(corpus: Path) -> list[list]:
    """find_source_files's files and skips, as a user who is not root: root reads
    any folder, so a root process forks one that becomes nobody (uid 65534)."""
    if os.geteuid() != 0:
        files, skipped = find_source_files([str(corpus)], [PlainTextLoader()])
        return [[f.name for f in files], [[s.path, s.reason] for s in skipped]]
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(reading)
        try:
            os.setuid(65534)
            os.write(writing, json.dumps(walked_without_root(corpus)).encode())
        finally:
            os._exit(0)
    os.close(writing)
    with os.fdopen(reading, "rb") as answer:
        found = answer.read()
    os.waitpid(child, 0)
    return json.loads(found)


def test_loaders_are_registered_through_the_entry_point(make_app) -> None:
    state = get_state(make_app(PRELOAD=False))
    assert {(plugin, loader.name) for plugin, loader in state.loaders} >= {
        ("loaders", "text"), ("loaders", "json"), ("loaders", "csv"), ("loaders", "html"),
    }


def test_addresses_departments_and_citations_do_not_end_a_sentence() -> None:
    text = "Ele mora na Av. Paulista, nº 1000, apto. 52. O depto. de Física e Silva et al. (2020) concordam. Fim."
    assert texts(text, split_sentences(text, "pt")) == [
        "Ele mora na Av. Paulista, nº 1000, apto. 52.", "O depto. de Física e Silva et al. (2020) concordam.", "Fim."]
    text = "Smith et al. Found it in Apt. 4. I met Al. He was fine."
    assert texts(text, split_sentences(text, "en")) == ["Smith et al. Found it in Apt. 4.", "I met Al.", "He was fine."]
