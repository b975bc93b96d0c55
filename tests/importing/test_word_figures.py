"""
A Word file's pictures, with their Caption paragraphs, become figures of the imported
draft: a "![1]" paragraph where each picture stood, and a `Figure` with its image and its
caption in the article's language. A picture the site cannot show is left out, and the
report says so.
"""

import datetime
import io
import json
from pathlib import Path

import docx
import pytest
from django.utils import timezone
from django.utils.translation import override
from docx.shared import Cm
from PIL import Image

from articles import importing
from articles.models import Article
from tests.helpers import html
from tests.importing.helpers import docx_bytes
from tests.importing.test_command import run
from tests.importing.test_corpus import EXPECTED, build_docx

# The corpus inputs with pictures (all of them Word files), and how many each has.
FIGURES = {
    name: count
    for name, path in sorted(EXPECTED.items())
    if (count := json.loads(path.read_text(encoding="utf-8"))["figures"])
}


@pytest.fixture(autouse=True)
def _own_media(media_root):
    """Imported pictures are uploads: each test writes them to its own media folder."""
    return media_root


def png(width=600, height=300):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#1f4e79").save(buffer, "PNG")
    return buffer.getvalue()


def analysis_with_pictures(*, unreadable=False, caption_first=False):
    """A short Word analysis with two pictures: one captioned, one without a caption."""
    document = docx.Document()
    document.add_heading("Oil Exports under Pressure", level=0)
    document.add_paragraph("The lead paragraph sets out the argument.")
    document.add_heading("The Numbers", level=1)
    document.add_paragraph("Exports fell for a third year.")
    caption = "Figure 1. Crude exports by year, 2019–2023 (million barrels a day)."
    if caption_first:
        document.add_paragraph(caption, style="Caption")
    document.add_picture(io.BytesIO(png()), width=Cm(12))
    if unreadable:
        blip = document.paragraphs[-1]._p.xpath(".//a:blip")[0]
        part = document.part.related_parts[blip.get(f"{{{blip.nsmap['r']}}}embed")]
        part._blob = b"\x89PNG\r\n\x1a\n but not a picture at all"
    if not caption_first:
        document.add_paragraph(caption, style="Caption")
    document.add_paragraph("Prices did not recover either.")
    document.add_picture(io.BytesIO(png(400, 400)), width=Cm(8))
    document.add_paragraph("The closing paragraph.")
    return docx_bytes(document)


@pytest.mark.parametrize("caption_first", [False, True], ids=["caption after", "caption before"])
def test_word_pictures_become_figures_placed_where_they_stood(db, client, caption_first):
    """Each picture is a figure at its place, its caption (without Word's "Figure 1.") in
    the article's language; the saved draft shows them as readers will."""
    imported = importing.read_bytes(
        "pictures.docx", analysis_with_pictures(caption_first=caption_first)
    )
    assert [(f.label, f.caption, f.marker) for f in imported.figures] == [
        ("1", "Crude exports by year, 2019–2023 (million barrels a day).", "Figure 1."),
        ("2", "", ""),
    ]
    assert imported.sections[0].body == [
        "Exports fell for a third year.",
        "![1]",
        "Prices did not recover either.",
        "![2]",
        "The closing paragraph.",
    ]
    article = importing.create_article(imported, source="pictures.docx")
    figures = list(article.figures.all())
    assert [(f.label, f.position, f.caption_en, f.caption_ar) for f in figures] == [
        ("1", 0, "Crude exports by year, 2019–2023 (million barrels a day).", None),
        ("2", 1, "", None),
    ]
    # Without Word's own description, the caption describes the picture for screen readers.
    assert figures[0].image_alt_en == figures[0].caption_en
    with Image.open(figures[0].image) as stored:
        assert stored.size == (600, 300)
    # Readers see them once the draft is published.
    Article.objects.filter(pk=article.pk).update(
        status="published",
        published_at=timezone.now() - datetime.timedelta(hours=1),
        language_published_en=True,
    )
    page = html(client.get(article.url_in("en")))
    numbers = [span.get_text() for span in page.select("figure.figure .figure__number")]
    assert numbers == ["Figure 1", "Figure 2"]


def test_a_picture_the_site_cannot_show_is_left_out_and_reported(db):
    """A picture Pillow cannot read is no figure: the report says which, its caption stays
    as text, and no word is lost."""
    with override("en"):
        imported = importing.read_bytes("broken.docx", analysis_with_pictures(unreadable=True))
    assert [figure.label for figure in imported.figures] == ["1"]
    assert "Figure 1. Crude exports by year" in " ".join(imported.sections[0].body)
    assert "![1]" in imported.sections[0].body  # the second picture, numbered 1
    reported = [str(problem) for problem in imported.warnings]
    assert any("Picture 1 of the Word file cannot be shown" in line for line in reported)
    article = importing.create_article(imported)
    assert article.figures.count() == 1


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_corpus_drafts_have_their_figures_with_captions(db, name):
    """Each corpus file with pictures saves a draft with as many figures as expected, their
    captions in its language, and its text placing each one."""
    imported = importing.read_bytes(f"{name}.docx", build_docx.build(name))
    article = importing.create_article(imported, source=f"{name}.docx")
    figures = list(article.figures.all())
    assert len(figures) == FIGURES[name] > 0
    assert all(getattr(figure, f"caption_{article.original_language}") for figure in figures)
    assert article.missing_figure_labels() == []
    placed = " ".join(article.body_texts())
    assert all(f"![{figure.label}]" in placed for figure in figures)


def test_the_command_saves_a_word_files_figures(db, tmp_path):
    """import_article --as-draft keeps the pictures, as the draft's figures."""
    path = tmp_path / "journal-en-sahel-gold.docx"
    path.write_bytes(build_docx.build("journal-en-sahel-gold"))
    run(path, "--as-draft")
    article = Article.objects.get()
    figure = article.figures.get()
    assert figure.caption_en.startswith("Estimated artisanal gold production")
    assert Path(figure.image.path).exists()


def test_the_admin_import_page_keeps_the_pictures_for_the_draft(db, make_staff, login):
    """Uploaded in the admin, corrected in the preview, created: the draft has the Word
    file's pictures as figures; another person posting the same token gets none."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from accounts.roles import EDITORS
    from tests.importing.helpers import IMPORT_URL, preview_data, read

    editor = login(make_staff(EDITORS))
    upload = SimpleUploadedFile("pictures.docx", analysis_with_pictures())
    data = preview_data(read(editor, file=upload))
    assert len(data["pictures"]) == 32

    intruder = login(make_staff(EDITORS))
    response = intruder.post(IMPORT_URL.format(language="en"), {**data, "_create": "Create"})
    assert response.status_code == 302
    stolen = Article.objects.get(pk=response.url.split("/")[-3])
    assert stolen.figures.count() == 0
    stolen.delete()

    response = editor.post(IMPORT_URL.format(language="en"), {**data, "_create": "Create"})
    assert response.status_code == 302
    article = Article.objects.get(pk=response.url.split("/")[-3])
    assert [figure.label for figure in article.figures.all()] == ["1", "2"]
    assert article.figures.first().caption_en.startswith("Crude exports by year")
