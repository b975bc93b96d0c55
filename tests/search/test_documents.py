"""Search finds what articles, authors and news say now, however they were changed."""

from django.core.cache import cache

from articles.models import Article, Indication, Section
from tests.admin_forms import save
from tests.factories import make_article, make_author, make_news
from tests.search.conftest import add_section, found, search
from thinktank.search import rebuild_articles


def test_admin_save_of_a_section_updates_search(staff_client, db):
    """Text an editor changes in a section through the admin is found, the old text is not."""
    article = make_article()
    add_section(article, "en", body="An introduction.", point_body="Obsoleteword")
    response = save(
        staff_client,
        article,
        {
            "sections-0-body_ar": "تحليل عن الاستراتيجية البحرية.",
            "sections-0-indications-0-body_en": "A point about maritime strategy.",
        },
    )
    assert response.status_code == 302
    assert found(search(staff_client, "الاستراتيجيه")) == [article.url_in("ar")]
    assert found(search(staff_client, "maritime", "en")) == [article.url_in("en")]
    assert found(search(staff_client, "obsoleteword", "en")) == []


def test_admin_save_of_a_new_author_in_the_byline_updates_search(staff_client, db):
    """An author added to the byline through the admin makes the article findable by name."""
    article = make_article()
    author = make_author(name_en="Hamdy Abdelrahman")
    response = save(
        staff_client,
        article,
        {
            "authorship_set-TOTAL_FORMS": "1",
            "authorship_set-0-position": "0",
            "authorship_set-0-author": str(author.pk),
            "authorship_set-0-article": str(article.pk),
        },
    )
    assert response.status_code == 302
    assert article.url_in("en") in found(search(staff_client, "abdelrahman", "en"))


def test_renaming_an_author_updates_their_articles(client, db):
    """Articles are found by their authors' current names."""
    author = make_author(name_en="Old Name")
    article = make_article(authors=[author])
    author.name_en = "Zeinab Hassan"
    author.save()
    author_page = f"/en/authors/{author.slug}/"
    assert found(search(client, "zeinab", "en")) == [author_page, article.url_in("en")]
    assert found(search(client, "old", "en")) == []


def test_adding_an_author_with_add_updates_the_article(client, db):
    """`article.authors.add()` (which sends no post_save) still reaches the document."""
    article = make_article()
    article.authors.add(make_author(name_en="Layla Mansour"))
    make_author(name_en="Omar Said").articles.add(article)
    assert article.url_in("en") in found(search(client, "mansour", "en"))
    assert article.url_in("en") in found(search(client, "said", "en"))
    article.authors.clear()
    assert found(search(client, "mansour", "en")) == []


def test_deleting_a_section_or_point_removes_its_words(client, db):
    """Words of a deleted section or point are no longer found."""
    article = make_article(languages=("en",))
    kept = add_section(article, "en", body="Kept", point_body="Pointless")
    gone = add_section(article, "en", body="Vanished")
    gone.delete()
    Indication.objects.filter(section=kept).delete()
    assert found(search(client, "vanished", "en")) == []
    assert found(search(client, "pointless", "en")) == []
    assert found(search(client, "kept", "en")) == [article.url_in("en")]


def test_deleting_an_article_deletes_it_from_search(client, db):
    """A deleted article, with its sections and points, leaves search without an error."""
    article = make_article(languages=("en",), title_en="Sahel")
    add_section(article, "en", body="Sahel")
    article.delete()
    assert found(search(client, "sahel", "en")) == []
    assert not Article.objects.exists()


def test_editing_news_updates_search(client, db):
    """A news item is found by its current headline and text."""
    item = make_news(headline_en="Issue 3 is out", link="https://example.org/issue-3")
    item.body_en = "The quarterly covers the Horn of Africa."
    item.save()
    assert found(search(client, "quarterly", "en")) == [f"/en/news/{item.pk}/"]


def test_text_written_in_bulk_is_found_after_a_rebuild(client, db):
    """Points written with bulk_create() (no signals) are found once the article is rebuilt."""
    article = make_article(languages=("en",))
    section = Section.objects.create(article=article, position=0)
    Indication.objects.bulk_create([Indication(section=section, position=0, body_en="Bulkword")])
    assert found(search(client, "bulkword", "en")) == []
    rebuild_articles(Article.objects.filter(pk=article.pk))
    # The reader page cache learns of changes from signals, which bulk writes do not send.
    cache.clear()
    assert found(search(client, "bulkword", "en")) == [article.url_in("en")]
