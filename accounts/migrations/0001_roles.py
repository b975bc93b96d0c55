from django.contrib.auth.management import create_permissions
from django.db import migrations

# The roles and their permissions as this migration made them, frozen (see 0003).
_PARTS = ("articles.section", "articles.indication", "articles.authorship")
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
    ],
    "Translators": [
        "articles.translate_article",
        *_crud("articles.article", "change", "view"),
        *_crud("articles.section", "change", "view"),
        *_crud("articles.indication", "change", "view"),
        "articles.view_authorship",
        "articles.view_author",
        "articles.view_topic",
    ],
    "Editors": [
        "articles.publish_article",
        "articles.translate_article",
        *_crud("articles.article", *_ALL),
        *(perm for part in _PARTS for perm in _crud(part, *_ALL)),
        *_crud("articles.author", *_ALL),
        *_crud("articles.topic", *_ALL),
        "news.publish_newsitem",
        *_crud("news.newsitem", *_ALL),
    ],
    "Administrators": [*_crud("auth.user", *_ALL), "auth.view_group", "admin.view_logentry"],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations have run; the groups need
    # them now.
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
    dependencies = [
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("articles", "0002_workflow"),
        ("news", "0002_workflow"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
