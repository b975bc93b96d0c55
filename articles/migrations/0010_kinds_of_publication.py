from django.db import migrations

# The kinds a think-tank publishes, as this migration makes them (frozen: a later change
# of names is an editor's, in the admin).
KINDS = [
    ("analyses", "تحليلات", "Analyses"),
    ("studies", "دراسات", "Studies"),
    ("reports", "تقارير", "Reports"),
    ("commentary", "آراء", "Commentary"),
    ("books", "كتب", "Books"),
]


def create_kinds(apps, schema_editor):
    """The five kinds; every article written so far is an analysis."""
    Kind = apps.get_model("articles", "Kind")
    Article = apps.get_model("articles", "Article")
    for position, (slug, name_ar, name_en) in enumerate(KINDS):
        # The untranslated column is modeltranslation's mirror of the default language.
        Kind.objects.get_or_create(
            slug=slug,
            defaults={"name": name_ar, "name_ar": name_ar, "name_en": name_en, "position": position},
        )
    analyses = Kind.objects.get(slug="analyses")
    Article.objects.filter(kind__isnull=True).update(kind=analyses)


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_kind")]

    operations = [migrations.RunPython(create_kinds, migrations.RunPython.noop)]
