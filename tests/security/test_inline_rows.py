"""
Every inline row posted on an admin change page is a row of the object on that page. A
forged id of another object's row, at any nesting level, is a form error or a refusal,
and no other object's rows change; a collision with a unique constraint is a form error.
"""

import pytest
from django.contrib import admin
from django.db import connection, transaction
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from accounts.roles import AUTHORS, EDITORS, TRANSLATORS
from articles.admin import author_record_for
from articles.models import Article, Authorship, Figure, Indication, Section, Status
from news.models import NewsItem
from publications.models import Issue, IssueEntry
from tests.admin_forms import form_data
from tests.factories import make_article, make_author, make_figure, make_news
from tests.publications.factories import make_issue

OWN_AUTHOR = "own author"
ROLES = [OWN_AUTHOR, TRANSLATORS, EDITORS]


def article_scene(user):
    """The article the user edits (a draft of theirs) and another, published one, each
    with its figures."""
    own = make_article(status=Status.DRAFT, sections=2, points=2, authors=[author_record_for(user)])
    other = make_article(sections=2, points=2, authors=[make_author(), make_author()])
    for article in (own, other):
        make_figure(article, "1")
        make_figure(article, "map")
    make_news(article=other)
    return own, other


def issue_scene(user):
    """The issue the user edits and another of the same series, each with two entries in
    its contents (an author may only look at the first: their post is refused whole)."""
    own = make_issue(entries=[make_article(), make_article()])
    other = make_issue(own.series, entries=[make_article(), make_article()])
    return own, other


# Every admin page with inlines, and how to make one object of its model for the user to
# edit and another that must stay untouched. A new page with inlines must be added here.
SCENES = {Article: article_scene, Issue: issue_scene}


def pages_with_inlines():
    return [model for model, model_admin in admin.site._registry.items() if model_admin.inlines]


def change_url(obj, language="en"):
    opts = obj._meta
    return f"/{language}/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/"


def everything_but(own):
    """A fingerprint of every row that does not belong to `own` (an article or an issue):
    other articles, their sections, points, bylines and figures, the center news, other
    issues and their contents."""
    excluded = {"search_document_ar", "search_document_en", "search_vector_ar", "search_vector_en"}

    def rows(queryset):
        names = [f.attname for f in queryset.model._meta.concrete_fields if f.name not in excluded]
        return list(queryset.order_by("pk").values_list(*names))

    # exclude(…=None) keeps every row: nothing of another kind belongs to `own`.
    article = own if isinstance(own, Article) else None
    issue = own if isinstance(own, Issue) else None
    return (
        rows(Article.objects.exclude(pk=article.pk if article else None)),
        rows(Section.objects.exclude(article=article)),
        rows(Indication.objects.exclude(section__article=article)),
        rows(Authorship.objects.exclude(article=article)),
        rows(Figure.objects.exclude(article=article)),
        rows(NewsItem.objects.all()),
        rows(Issue.objects.exclude(pk=issue.pk if issue else None)),
        rows(IssueEntry.objects.exclude(issue=issue)),
    )


def formset_prefixes(data):
    """The prefix of every formset in the posted data, nested ones included."""
    return sorted(
        key.removesuffix("-TOTAL_FORMS")
        for key in data
        # "-empty-": the template nested_admin copies for a new row, not a formset of rows.
        if key.endswith("-TOTAL_FORMS") and "-empty-" not in key
    )


def formset_model(root_model, prefix):
    """The model of the formset with this prefix ("sections-0-indications": Indication),
    and the lookup from its rows up to the root ("section__article")."""
    model, path = root_model, []
    for segment in prefix.split("-"):
        if segment.isdigit():
            continue
        relation = next(
            rel for rel in model._meta.related_objects if rel.get_accessor_name() == segment
        )
        path.insert(0, relation.field.name)
        model = relation.related_model
    return model, "__".join(path)


