"""
The translation state of an article in each language follows its text: complete,
missing parts, or out of date when the original changes after the translation was saved.
"""

import io

from django.core.management import call_command
from django.test import TestCase

from articles.models import Article, Section
from tests.factories import committed, make_article
from translations.models import TranslationState

State = TranslationState.State


def state_of(article, language):
    from django.contrib.contenttypes.models import ContentType

    return TranslationState.objects.get(
        document_type=ContentType.objects.get_for_model(Article),
        document_id=article.pk,
        language=language,
    )


def saved(obj, **fields):
    """Save fields of `obj` and let the commit refresh the state, as a request's would."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save()


def status_lines(*args):
    out = io.StringIO()
    call_command("translation_status", *args, stdout=out)
    return out.getvalue().splitlines()


def test_an_article_written_in_both_languages_is_complete(db):
    article = make_article(sections=2, points=2)
    assert state_of(article, "en").state == State.COMPLETE
    assert state_of(article, "ar").state == State.COMPLETE
    assert f"{article.pk} en complete" in status_lines()


def test_a_corrected_original_makes_the_translation_out_of_date_until_it_is_saved(db):
    article = make_article(sections=2, points=1, original_language="ar")
    section = article.sections.first()
    saved(section, body_ar="نص مصحح للفقرة.")
    found = state_of(article, "en")
    assert (found.state, found.out_of_date) == (State.OUT_OF_DATE, 1)
    assert found.out_of_date_parts == [f"section:{section.pk}:body"]
    assert f"{article.pk} en out-of-date 1" in status_lines()
    # The original's own language is not "out of date" for a change of its own.
    assert state_of(article, "ar").state == State.COMPLETE
    saved(section, body_en="The corrected paragraph.")
    assert state_of(article, "en").state == State.COMPLETE


def test_a_section_in_the_original_only_is_missing_in_the_translation(db):
    article = make_article(sections=1, original_language="ar")
    with committed():
        Section.objects.create(article=article, position=1, heading_ar="عنوان", body_ar="نص.")
    found = state_of(article, "en")
    assert (found.state, found.missing) == (State.MISSING, 2)
    assert f"{article.pk} en missing 2" in status_lines()


def test_an_article_in_one_language_misses_every_part_in_the_other(db):
    article = make_article(sections=1, points=1, languages=("ar",), original_language="ar")
    # title, lead, heading, text, the point's lead phrase and text
    assert state_of(article, "en").missing == 6


def test_the_source_language_is_the_articles_original_language(db):
    article = make_article(sections=1, original_language="en")
    saved(article, title_en="A corrected English title")
    assert state_of(article, "ar").state == State.OUT_OF_DATE
    assert state_of(article, "en").state == State.COMPLETE


def test_deleting_a_part_or_the_article_leaves_no_state_behind(db):
    article = make_article(sections=1, original_language="ar")
    section = article.sections.first()
    saved(section, body_ar="نص جديد.")
    assert state_of(article, "en").state == State.OUT_OF_DATE
    with committed():
        section.delete()
    assert state_of(article, "en").state == State.COMPLETE
    with committed():
        article.delete()
    assert not TranslationState.objects.filter(document_id=article.pk).exists()


def test_csv_output(db):
    article = make_article(original_language="ar")
    lines = status_lines("--format", "csv")
    assert lines[0] == "id,language,state,missing,out_of_date"
    assert f"{article.pk},en,complete,0,0" in lines


def test_restoring_an_earlier_version_brings_its_state_back(db, make_staff, login):
    """A history restore is a save like any other: the state follows the restored text."""
    from reversion.models import Version

    from accounts.roles import EDITORS
    from tests.admin_forms import change_url, form_data

    editor = login(make_staff(EDITORS))
    article = make_article(sections=1, original_language="ar")
    with TestCase.captureOnCommitCallbacks(execute=True):
        data = form_data(editor.get(change_url(article)), "article_form")
        assert editor.post(change_url(article), {**data, "_save": "Save"}).status_code == 302
    with TestCase.captureOnCommitCallbacks(execute=True):
        data = form_data(editor.get(change_url(article)), "article_form")
        data["sections-0-body_ar"] = "فقرة أعاد المحرر كتابتها."
        assert editor.post(change_url(article), {**data, "_save": "Save"}).status_code == 302
    assert state_of(article, "en").state == State.OUT_OF_DATE
    first = Version.objects.get_for_object(article).order_by("pk").first()
    url = f"/en/admin/articles/article/{article.pk}/history/{first.pk}/"
    with TestCase.captureOnCommitCallbacks(execute=True):
        data = form_data(editor.get(url), "article_form")
        assert editor.post(url, {**data, "_save": "Save"}).status_code == 302
    assert state_of(article, "en").state == State.COMPLETE


def test_an_imported_article_and_its_imported_translation(db):
    """An import writes points in bulk: the state still counts them, and an imported
    translation completes the article."""
    from articles import importing

    arabic = "\n\n".join(
        [
            "أهداف متداخلة",
            "لماذا تهتم القاعدة بسوريا؟",
            "04 أبريل، 2018",
            "فقرة أولى قبل العنوان الأول.",
            "تصاعد مستمر",
            "1- رسالة أولى. نص النقطة الأولى.",
            "2- رسالة ثانية. نص النقطة الثانية.",
        ]
    )
    with committed():
        article = importing.create_article(importing.read_text(arabic, language="ar"))
    found = state_of(article, "en")
    assert found.state == State.MISSING
    # kicker, title, lead, the heading, and each point's lead phrase and text
    assert found.missing == 8, found.missing_parts
