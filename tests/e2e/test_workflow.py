import pytest
from playwright.sync_api import expect

from accounts.roles import AUTHORS, EDITORS
from tests.e2e.helpers import language_tab

pytestmark = pytest.mark.browser

PASSWORD = "a long enough passphrase"


def sign_in(browser, live_server, user):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/en/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()
    return page


def fill_in(page, field_id, value):
    """Fill a translated field the way an editor does: open its language tab, then type."""
    language = field_id.rsplit("_", 1)[1]
    field = page.locator(f"#id_{field_id}")
    tabs = page.locator(".ui-tabs").filter(has=field).last
    language_tab(tabs, language, "en").click()
    field.fill(value)


def test_author_writes_editor_publishes_reader_reads(
    browser, live_server, transactional_db, make_staff
):
    """An author writes a two-language article with a section and two points and submits
    it; an editor publishes it; a reader then sees it in both languages."""
    author = make_staff(AUTHORS, first_name="Sara", last_name="Salem")
    author.set_password(PASSWORD)
    author.save()
    editor = make_staff(EDITORS)
    editor.set_password(PASSWORD)
    editor.save()

    page = sign_in(browser, live_server, author)
    page.goto(f"{live_server.url}/en/admin/articles/article/add/")
    page.click("text=Add another Section")
    add_point = page.locator("#sections-0 a.djn-add-handler.djn-model-articles-indication")
    add_point.click()
    page.locator("#id_sections-0-indications-0-title_ar").wait_for()
    add_point.click()
    page.locator("#id_sections-0-indications-1-title_ar").wait_for()

    for field_id, value in [
        ("title_ar", "تحليل جديد"),
        ("title_en", "A New Analysis"),
        ("lead_ar", "مقدمة التحليل."),
        ("lead_en", "The analysis' lead."),
        ("sections-0-heading_ar", "دلالات"),
        ("sections-0-heading_en", "Indications"),
        ("sections-0-indications-0-title_ar", "الأولى:"),
        ("sections-0-indications-0-title_en", "First."),
        ("sections-0-indications-0-body_ar", "نص النقطة الأولى."),
        ("sections-0-indications-0-body_en", "The first point."),
        ("sections-0-indications-1-title_ar", "الثانية:"),
        ("sections-0-indications-1-title_en", "Second."),
        ("sections-0-indications-1-body_ar", "نص النقطة الثانية."),
        ("sections-0-indications-1-body_en", "The second point."),
    ]:
        fill_in(page, field_id, value)
    page.fill("#id_slug", "a-new-analysis")
    # The save bar's own step, not the status menu.
    page.locator(".save-bar button[value=submit]").click()
    expect(page.locator(".messagelist .success")).to_have_text(
        "“A New Analysis” was submitted for review."
    )

    page = sign_in(browser, live_server, editor)
    page.goto(f"{live_server.url}/en/admin/")
    page.locator(".desk__panel--review").get_by_role("link", name="A New Analysis").click()
    page.locator(".save-bar button[value=publish]").click()
    expect(page.locator(".messagelist .success")).to_have_text("“A New Analysis” was published.")

    reader = browser.new_context().new_page()
    reader.goto(f"{live_server.url}/en/articles/a-new-analysis/")
    expect(reader.locator("h1")).to_have_text("A New Analysis")
    points = reader.locator("article ol.indications > li")
    expect(points).to_have_count(2)
    expect(points.nth(0)).to_have_text("1- First. The first point.")
    expect(points.nth(1)).to_have_text("2- Second. The second point.")
    expect(reader.locator(".article__byline")).to_contain_text("Sara Salem")
    reader.goto(f"{live_server.url}/ar/articles/a-new-analysis/")
    expect(reader.locator("h1")).to_have_text("تحليل جديد")
    expect(reader.locator("article ol.indications > li").nth(1)).to_have_text(
        "2- الثانية: نص النقطة الثانية."
    )
