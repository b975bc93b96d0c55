"""
The staff roles, as Django groups, and the permissions each one carries.

The admin enforces what the permissions allow; the finer rules that depend on the
article (an author's own drafts, a translator's other language) are in
articles/permissions.py. Changing a role's permissions here takes a new migration with
the new mapping written out in it (migrations are frozen: see accounts/migrations/0003);
tests/accounts/test_roles.py fails until the newest one agrees with this file.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

AUTHORS = "Authors"
TRANSLATORS = "Translators"
EDITORS = "Editors"
ADMINISTRATORS = "Administrators"

ROLE_LABELS = {
    AUTHORS: _("Author: writes analyses, submits them for review"),
    TRANSLATORS: _("Translator: translates analyses and periodicals into their other language"),
    EDITORS: _("Editor: reviews, publishes, manages authors, topics, kinds, news and periodicals"),
    ADMINISTRATORS: _("Administrator: manages staff accounts and roles"),
}

# A role's short name, where roles are listed (the users' column and filter, the audit
# trail, the groups): the group names above are data, in English.
ROLE_NAMES = {
    AUTHORS: pgettext_lazy("role", "Author"),
    TRANSLATORS: pgettext_lazy("role", "Translator"),
    EDITORS: pgettext_lazy("role", "Editor"),
    ADMINISTRATORS: pgettext_lazy("role", "Administrator"),
}


def _crud(app_model, *actions):
    app, model = app_model.split(".")
    return [f"{app}.{action}_{model}" for action in actions]


ALL = ("add", "change", "delete", "view")
_ARTICLE_PARTS = (
    "articles.section",
    "articles.indication",
    "articles.authorship",
    "articles.figure",
)

ROLE_PERMISSIONS = {
    AUTHORS: [
        *_crud("articles.article", *ALL),
        *(perm for part in _ARTICLE_PARTS for perm in _crud(part, *ALL)),
        "articles.view_author",
        "articles.view_topic",
        "articles.view_kind",
        # Which issue an article of theirs appears in; the issues are the editors'.
        "publications.view_series",
        "publications.view_issue",
        "publications.view_issueentry",
    ],
    TRANSLATORS: [
        "articles.translate_article",
        *_crud("articles.article", "change", "view"),
        *_crud("articles.section", "change", "view"),
        *_crud("articles.indication", "change", "view"),
        # A figure's caption, credit and alt text in the other language; never its image.
        *_crud("articles.figure", "change", "view"),
        "articles.view_authorship",
        "articles.view_author",
        "articles.view_topic",
        "articles.view_kind",
        # A series' and an issue's text in the other language: names, description, theme,
        # summary, the parts of the contents, the covers' alt text.
        "publications.translate_issue",
        *_crud("publications.series", "change", "view"),
        *_crud("publications.issue", "change", "view"),
        *_crud("publications.issueentry", "change", "view"),
    ],
    EDITORS: [
        "articles.publish_article",
        "articles.translate_article",
        *_crud("articles.article", *ALL),
        *(perm for part in _ARTICLE_PARTS for perm in _crud(part, *ALL)),
        *_crud("articles.author", *ALL),
        *_crud("articles.topic", *ALL),
        *_crud("articles.kind", *ALL),
        "news.publish_newsitem",
        *_crud("news.newsitem", *ALL),
        "publications.publish_issue",
        "publications.translate_issue",
        *_crud("publications.series", *ALL),
        *_crud("publications.issue", *ALL),
        *_crud("publications.issueentry", *ALL),
    ],
    ADMINISTRATORS: [
        *_crud("auth.user", *ALL),
        "auth.view_group",
        "admin.view_logentry",
        "accounts.view_auditevent",
        # django-axes' records of failed sign-ins; deleting an attempt unblocks its user
        # name or address before the cool-off ends.
        *_crud("axes.accessattempt", "view", "delete"),
        "axes.view_accessfailurelog",
        "axes.view_accesslog",
    ],
}


def sync_roles(apps):
    """
    Create the role groups and give each exactly its permissions (used by migrations).

    A migration runs this with the roles as they are written today, possibly before the
    models of some permissions exist on a new database: those are left out, and the
    migration that follows the one creating them runs this again.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted += Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            )
        group.permissions.set(wanted)
