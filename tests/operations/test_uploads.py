"""
An upload that fails half-way leaves nothing behind: a new article with an image, saved
through the admin, whose later part fails leaves no article and no file in the media
storage. (articles/images.py removes the file; here the failures are real ones: a form
the admin refuses, and a database that refuses the article's sections.)
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse
from PIL import Image

from articles.models import Article
from tests.admin_forms import form_data

SLUG = "half-way"


@pytest.fixture(autouse=True)
def _own_media(media_root):
    """Uploads and renditions go to the test's own folder (conftest.media_root)."""
    return media_root


@pytest.fixture
def editor(admin_user):
    """An editor's browser: an error gets the error page, as in production, not a traceback."""
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    return client


def photograph():
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 600), "#8a1c23").save(buffer, "JPEG")
    return SimpleUploadedFile("meeting.jpg", buffer.getvalue(), content_type="image/jpeg")


def add_article_with_image(client, **section):
    """Submit the admin's "add article" form: an image, its alt text and one section."""
    url = reverse("admin:articles_article_add")
    data = form_data(client.get(url), "article_form")
    data.update(
        {
            "slug": SLUG,
            "title_ar": "تحليل",
            "title_en": "An analysis",
            "image": photograph(),
            "image_alt_ar": "قاعة الاجتماع",
            "image_alt_en": "The meeting room",
            "sections-TOTAL_FORMS": "1",
            "sections-0-position": "0",
            "sections-0-heading_en": "Continued Escalation",
            "sections-0-indications-TOTAL_FORMS": "0",
            "sections-0-indications-INITIAL_FORMS": "0",
            "sections-0-indications-MIN_NUM_FORMS": "0",
            "sections-0-indications-MAX_NUM_FORMS": "1000",
            **{f"sections-0-{field}": value for field, value in section.items()},
            "_save": "Save",
        }
    )
    return client.post(url, data)


def stored_files(root):
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


@pytest.fixture
def database_refusing_sections(db):
    """
    The database fails on the article's first section, after the article and its image
    are written: on PostgreSQL as a server shutting down, on SQLite as an abort. The
    trigger goes with the test's transaction.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION refuse_sections() RETURNS trigger LANGUAGE plpgsql AS $$ "
                "BEGIN RAISE EXCEPTION 'the database is shutting down' "
                "USING ERRCODE = 'admin_shutdown'; END $$"
            )
            cursor.execute(
                "CREATE TRIGGER refuse_sections BEFORE INSERT ON articles_section "
                "FOR EACH ROW EXECUTE FUNCTION refuse_sections()"
            )
        else:
            cursor.execute(
                "CREATE TRIGGER refuse_sections BEFORE INSERT ON articles_section "
                "BEGIN SELECT RAISE(ABORT, 'the disk is full'); END"
            )


def test_the_upload_is_kept_when_the_save_succeeds(editor, media_root):
    """The same form, valid, saves the article with its image: the failures below are real."""
    response = add_article_with_image(editor)
    assert response.status_code == 302
    article = Article.objects.get(slug=SLUG)
    assert article.sections.count() == 1
    assert article.image.name in stored_files(media_root)


def test_an_invalid_inline_leaves_no_article_and_no_file(editor, db, media_root):
    """A section the admin refuses sends the form back, with nothing saved or stored."""
    response = add_article_with_image(editor, heading_en="A heading far too long. " * 20)
    assert response.status_code == 200
    assert response.context["errors"]
    assert not Article.objects.filter(slug=SLUG).exists()
    assert stored_files(media_root) == []


def test_a_database_failure_after_the_upload_leaves_no_article_and_no_file(
    editor, database_refusing_sections, media_root
):
    """The database failing part-way through the save leaves no article and no file."""
    response = add_article_with_image(editor)
    # PostgreSQL's "shutting down" is a lost database: the bilingual 503 page.
    assert response.status_code == (503 if connection.vendor == "postgresql" else 500)
    assert "Traceback" not in response.content.decode()
    assert not Article.objects.filter(slug=SLUG).exists()
    assert stored_files(media_root) == []
