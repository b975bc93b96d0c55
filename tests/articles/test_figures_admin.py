"""
An article's figures in the admin: added, changed and deleted in the article's change page
by those who may change its parts, their text translated by translators (who may change
nothing else of them), a warning for a mark whose figure is missing, and kept in history.
"""

import pytest
from django.test import Client
from reversion.models import Version

from accounts.roles import AUTHORS, EDITORS, TRANSLATORS
from articles.admin import author_record_for
from articles.models import Figure, Status
from tests.admin_forms import change_url, form_data
from tests.factories import make_article, make_figure
from tests.helpers import html
from tests.images.samples import image_file, not_an_image

WARNING = {
    "en": "The text places a figure that the article does not have: ![map].",
    "ar": "يضع النص شكلًا ليس في المقال: ![map].",
}


@pytest.fixture(autouse=True)
def _own_media(media_root):
    """Figures are uploads: each test writes them to its own media folder."""
    return media_root


@pytest.fixture
def signed_in(db, make_staff):
    """signed_in(role) → (user, a client signed in as them)."""

    def sign_in(role):
        user = make_staff(role)
        client = Client()
        client.force_login(user)
        return user, client

    return sign_in


def new_figure(data, index, **fields):
    """Add the form of a new figure to the posted change form, as the inline's button does."""
    data[f"figures-{index}-position"] = str(index)
    data.update({f"figures-{index}-{name}": value for name, value in fields.items()})
    data["figures-TOTAL_FORMS"] = str(index + 1)
    return data


def figure_fields(caption="A chart", **more):
    return {
        "image": image_file(1200, 800),
        "image_alt_ar": "رسم بياني",
        "image_alt_en": "A bar chart",
        "caption_ar": "رسم بياني",
        "caption_en": caption,
        "credit_en": "Research Center",
        **more,
    }


def post(client, article, data, language="en"):
    return client.post(change_url(article, language), {**data, "_save": "Save"})


def test_editor_adds_figures_that_the_page_shows(signed_in, client):
    """Figures added on the change page, one labelled and one numbered for the editor, show
    where the text places them."""
    _editor, staff = signed_in(EDITORS)
    article = make_article()
    data = form_data(staff.get(change_url(article)), "article_form")
    data["lead_en"] = "The lead.\n\n![map]\n\n![1]"
    new_figure(data, 0, label="map", **figure_fields("The ports"))
    new_figure(data, 1, label="", **figure_fields("The pipelines"))
    response = post(staff, article, data)
    assert response.status_code == 302, html(response).select(".errorlist")
    assert list(article.figures.values_list("label", "caption_en")) == [
        ("map", "The ports"),
        ("1", "The pipelines"),
    ]
    page = html(client.get(article.url_in("en")))
    numbers = [span.get_text() for span in page.select(".article__lead .figure__number")]
    assert numbers == ["Figure 1", "Figure 2"]
    assert page.select_one("#figure-1 .figure__text").get_text() == "The ports"


def test_a_figure_needs_an_image_that_is_one_and_its_alt_text(signed_in):
    """No image, a file that is not an image, or no alt text: the figure is refused."""
    _editor, staff = signed_in(EDITORS)
    article = make_article()
    data = form_data(staff.get(change_url(article)), "article_form")
    new_figure(data, 0, **{**figure_fields(), "image": not_an_image(), "image_alt_en": ""})
    response = post(staff, article, data)
    assert response.status_code == 200
    errors = " ".join(li.get_text() for li in html(response).select(".errorlist li"))
    assert "not an image" in errors
    data = form_data(staff.get(change_url(article)), "article_form")
    new_figure(data, 0, **{**figure_fields(), "image_alt_en": ""})
    response = post(staff, article, data)
    assert response.status_code == 200
    assert "Describe the image in English" in html(response).select_one(".errorlist").get_text()
    assert not article.figures.exists()


def test_a_label_is_letters_digits_and_hyphens_once_per_article(signed_in):
    """A label with spaces or marks, or one the article already has, is refused."""
    _editor, staff = signed_in(EDITORS)
    article = make_article()
    make_figure(article, "map")
    for label in ("a map", "map!", "map"):
        data = form_data(staff.get(change_url(article)), "article_form")
        new_figure(data, 1, label=label, **figure_fields())
        response = post(staff, article, data)
        assert response.status_code == 200, label
        assert html(response).select(".errorlist"), label
    assert list(article.figures.values_list("label", flat=True)) == ["map"]


def test_the_inline_says_how_to_place_a_figure(signed_in):
    _editor, staff = signed_in(EDITORS)
    article = make_article()
    make_figure(article, "map")
    page = html(staff.get(change_url(article)))
    help_text = page.select_one("#figures-group").get_text(" ")
    assert "![label]" in help_text and "![map]" in help_text


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_mark_without_its_figure_is_saved_with_a_warning(signed_in, language):
    """The save goes through, and says in the editor's language which label is missing."""
    _editor, staff = signed_in(EDITORS)
    article = make_article()
    make_figure(article, "1")
    data = form_data(staff.get(change_url(article, language)), "article_form")
    data["lead_en"] = "Text.\n\n![1]\n\n![map]"
    response = staff.post(change_url(article, language), {**data, "_save": "Save"}, follow=True)
    article.refresh_from_db()
    assert article.lead_en == "Text.\n\n![1]\n\n![map]"
    messages = [li.get_text() for li in html(response).select(".messagelist li.warning")]
    assert [message for message in messages if WARNING[language] in message]
    # Once the figure exists, the save is quiet about it.
    make_figure(article, "map")
    data = form_data(staff.get(change_url(article, language)), "article_form")
    response = staff.post(change_url(article, language), {**data, "_save": "Save"}, follow=True)
    assert "![map]" not in html(response).select_one(".messagelist").get_text()


