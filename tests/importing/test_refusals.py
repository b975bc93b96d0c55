import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils.translation import override

from articles import importing
from articles.models import Article, Indication, Section
from news.models import NewsItem
from tests.helpers import html
from tests.seed import SEED

IMPORT_URL = "/en/admin/articles/article/import/"
TWENTY_MB = 20 * 1024 * 1024


def nothing_saved():
    return not (
        Article.objects.exists()
        or Section.objects.exists()
        or Indication.objects.exists()
        or NewsItem.objects.exists()
    )


def upload(client, name, data):
    response = client.post(
        IMPORT_URL, {"text": "", "language": "", "file": SimpleUploadedFile(name, data)}
    )
    assert response.status_code == 200
    return " ".join(html(response).select_one("#import_form").get_text(" ").split())


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("renamed.docx", os.urandom(4096), "is not a Word document"),
        ("noise.txt", bytes(range(32)) * 200, "does not look like text"),
        ("old.doc", b"\xd0\xcf\x11\xe0 an old Word file", "old Word format"),
        ("picture.png", b"\x89PNG", "neither a text file"),
    ],
)
@override("en")
def test_admin_refuses_unreadable_files_with_a_message(staff_client, db, name, data, message):
    """An empty, binary or foreign file gets a message on the import page; nothing is saved."""
    assert message in upload(staff_client, name, data)
    assert nothing_saved()


@override("en")
def test_admin_refuses_a_20_mb_text_without_reading_it(staff_client, db):
    """A text over the size limit is refused by its size, with the limit named."""
    text = upload(staff_client, "huge.txt", b"word " * (TWENTY_MB // 5)).replace("\xa0", " ")
    assert "is 20.0 MB; the importer takes files of up to 1.0 MB" in text
    assert nothing_saved()


@override("en")
def test_admin_refuses_a_paste_over_the_limit(staff_client, db):
    """A paste over 1 MB is refused with a message, not cut."""
    response = staff_client.post(IMPORT_URL, {"text": "mot " * 300_000, "language": ""})
    assert "the importer takes up to 1.0 MB" in response.content.decode().replace("\xa0", " ")
    assert nothing_saved()


@override("en")
def test_command_refuses_a_20_mb_text_and_an_empty_file(db, tmp_path):
    """The command names each refused file and why, and saves nothing."""
    (tmp_path / "huge.txt").write_bytes(b"word " * (TWENTY_MB // 5))
    (tmp_path / "empty.txt").write_bytes(b"")
    stderr = io.StringIO()
    with pytest.raises(CommandError, match="2 files could not be imported"):
        call_command(
            "import_article", str(tmp_path), "--as-draft", stdout=io.StringIO(), stderr=stderr
        )
    errors = stderr.getvalue().replace("\xa0", " ")
    assert "huge.txt” is 20.0 MB; the importer takes files of up to 1.0 MB" in errors
    assert "empty.txt” is empty" in errors
    assert nothing_saved()


@override("en")
def test_garbage_text_is_imported_as_lead_with_a_warning(staff_client, db):
    """Text with no structure is not an error: the preview shows it as lead, with a warning."""
    garbage = "zxqv wpol, kkrt mmn? ooaq plaa zzu.\nqq ww ee rr tt yy uu ii oo pp aa ss dd ff."
    response = staff_client.post(IMPORT_URL, {"text": garbage, "language": ""})
    page = html(response)
    assert response.status_code == 200
    warnings = [li.get_text() for li in page.select(".messagelist .warning")]
    assert any("kept as lead paragraphs" in warning for warning in warnings)
    preview = page.select_one(".import-preview")
    assert [p.get_text() for p in preview.find_all("p")] == garbage.split("\n")
    assert nothing_saved()


def test_failure_while_saving_leaves_nothing_half_saved(db, monkeypatch):
    """If saving stops midway (here: the points), the article and its sections are gone too."""
    imported = importing.read_path(SEED)

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(Indication.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        importing.create_article(imported)
    assert nothing_saved()


@override("en")
def test_text_too_long_for_a_field_is_refused_not_cut(db):
    """A title longer than the field takes is refused with a message; nothing is saved."""
    imported = importing.assemble(
        [importing.Part("title", "word " * 100), importing.Part("paragraph", "Lead.")], "en"
    )
    with pytest.raises(importing.ImportRefused, match="The title is too long"):
        importing.create_article(imported)
    assert nothing_saved()
