from django.contrib.auth.management import create_permissions
from django.db import migrations

# The roles' permissions as this migration gives them, frozen: a later change to
# accounts/roles.py comes with a migration of its own (tests/accounts/test_roles.py checks
# that the newest one agrees with it).
_PARTS = ("articles.section", "articles.indication", "articles.authorship", "articles.figure")
_ALL = ("add", "change", "delete", "view")


def _crud(app_model, *actions):
    app, model = app_model.split(".")
    return [f"{app}.{action}_{model}" for action in actions]


ROLE_PERMISSIONS = {
    "Authors": [
        *_crud("articles.article", *_ALL),
        *(perm for part in _PARTS for perm in _crud(part, *_ALL)),
        "articles.view_author",
        "articles.view_topic",
        "articles.view_kind",
        "publications.view_series",
        "publications.view_issue",
        "publications.view_issueentry",
    ],
    "Translators": [
        "articles.translate_article",
        *_crud("articles.article", "change", "view"),
        *_crud("articles.section", "change", "view"),
        *_crud("articles.indication", "change", "view"),
        *_crud("articles.figure", "change", "view"),
        "articles.view_authorship",
        "articles.view_author",
        "articles.view_topic",
        "articles.view_kind",
        "publications.translate_issue",
        *_crud("publications.series", "change", "view"),
        *_crud("publications.issue", "change", "view"),
        *_crud("publications.issueentry", "change", "view"),
    ],
    "Editors": [
        "articles.publish_article",
        "articles.translate_article",
        *_crud("articles.article", *_ALL),
        *(perm for part in _PARTS for perm in _crud(part, *_ALL)),
        *_crud("articles.author", *_ALL),
        *_crud("articles.topic", *_ALL),
        *_crud("articles.kind", *_ALL),
        "news.publish_newsitem",
        *_crud("news.newsitem", *_ALL),
        "publications.publish_issue",
        "publications.translate_issue",
        *_crud("publications.series", *_ALL),
        *_crud("publications.issue", *_ALL),
        *_crud("publications.issueentry", *_ALL),
    ],
    "Administrators": [
        *_crud("auth.user", *_ALL),
        "auth.view_group",
        "admin.view_logentry",
        "accounts.view_auditevent",
        *_crud("axes.accessattempt", "view", "delete"),
        "axes.view_accessfailurelog",
        "axes.view_accesslog",
    ],
}


def sync_roles(apps, schema_editor):
    # The audit trail's and django-axes' permissions are normally created after all
    # migrations have run; the Administrators group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
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


class Migration(migrations.Migration):
    """Editors manage series and issues; translators translate them; authors see them."""

    dependencies = [
        ("accounts", "0005_kinds_of_publication"),
        ("publications", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
