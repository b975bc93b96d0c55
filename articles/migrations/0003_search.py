import django.contrib.postgres.search
from django.db import migrations, models

import thinktank.search


def build_documents(apps, schema_editor):
    """Index what is already there; from now on signals keep the documents current."""
    thinktank.search.rebuild_authors(apps.get_model("articles", "Author").objects.all())
    thinktank.search.rebuild_articles(apps.get_model("articles", "Article").objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_workflow"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_document_ar",
            field=models.TextField(blank=True, editable=False, verbose_name="search document"),
        ),
        migrations.AddField(
            model_name="article",
            name="search_document_en",
            field=models.TextField(blank=True, editable=False, verbose_name="search document"),
        ),
        migrations.AddField(
            model_name="article",
            name="search_text_ar",
            field=models.TextField(blank=True, editable=False, verbose_name="search text"),
        ),
        migrations.AddField(
            model_name="article",
            name="search_text_en",
            field=models.TextField(blank=True, editable=False, verbose_name="search text"),
        ),
        migrations.AddField(
            model_name="article",
            name="search_vector_ar",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, verbose_name="search vector"
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="search_vector_en",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, verbose_name="search vector"
            ),
        ),
        migrations.AddField(
            model_name="author",
            name="search_document_ar",
            field=models.TextField(blank=True, editable=False, verbose_name="search document"),
        ),
        migrations.AddField(
            model_name="author",
            name="search_document_en",
            field=models.TextField(blank=True, editable=False, verbose_name="search document"),
        ),
        migrations.AddField(
            model_name="author",
            name="search_vector_ar",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, verbose_name="search vector"
            ),
        ),
        migrations.AddField(
            model_name="author",
            name="search_vector_en",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, verbose_name="search vector"
            ),
        ),
        # A GIN index on PostgreSQL, a plain one elsewhere (see SearchIndex).
        migrations.AddIndex(
            model_name="article",
            index=thinktank.search.SearchIndex(
                fields=["search_vector_ar"], name="article_search_ar"
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=thinktank.search.SearchIndex(
                fields=["search_vector_en"], name="article_search_en"
            ),
        ),
        migrations.RunPython(build_documents, migrations.RunPython.noop, elidable=True),
    ]
