"""Nothing an editor types is lost: Enter does not save a half-written form, leaving with
unsaved changes asks first, and what was typed is kept and offered back."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from autosave.models import FormDraft
from tests.e2e.helpers import sign_in
from tests.factories import make_article

pytestmark = pytest.mark.browser

LANGUAGES = ["ar", "en"]


@pytest.fixture
def editing(page, live_server, transactional_db, make_staff):
    """An editor on an article's change page in the admin of the given language."""

    def open_page(language):
        sign_in(page, live_server, make_staff("Editors"))
        article = make_article(sections=2, points=2, title_en="Stored", title_ar="محفوظ")
        page.goto(f"{live_server.url}/{language}/admin/articles/article/{article.pk}/change/")
        return article

    return open_page


@pytest.mark.parametrize("language", LANGUAGES)
def test_enter_in_the_title_does_not_save(page, editing, language):
    """Pressing Enter in a one-line field leaves the form as it is, on the page."""
    article = editing(language)
    url = page.url
    title = page.locator(f"#id_title_{language}")
    title.fill("Half a tit")
    title.press("Enter")
    page.wait_for_timeout(500)
    assert page.url == url
    expect(title).to_have_value("Half a tit")
    article.refresh_from_db()
    assert article.edit_version == 0
    assert getattr(article, f"title_{language}") in {"Stored", "محفوظ"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_leaving_with_unsaved_text_asks_first(page, editing, language):
    """After typing in a body, following a link raises the browser's leave-page question."""
    editing(language)
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.dismiss()  # stay

    page.on("dialog", answer)
    page.locator(f"#id_lead_{language}").fill("A paragraph nobody saved.")
    page.locator("#site-name a").click()
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    assert "/change/" in page.url


@pytest.mark.parametrize("language", LANGUAGES)
def test_leaving_an_untouched_page_asks_nothing(page, editing, language):
    """Only unsaved changes make the page ask: opening and leaving it does not."""
    editing(language)
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.accept()))
    page.locator("#site-name a").click()
    page.wait_for_url("**/admin/")
    assert asked == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_typed_text_is_kept_and_offered_back(page, editing, language):
    """After typing and waiting, reloading offers the text back; restoring fills the field."""
    article = editing(language)
    lead = page.locator(f"#id_lead_{language}")
    lead.fill("Typed before the power cut.")
    expect(page.locator(".autosave__status")).not_to_be_empty(timeout=10_000)
    assert FormDraft.objects.filter(key=f"admin:articles_article_change/{article.pk}").exists()
    Article.objects.filter(pk=article.pk).update()  # the article itself is untouched:
    assert Article.objects.get(pk=article.pk).lead_en != "Typed before the power cut."

    page.on("dialog", lambda dialog: dialog.accept())
    page.reload()
    offer = page.locator(".autosave__offer")
    expect(offer).to_be_visible()
    expect(offer).to_contain_text("نص" if language == "ar" else "Unsaved text from")
    expect(lead).not_to_have_value("Typed before the power cut.")
    offer.get_by_role("button", name="استعِده" if language == "ar" else "Restore").click()
    expect(lead).to_have_value("Typed before the power cut.")
    expect(offer).to_be_hidden()


def test_discarding_forgets_the_kept_text(page, editing):
    """Discard drops the kept copy: the next visit offers nothing."""
    article = editing("en")
    page.locator("#id_lead_en").fill("A draft to throw away.")
    expect(page.locator(".autosave__status")).not_to_be_empty(timeout=10_000)
    page.on("dialog", lambda dialog: dialog.accept())
    page.reload()
    page.locator(".autosave__offer").get_by_role("button", name="Discard").click()
    expect(page.locator(".autosave__offer")).to_be_hidden()
    page.wait_for_timeout(500)
    assert not FormDraft.objects.filter(key=f"admin:articles_article_change/{article.pk}").exists()
