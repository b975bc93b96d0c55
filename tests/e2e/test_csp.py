"""The Content-Security-Policy in a real browser: the site and the admin run within it."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.e2e.helpers import TAB_NAMES
from tests.seed import REFERENCE_SLUG

ENGLISH = TAB_NAMES["en"]["en"]

pytestmark = pytest.mark.browser

PASSWORD = "a long enough passphrase"

# Reports every violation to the console, in addition to the browser's own message, so
# that none is missed whatever its wording.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


@pytest.fixture
def violations(page):
    """The page's Content-Security-Policy violations, as the browser reports them."""
    found = []
    page.add_init_script(REPORT_VIOLATIONS)

    def collect(message):
        text = message.text
        if "Content Security Policy" in text or "CSP violation" in text:
            found.append(f"{page.url}: {text}")

    page.on("console", collect)
    return found


@pytest.fixture
def site(live_server, transactional_db):
    call_command("load_demo", stdout=io.StringIO())
    return live_server.url


def sign_in(page, site, language="en"):
    from django.contrib.auth.models import User

    User.objects.create_superuser("chief", "chief@example.org", PASSWORD)
    page.goto(f"{site}/{language}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()


def test_policy_is_sent_and_enforced(page, site, violations):
    """The header reaches the browser and blocks an inline script: the watch below works."""
    response = page.goto(f"{site}/en/articles/{REFERENCE_SLUG}/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.inlineRan = true";
            document.head.append(script);
        }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.inlineRan") is None
    assert violations


@pytest.mark.parametrize("language", ["ar", "en"])
def test_article_page_runs_within_the_policy(page, site, violations, language):
    """The article page, with its JSON-LD data block, breaks no rule of the policy."""
    page.goto(f"{site}/{language}/articles/{REFERENCE_SLUG}/", wait_until="networkidle")
    assert page.locator("script[type='application/ld+json']").count() == 1
    expect(page.locator("h1")).to_be_visible()
    assert violations == []


@pytest.mark.parametrize("language", ["ar", "en"])
def test_admin_login_page_runs_within_the_policy(page, site, violations, language):
    """The admin's sign-in page breaks no rule of the policy."""
    page.goto(f"{site}/{language}/admin/login/", wait_until="networkidle")
    expect(page.locator("#id_username")).to_be_visible()
    assert violations == []


def test_article_change_page_runs_within_the_policy(page, site, violations):
    """Tabs, nested sections and their points work in the admin without breaking the policy."""
    from articles.models import Article

    sign_in(page, site)
    article = Article.objects.get(slug=REFERENCE_SLUG)
    page.goto(f"{site}/en/admin/articles/article/{article.pk}/change/", wait_until="networkidle")

    # A language tab (jQuery UI, served from static/).
    title_en = page.locator("#id_title_en")
    page.locator(".ui-tabs").filter(has=title_en).get_by_role(
        "tab", name="English", exact=True
    ).click()
    expect(title_en).to_be_visible()

    # A new section (nested_admin), then a point inside it, each with its own tabs.
    count = int(page.input_value("#id_sections-TOTAL_FORMS"))
    page.locator("a.djn-add-handler.djn-model-articles-section").click()
    new_section = page.locator(f"#sections-{count}")
    expect(new_section).to_be_visible()
    heading_en = page.locator(f"#id_sections-{count}-heading_en")
    new_section.locator(".ui-tabs").filter(has=heading_en).get_by_role(
        "tab", name="English", exact=True
    ).click()
    expect(heading_en).to_be_visible()
    new_section.locator("a.djn-add-handler.djn-model-articles-indication").click()
    point_en = page.locator(f"#id_sections-{count}-indications-0-title_en")
    page.locator(".ui-tabs").filter(has=point_en).get_by_role(
        "tab", name="English", exact=True
    ).click()
    expect(point_en).to_be_visible()

    # The audit trail: a read-only list, without bulk actions.
    page.goto(f"{site}/en/admin/accounts/auditevent/", wait_until="networkidle")
    expect(page.locator("#result_list")).to_be_visible()
    assert violations == []
