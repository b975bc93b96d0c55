"""`import_article FOLDER`: every file read, and a table of what became of each."""

import io
import shutil

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from articles.models import Article, Author
from tests.seed import SEED

CORPUS = SEED.parent / "import"


def run(*arguments):
    out, err = io.StringIO(), io.StringIO()
    with translation.override("en"):
        try:
            call_command("import_article", *arguments, stdout=out, stderr=err)
        except CommandError as error:
            return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_a_folder_gets_a_table_of_each_file(db, tmp_path):
    """Each file is listed with what became of it and its warnings; a refused one says why."""
    shutil.copy(CORPUS / "news-en-niger-moscow.txt", tmp_path / "a.txt")
    shutil.copy(CORPUS / "brief-ar-green-hydrogen.txt", tmp_path / "b.txt")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02 not text")
    out, err, error = run(str(tmp_path), "--as-draft")
    rows = [line.split() for line in out.splitlines() if line.startswith("  ")]
    table = {row[0]: row[1:] for row in rows if row and row[0] in ("a.txt", "b.txt", "c.txt")}
    assert table["a.txt"][0] == "imported" and table["b.txt"][0] == "imported"
    assert table["c.txt"][0] == "refused"
    assert "c.txt" in err
    assert error is not None  # the command ends in failure when a file was refused
    assert Article.objects.count() == 2


@pytest.mark.parametrize("create", [False, True])
def test_the_bylines_authors_are_created_only_when_asked(db, tmp_path, create):
    """Without --create-authors a new byline's author is not made; with it, it is."""
    shutil.copy(CORPUS / "news-en-niger-moscow.txt", tmp_path / "a.txt")
    out, _err, error = run(
        str(tmp_path / "a.txt"), "--as-draft", *(["--create-authors"] if create else [])
    )
    assert error is None
    assert " by " in out
    article = Article.objects.get()
    assert article.authors.exists() is create
    assert Author.objects.exists() is create
