"""Whatever a client sends, the site answers without a server error, in the page's language."""

from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles.models import Topic
from tests.factories import make_article, make_author, make_news
from tests.helpers import html

# About 200 requests in all, the same ones on every run: the suite stays fast, and a
# failure on CI is one anyone can reproduce.
BOUNDED = hypothesis_settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
DIRECTION = {"ar": "rtl", "en": "ltr"}

# Any text, control and NUL characters included, and text shaped like what a client could
# get wrong: odd encodings, a stray %, a path within the path.
text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["", "%", "%ZZ", "%C0%AF", "..", "../admin/", "\x00", "é", "لماذا", "a" * 300, "0", "-1"]
    ),
)
# Header values arrive as Latin-1 text without line breaks.
header_text = st.text(
    st.characters(max_codepoint=255, blacklist_characters="\r\n", blacklist_categories=["Cs"]),
    max_size=60,
)
number = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["1e3", "0x10", "٣", "1.5", "NaN", "last", " 2", "99999999999999999999"]),
    text,
)
prefix = st.sampled_from(["/ar", "/en", "", "/fr", "/AR", "/en-us", "/ar-eg", "/zz-zz"])
route = st.sampled_from(
    [
        "/",
        "/articles/{}/",
        "/articles/{}/cite.bib",
        "/articles/{}/cite.ris",
        "/articles/archive/{}/",
        "/topics/{}/",
        "/topics/{}/rss/",
        "/topics/{}/atom/",
        "/authors/{}/",
        "/news/{}/",
        "/{}",
        "/{}/",
        "/feeds/rss/{}",
        "/admin/{}",
    ]
)
query = st.lists(st.tuples(text, text), max_size=4).map(urlencode)
listing = st.sampled_from(
    [
        "/articles/",
        "/authors/",
        "/news/",
        "/topics/site-topic/",
        "/search/",
        "/articles/archive/2024/",
    ]
)


@pytest.fixture
def site(db):
    """A little of everything the public pages list."""
    author = make_author(slug="site-author")
    article = make_article(sections=1, points=1, authors=[author], slug="site-article")
    article.topics.add(Topic.objects.create(slug="site-topic", name_ar="موضوع", name_en="Topic"))
    make_news(article=article)


def check(response, path):
    """Never a server error; an error page in the language its address names."""
    assert response.status_code < 500, path
    if response.status_code in {400, 404, 429}:
        page = html(response)
        language = page.html["lang"]
        segment = path.split("/")[1] if path.count("/") > 1 else ""
        if segment in DIRECTION:
            assert language == segment, path
        assert page.html["dir"] == DIRECTION[language], path
        assert page.find("h1"), path


@BOUNDED
@given(prefix=prefix, route=route, segment=text, query=query)
@example(prefix="/en", route="/news/{}/", segment="99999999999999999999999", query="")
@example(prefix="/ar", route="/articles/{}/", segment="\x00", query="")
@example(prefix="/en", route="/articles/archive/{}/", segment="99999", query="")
def test_any_address_is_answered_without_a_server_error(site, prefix, route, segment, query):
    """Random paths, slugs and query strings under any language prefix: 2xx, 3xx or 4xx."""
    path = prefix + route.format(quote(segment, safe=""))
    response = Client().get(path, query_string=query)
    check(response, path)


@BOUNDED
@given(language=st.sampled_from(["ar", "en"]), url=listing, page=number, q=text)
@example(language="ar", url="/articles/", page="99999999999999999999", q="")
@example(language="en", url="/search/", page="2", q="\x00")
def test_any_page_number_or_search_is_answered(site, language, url, page, q):
    """Listings and search with any page number and any query: never a server error."""
    path = f"/{language}{url}"
    response = Client().get(path, {"page": page, "q": q})
    check(response, path)


@BOUNDED
@given(
    path=st.sampled_from(["/", "/ar/", "/en/articles/site-article/", "/en/nowhere/", "/xx/"]),
    host=st.sampled_from(["testserver", "localhost", "127.0.0.1", "[::1]", "localhost:8000"]),
    accept_language=st.one_of(
        header_text, st.sampled_from(["ar", "en-GB,en;q=0.9", "*", "ar;q=x", "zz, ,;;"])
    ),
    user_agent=header_text,
    session=header_text,
    csrf=header_text,
    language_cookie=st.one_of(header_text, st.sampled_from(["ar", "en", "fr", "EN"])),
)
@example(
    path="/en/nowhere/",
    host="testserver",
    accept_language="ar",
    user_agent="",
    session="",
    csrf="",
    language_cookie="ar",
)
def test_any_headers_and_cookies_are_answered(
    site, path, host, accept_language, user_agent, session, csrf, language_cookie
):
    """Odd languages, browsers, hosts (among the allowed) and broken cookies: no 500."""
    client = Client(
        HTTP_HOST=host,
        HTTP_ACCEPT_LANGUAGE=accept_language,
        HTTP_USER_AGENT=user_agent,
    )
    client.cookies["sessionid"] = session
    client.cookies["csrftoken"] = csrf
    client.cookies["django_language"] = language_cookie
    response = client.get(path)
    check(response, path)


@BOUNDED
@given(
    language=st.sampled_from(["ar", "en"]),
    next_url=text,
    username=text,
    password=text,
    method=st.sampled_from(["get", "post"]),
)
@example(language="ar", next_url="//evil.example/", username="x", password="y", method="post")
def test_admin_sign_in_answers_anything(site, language, next_url, username, password, method):
    """The admin's sign-in page, fed anything (until it blocks the address): no 500."""
    path = f"/{language}/admin/login/"
    client = Client()
    if method == "get":
        response = client.get(path, {"next": next_url})
    else:
        response = client.post(
            f"{path}?{urlencode({'next': next_url})}",
            {"username": username, "password": password},
        )
    check(response, path)
    if response.status_code in {301, 302}:
        assert not response["Location"].startswith(("//", "http")), response["Location"]


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_a_nul_character_is_a_bad_request(client, admin_client, language, direction):
    """A NUL in a slug or a search is a 400 in the page's language, public or admin."""
    for response in [
        client.get(f"/{language}/articles/%00/"),
        client.get(f"/{language}/news/", {"page": "1\x00"}),
        admin_client.get(f"/{language}/admin/articles/article/", {"q": "\x00"}),
    ]:
        assert response.status_code == 400
        page = html(response)
        assert (page.html["lang"], page.html["dir"]) == (language, direction)
