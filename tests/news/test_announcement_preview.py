"""The announcement shown before it goes out: the change page shows what the center news
will say, and the editor may reword it."""

import pytest

from accounts.roles import AUTHORS, EDITORS
from articles.admin import author_record_for
from articles.models import Status
from news.models import NewsItem
from tests.admin_forms import change_url, save
from tests.factories import make_article, make_author
from tests.helpers import html


@pytest.fixture
def draft(db):
    author = make_author(
        name_en="Omar Ali", name_ar="عمر علي", honorific_en="Dr.", honorific_ar="د."
    )
    return make_article(
        sections=1, status=Status.REVIEW, authors=[author], title_en="Oil", title_ar="النفط"
    )


@pytest.mark.django_db
def test_the_editor_sees_the_announcement_before_publishing(draft, make_staff, login):
    page = html(login(make_staff(EDITORS)).get(change_url(draft)))
    assert page.select_one("#id_announcement_en")["value"] == "Dr. Omar Ali writes: (Oil)"
    arabic = page.select_one("#id_announcement_ar")
    assert arabic["value"] == "د. عمر علي يكتب: (النفط)"
    assert arabic["dir"] == "rtl" and arabic["lang"] == "ar"


@pytest.mark.django_db
def test_a_reworded_announcement_is_the_one_published(draft, make_staff, login):
    """The English headline reworded is published as written; the Arabic one, left as it
    was, follows the title as saved in the same post."""
    editor = login(make_staff(EDITORS))
    response = save(
        editor,
        draft,
        {
            "_workflow": "publish",
            "announce": "on",
            "title_ar": "النفط والبحر",
            "announcement_en": "New from Dr. Omar Ali: oil and the Red Sea",
        },
    )
    assert response.status_code == 302
    item = NewsItem.objects.get(article=draft)
    assert item.headline_en == "New from Dr. Omar Ali: oil and the Red Sea"
    assert item.headline_ar == "د. عمر علي يكتب: (النفط والبحر)"


@pytest.mark.django_db
def test_an_author_has_no_announcement_to_forge(make_staff, login):
    user = make_staff(AUTHORS)
    mine = make_article(sections=1, status=Status.DRAFT, authors=[author_record_for(user)])
    client = login(user)
    assert html(client.get(change_url(mine))).select_one("#id_announcement_en") is None
    save(client, mine, {"announce": "on", "announcement_en": "Forged"})
    assert not NewsItem.objects.filter(headline_en="Forged").exists()
