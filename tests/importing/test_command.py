import io
import re
import shutil

import pytest
from django.core.management import CommandError, call_command
from django.utils.translation import override
from reversion.models import Version

from articles.models import Article, Section, Status
from core.change_messages import describe
from tests.seed import SEED

FIXTURES = SEED.parent / "importing"


def run(*args):
    stdout, stderr = io.StringIO(), io.StringIO()
    with override("en"):
        call_command("import_article", *map(str, args), stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def test_command_reports_the_structure_and_saves_nothing_by_default(db):
    """Without --as-draft the command only says what it found: counts, left-out parts."""
    out, _err = run(SEED)
    assert "3 sections, 4 numbered points, 15 paragraphs" in out
    assert "date 2018-04-04" in out
    assert "Note: Line “أخبار المركز”: Center news: not part of the article." in out
    assert "Fix applied: It was left out of the article." in out
    assert "Nothing saved" in out
    assert not Article.objects.exists()


def test_command_creates_a_draft_and_prints_its_admin_url(db, admin_user):
    """--as-draft saves the article as a draft by the given user and prints where to edit it."""
    out, _err = run(SEED, "--as-draft", "--user", admin_user.username)
    article = Article.objects.get()
    assert article.status == Status.DRAFT
    assert article.original_language == "en"
    assert article.created_by == admin_user
    assert f"/en/admin/articles/article/{article.pk}/change/" in out


def test_command_adds_the_other_language_of_an_article(db):
    """--translation-of fills the Arabic of an English article, part by part."""
    run(SEED, "--as-draft")
    article = Article.objects.get()
    out, _err = run(FIXTURES / "why-aqim-ar.txt", "--translation-of", article.pk)
    article.refresh_from_db()
    assert article.title_ar.startswith("لماذا يهتم")
    assert article.title_en == "Why AQIM is Interested in Syria"
    points = Section.objects.get(article=article, position=2).indications.all()
    assert points[0].title_ar == "تحدي الجهود الدولية:"
    assert f"/ar/admin/articles/article/{article.pk}/change/" in out


def test_command_imports_a_folder_and_a_bad_file_does_not_stop_the_others(db, tmp_path):
    """Every file of a folder is tried; the bad one is named with its reason, the rest saved."""
    shutil.copy(SEED, tmp_path / "a-reference.txt")
    (tmp_path / "b-empty.txt").write_bytes(b"")
    (tmp_path / "c-broken.docx").write_bytes(b"\x00\x01 not a word file")
    shutil.copy(FIXTURES / "ordinals-ar.txt", tmp_path / "d-ordinals.txt")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    with pytest.raises(CommandError, match="2 files could not be imported"):
        run(tmp_path, "--as-draft")
    assert Article.objects.count() == 2
    assert sorted(Article.objects.values_list("original_language", flat=True)) == ["ar", "en"]


def test_folder_import_shows_a_progress_bar_and_a_line_per_file(db, tmp_path):
    """The folder's files are counted on a progress bar; each gets its own report line."""
    for name in ("one.txt", "two.txt", "three.txt"):
        shutil.copy(SEED, tmp_path / name)
    out, err = run(tmp_path)
    assert re.search(r"3/3", err)
    assert [line.split(":")[0] for line in out.splitlines() if not line.startswith(" ")] == [
        "one.txt",
        "three.txt",
        "two.txt",
        "3 of 3 files read.",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("missing.txt",), "does not exist"),
        ((SEED, "--translation-of", "999"), "no article with id 999"),
        ((SEED, "--as-draft", "--user", "nobody"), "no user"),
    ],
)
def test_command_refuses_what_it_cannot_do(db, args, message):
    """A wrong path, article or user is a clear error, and nothing is saved."""
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert not Article.objects.exists()


def test_imported_article_starts_its_history_with_the_import(db, admin_user):
    """The article's history names the file it was imported from and who imported it."""
    run(SEED, "--as-draft", "--user", admin_user.username)
    article = Article.objects.get()
    (version,) = Version.objects.get_for_object(article)
    assert version.revision.user == admin_user
    assert SEED.name in describe(version.revision.comment, Article)
    assert version.revision.version_set.filter(content_type__model="indication").count() == 4
