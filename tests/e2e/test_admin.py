import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.e2e.helpers import language_tab
from tests.seed import REFERENCE_SLUG

pytestmark = pytest.mark.browser


def test_admin_language_tabs_switch(page, live_server, transactional_db, django_user_model):
    """On the article's change page the Arabic/English tabs show one language at a time."""
    call_command("load_demo", stdout=io.StringIO())
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-passphrase")
    page.goto(f"{live_server.url}/ar/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-passphrase")
    page.click("input[type=submit]")
    assert page.eval_on_selector("html", "e => e.dir") == "rtl"

    page.goto(f"{live_server.url}/ar/admin/articles/article/")
    page.get_by_role("link", name="لماذا يهتم تنظيم").first.click()
    title_ar, title_en = page.locator("#id_title_ar"), page.locator("#id_title_en")
    expect(title_ar).to_be_visible()
    expect(title_en).to_be_hidden()
    expect(title_en).to_have_value("Why AQIM is Interested in Syria")

    # The title's own tab strip: switch it to English.
    title_tabs = page.locator(".ui-tabs").filter(has=title_en)
    language_tab(title_tabs, "en", "ar").click()
    expect(title_en).to_be_visible()
    expect(title_ar).to_be_hidden()
    assert page.eval_on_selector("#id_title_en", "e => getComputedStyle(e).direction") == "ltr"

    # The numbered points of the last section are on the same page, in tabs too.
    point = page.locator("#id_sections-2-indications-0-title_ar")
    expect(point).to_have_value("تحدي الجهود الدولية:")

    # "View on site" leads to the article's public page.
    page.locator("a.viewsitelink").click()
    page.wait_for_url(f"**/ar/articles/{REFERENCE_SLUG}/")


@pytest.mark.parametrize(
    ("language", "title", "slug"),
    [
        ("en", "Oil and the Red Sea", "oil-and-the-red-sea"),
        ("ar", "النفط والبحر الأحمر", "النفط-والبحر-الأحمر"),
    ],
)
def test_the_title_in_the_desks_language_fills_the_address(
    page, live_server, transactional_db, django_user_model, language, title, slug
):
    """Typing a new article's title in the admin's own language fills its address."""
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-passphrase")
    page.goto(f"{live_server.url}/{language}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-passphrase")
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/{language}/admin/articles/article/add/")
    field = page.locator(f"#id_title_{language}")
    tabs = page.locator(".ui-tabs").filter(has=field)
    language_tab(tabs, language, language).click()
    field.press_sequentially(title)
    # Letters off the US keyboard are typed without key events, as an input method
    # would insert them; the next key a writer presses (here End) updates the address.
    field.press("End")
    expect(page.locator("#id_slug")).to_have_value(slug)
