import pytest

from tests.factories import make_article
from tests.images.helpers import article_form, new_article_form, new_author_form, new_news_form


@pytest.fixture(autouse=True)
def _own_media(media_root):
    """Every test here uploads or renders images: each in its own media folder."""
    return media_root


@pytest.fixture(params=["new article", "article", "new author", "new news item"])
def admin_form(request, staff_client, db):
    """The admin forms that take an image: adding an article, changing one, adding an
    author, adding a news item."""
    if request.param == "new article":
        return new_article_form(staff_client)
    if request.param == "article":
        return article_form(staff_client, make_article())
    if request.param == "new author":
        return new_author_form(staff_client)
    return new_news_form(staff_client)