def forge(data, prefix, row_pk, mode):
    """Add to (or, with "swap", change in) the formset at `prefix` one form naming `row_pk`."""
    data = dict(data)
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    assert total == int(data[f"{prefix}-INITIAL_FORMS"]), "empty extra forms in the page"
    if mode == "swap":
        data[f"{prefix}-0-id"] = str(row_pk)
        return data
    sibling = f"{prefix}-0-"
    for key, value in list(data.items()):
        if not key.startswith(sibling):
            continue
        rest = key.removeprefix(sibling)
        new_key = f"{prefix}-{total}-{rest}"
        if "-" not in rest:
            data[new_key] = value
        elif rest.endswith(("-TOTAL_FORMS", "-INITIAL_FORMS")):
            data[new_key] = "0"  # the forged row's own nested forms: none
        elif rest.endswith(("-MIN_NUM_FORMS", "-MAX_NUM_FORMS")):
            data[new_key] = value
    data[f"{prefix}-{total}-id"] = str(row_pk)
    for key in list(data):
        if key.startswith(f"{prefix}-{total}-") and key.endswith("_en") and "-" not in key[-4:]:
            data[key] = "Taken over by a forged form"
    if f"{prefix}-{total}-position" in data:
        data[f"{prefix}-{total}-position"] = str(total)
    if mode == "delete":
        data[f"{prefix}-{total}-DELETE"] = "on"
    data[f"{prefix}-TOTAL_FORMS"] = str(total + 1)
    data[f"{prefix}-INITIAL_FORMS"] = str(total + 1)
    return data


@pytest.fixture
def actor(db, make_staff, media_root):
    """A signed-in client for a role, and the user behind it (the scenes' figures are
    uploaded to the test's own media folder)."""

    def build(role):
        user = make_staff(AUTHORS if role == OWN_AUTHOR else role)
        client = Client()
        client.force_login(user)
        return user, client

    return build


