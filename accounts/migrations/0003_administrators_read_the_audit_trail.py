from django.contrib.auth.management import create_permissions
from django.db import migrations


def sync_roles(apps, schema_editor):
    # The audit trail's and django-axes' permissions are normally created after all
    # migrations have run; the Administrators group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    from accounts.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    """Administrators read the audit trail and unblock sign-ins in django-axes' admin."""

    dependencies = [
        ("accounts", "0002_audit_trail"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