def test_a_translator_writes_only_the_other_languages_text_of_a_figure(signed_in):
    """A translator's forged changes to the image, label, order and original language are
    ignored; the other language's caption, credit and alt text are saved."""
    _translator, translator = signed_in(TRANSLATORS)
    article = make_article(original_language="ar")
    figure = make_figure(article, "map")
    before = Figure.objects.get(pk=figure.pk)
    data = form_data(translator.get(change_url(article)), "article_form")
    for name in ("image", "label", "position", "caption_ar", "image_alt_ar", "credit_ar"):
        assert f"figures-0-{name}" not in data
    data.update(
        {
            "figures-0-image": image_file(300, 200),
            "figures-0-label": "taken",
            "figures-0-position": "5",
            "figures-0-caption_ar": "Not allowed",
            "figures-0-image_alt_ar": "Not allowed",
            "figures-0-credit_ar": "Not allowed",
            "figures-0-caption_en": "The translated caption",
            "figures-0-image_alt_en": "The translated description",
            "figures-0-credit_en": "The translated credit",
        }
    )
    response = post(translator, article, data)
    assert response.status_code == 302, html(response).select(".errorlist")
    after = Figure.objects.get(pk=figure.pk)
    assert (after.image.name, after.label, after.position) == (
        before.image.name,
        "map",
        before.position,
    )
    assert (after.caption_ar, after.image_alt_ar, after.credit_ar) == (
        before.caption_ar,
        before.image_alt_ar,
        before.credit_ar,
    )
    assert (after.caption_en, after.image_alt_en, after.credit_en) == (
        "The translated caption",
        "The translated description",
        "The translated credit",
    )


def test_a_translator_cannot_add_or_delete_a_figure(signed_in):
    """A translator's forged new figure is not created, a forged delete deletes nothing."""
    _translator, translator = signed_in(TRANSLATORS)
    article = make_article(original_language="ar")
    figure = make_figure(article, "map")
    data = form_data(translator.get(change_url(article)), "article_form")
    data["figures-0-DELETE"] = "on"
    data["figures-1-id"] = ""
    data["figures-1-article"] = str(article.pk)
    new_figure(data, 1, label="forged", **figure_fields())
    response = post(translator, article, data)
    assert response.status_code in (200, 302, 403)
    assert list(article.figures.values_list("pk", flat=True)) == [figure.pk]


@pytest.mark.parametrize(("status", "may"), [(Status.DRAFT, True), (Status.PUBLISHED, False)])
def test_an_author_adds_figures_to_their_draft_only(signed_in, status, may):
    """As with sections: an author changes the figures of their own draft, not of their
    published article."""
    author, client = signed_in(AUTHORS)
    article = make_article(status=status, authors=[author_record_for(author)])
    make_figure(article, "map")
    # The page as an editor would post it: every field there, whatever the author sees.
    _editor, staff = signed_in(EDITORS)
    data = form_data(staff.get(change_url(article)), "article_form")
    data["figures-0-caption_en"] = "Changed by the author"
    new_figure(data, 1, label="chart", **figure_fields())
    response = post(client, article, data)
    figures = list(article.figures.values_list("label", "caption_en"))
    if may:
        assert response.status_code == 302, html(response).select(".errorlist")
        assert figures == [("map", "Changed by the author"), ("chart", "A chart")]
    else:
        assert response.status_code == 403
        assert figures == [("map", "Caption of figure 1")]


def test_history_keeps_figures_and_a_restore_brings_them_back(signed_in):
    """A saved version holds the article's figures; restoring it brings back a figure
    deleted since, and takes away one added since."""
    _editor, staff = signed_in(EDITORS)
    article = make_article(lead_en="Text.\n\n![map]")
    kept = make_figure(article, "map", caption_en="The first caption")
    assert (
        post(staff, article, form_data(staff.get(change_url(article)), "article_form")).status_code
        == 302
    )
    first = Version.objects.get_for_object(article).order_by("pk").first()
    assert {v.object_id for v in first.revision.version_set.all() if v._model is Figure} == {
        str(kept.pk)
    }

    data = form_data(staff.get(change_url(article)), "article_form")
    data["figures-0-DELETE"] = "on"
    new_figure(data, 1, label="chart", **figure_fields())
    data["figures-1-article"] = str(article.pk)
    assert post(staff, article, data).status_code == 302
    assert list(article.figures.values_list("label", flat=True)) == ["chart"]

    url = f"/en/admin/articles/article/{article.pk}/history/{first.pk}/"
    page = staff.get(url)
    response = staff.post(url, {**form_data(page, "article_form"), "_save": "Save"})
    assert response.status_code == 302, html(response).select(".errorlist")
    assert list(article.figures.values_list("pk", "label", "caption_en")) == [
        (kept.pk, "map", "The first caption")
    ]