def check_deferred_constraints():
    """Deferred unique constraints are checked at commit, which a test never reaches: check
    them now, as the end of the request's transaction would."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def test_every_admin_page_with_inlines_is_walked():
    """A new admin page with inlines cannot escape the walk below."""
    assert set(pages_with_inlines()) <= set(SCENES)


@pytest.mark.parametrize("mode", ["edit", "delete", "swap"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", list(SCENES), ids=lambda model: model.__name__)
def test_a_forged_row_of_another_object_changes_nothing(actor, model, role, mode):
    """At every nesting level, an id from another parent is refused and nothing changes."""
    user, client = actor(role)
    own, other = SCENES[model](user)
    page = client.get(change_url(own))
    assert page.status_code == 200
    data = {**form_data(page, f"{model._meta.model_name}_form"), "_save": "Save"}
    prefixes = formset_prefixes(data)
    assert prefixes, "the page has no inline forms to forge"
    for prefix in prefixes:
        row_model, lookup = formset_model(model, prefix)
        victim = row_model._default_manager.filter(**{lookup: other}).first()
        assert victim is not None, f"the other {model.__name__} has no {row_model.__name__}"
        before = everything_but(own)
        response = client.post(change_url(own), forge(data, prefix, victim.pk, mode))
        check_deferred_constraints()
        assert response.status_code in (200, 403), (prefix, response.status_code)
        if response.status_code == 200:
            assert b"errornote" in response.content or b"errorlist" in response.content, prefix
        assert everything_but(own) == before, prefix


def test_moving_a_point_between_sections_of_the_same_article_still_works(actor):
    """Rows may still move between parents inside the object on the page."""
    _user, client = actor(EDITORS)
    article = make_article(sections=2, points=2)
    data = {**form_data(client.get(change_url(article)), "article_form"), "_save": "Save"}
    moving = Indication.objects.get(pk=data["sections-0-indications-1-id"])
    # The browser posts a moved point under its new section's prefix.
    for field in ("id", "position", "title_ar", "title_en", "body_ar", "body_en"):
        data[f"sections-1-indications-2-{field}"] = data.pop(f"sections-0-indications-1-{field}")
    data["sections-1-indications-2-section"] = data["sections-1-id"]
    data.pop("sections-0-indications-1-section", None)
    data["sections-0-indications-TOTAL_FORMS"] = data["sections-0-indications-INITIAL_FORMS"] = "1"
    data["sections-1-indications-TOTAL_FORMS"] = data["sections-1-indications-INITIAL_FORMS"] = "3"
    response = client.post(change_url(article), data)
    assert response.status_code == 302
    moving.refresh_from_db()
    assert moving.section_id == int(data["sections-1-id"])


def test_two_bylines_for_the_same_author_are_a_form_error(actor):
    """A unique constraint met by a forged form is an error on the page, not a 500."""
    _user, client = actor(EDITORS)
    author = make_author()
    article = make_article(authors=[author])
    data = {**form_data(client.get(change_url(article)), "article_form"), "_save": "Save"}
    data.update(
        {
            "authorship_set-TOTAL_FORMS": "2",
            "authorship_set-1-author": str(author.pk),
            "authorship_set-1-position": "1",
            "authorship_set-1-article": str(article.pk),
        }
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert b"errorlist" in response.content
    assert article.authorship_set.count() == 1


def test_a_post_that_leaves_out_rows_keeps_positions_distinct(actor):
    """Rows missing from a forged post keep their places; positions never collide."""
    _user, client = actor(EDITORS)
    article = make_article(sections=3, points=0)
    data = {**form_data(client.get(change_url(article)), "article_form"), "_save": "Save"}
    # Only the last section is posted, claiming the first place.
    for field in ("id", "article", "heading_ar", "heading_en", "body_ar", "body_en"):
        data[f"sections-0-{field}"] = data[f"sections-2-{field}"]
    for index in (1, 2):
        for key in [k for k in data if k.startswith(f"sections-{index}-")]:
            del data[key]
    data["sections-TOTAL_FORMS"] = data["sections-INITIAL_FORMS"] = "1"
    data["sections-0-position"] = "0"
    response = client.post(change_url(article), data)
    assert response.status_code == 302
    check_deferred_constraints()
    positions = list(article.sections.values_list("position", flat=True))
    assert sorted(positions) == [0, 1, 2]


BOUNDED = hypothesis_settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@BOUNDED
@given(data=st.data())
def test_random_extra_inline_forms_from_an_author_touch_nothing_else(actor, data):
    """Whatever extra forms and ids an author adds to their own draft's post, other
    articles, their rows and the center news stay as they were, and nothing fails."""
    # Each example in a transaction of its own, rolled back: the next starts afresh.
    with transaction.atomic():
        user, client = actor(OWN_AUTHOR)
        own, other = article_scene(user)
        posted = {**form_data(client.get(change_url(own)), "article_form"), "_save": "Save"}
        rows_of = {
            "sections": lambda article: article.sections.all(),
            "indications": lambda article: Indication.objects.filter(section__article=article),
            "authorship_set": lambda article: article.authorship_set.all(),
            "figures": lambda article: article.figures.all(),
        }
        ids = {kind: [row.pk for row in rows(other)] for kind, rows in rows_of.items()}
        own_ids = {kind: [row.pk for row in rows(own)] for kind, rows in rows_of.items()}
        for prefix in data.draw(st.lists(st.sampled_from(formset_prefixes(posted)), max_size=4)):
            kind = prefix.rsplit("-", 1)[-1]
            row = data.draw(
                st.one_of(
                    st.sampled_from(ids[kind]),
                    st.sampled_from(own_ids[kind]),
                    st.integers(min_value=-5, max_value=10**12),
                    st.sampled_from(["", "x", "1.5", "٣"]),
                )
            )
            mode = data.draw(st.sampled_from(["edit", "delete", "swap"]))
            total = posted[f"{prefix}-TOTAL_FORMS"]
            if total != posted[f"{prefix}-INITIAL_FORMS"] or f"{prefix}-0-id" not in posted:
                continue
            posted = forge(posted, prefix, row, mode)
        before = everything_but(own)
        response = client.post(change_url(own), posted)
        check_deferred_constraints()
        assert response.status_code in (200, 302, 403)
        assert everything_but(own) == before
        transaction.set_rollback(True)
