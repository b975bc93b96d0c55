import functools
import operator
import re
import unicodedata

import django.contrib.postgres.search
from django.contrib.postgres.search import SearchVector
from django.db import migrations, models
from django.db.models import F, Func, TextField, Value

import search.indexes

# The search documents as they were built when this migration was written, frozen here so
# that it builds the same documents whatever the search app later becomes. The search app
# rebuilds a row's documents at its next save in whatever form it then uses.

CONFIGS = {"ar": "arabic", "en": "english"}
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
MARK = re.compile(f"[{MARKS}]")
LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        **{chr(0x0660 + n): str(n) for n in range(10)},
        **{chr(0x06F0 + n): str(n) for n in range(10)},
    }
)
WORD = re.compile(r"[^\W_]+")
ARABIC = re.compile("[\u0600-\u06ff]")
CONJUNCTION = ("و", 3)
PREFIXES = (("بال", 2), ("كال", 2), ("فال", 2), ("لل", 2), ("ال", 2), ("ب", 3), ("ل", 3))
NEWS_TEXT = ("headline", "body")


def normalise(text):
    text = unicodedata.normalize("NFKC", text or "")
    return MARK.sub("", text).translate(LETTERS).casefold()


@functools.lru_cache(maxsize=200_000)
def variants(word):
    if not ARABIC.search(word):
        return (word,)
    forms = [word]
    prefix, keep = CONJUNCTION
    if word.startswith(prefix) and len(word) - len(prefix) >= keep:
        word = word[len(prefix) :]
        forms.append(word)
    for prefix, keep in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= keep:
            forms.append(word[len(prefix) :])
            break
    return tuple(forms)


def indexable(*texts):
    return " ".join(
        form for text in texts for word in WORD.findall(normalise(text)) for form in variants(word)
    )


def write_vectors(queryset, schema_editor):
    """Each language's tsvector of its document: the headline line A, the text B (PostgreSQL)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    vectors = {}
    for code, config in CONFIGS.items():
        vectors[f"search_vector_{code}"] = functools.reduce(
            operator.add,
            (
                SearchVector(
                    Func(
                        F(f"search_document_{code}"),
                        Value("\n"),
                        Value(line),
                        function="split_part",
                        output_field=TextField(),
                    ),
                    config=config,
                    weight=weight,
                )
                for line, weight in ((1, "A"), (2, "B"))
            ),
        )
    queryset.update(**vectors)


def build_documents(apps, schema_editor):
    """Index what is already there; from now on signals keep the documents current."""
    NewsItem = apps.get_model("news", "NewsItem")
    items = list(NewsItem.objects.only(*(f"{name}_{code}" for name in NEWS_TEXT for code in CONFIGS)))
    for item in items:
        for code in CONFIGS:
            lines = (indexable(getattr(item, f"{name}_{code}")) for name in NEWS_TEXT)
            setattr(item, f"search_document_{code}", "\n".join(lines))
    NewsItem.objects.bulk_update(
        items, [f"search_document_{code}" for code in CONFIGS], batch_size=100
    )
    write_vectors(NewsItem.objects.filter(pk__in=[item.pk for item in items]), schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ("news", "0002_workflow"),
    ]

    operations = [
        migrations.AddField(
            model_name="newsitem",
            name="search_document_ar",
            field=models.TextField(blank=True, editable=False, verbose_name="search document"),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="search_document_en",
            field=models.TextField(blank=True, editable=False, verbose_name="search document"),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="search_vector_ar",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, verbose_name="search vector"
            ),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="search_vector_en",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, verbose_name="search vector"
            ),
        ),
        # A GIN index on PostgreSQL, a plain one elsewhere (see SearchIndex).
        migrations.AddIndex(
            model_name="newsitem",
            index=search.indexes.SearchIndex(fields=["search_vector_ar"], name="newsitem_search_ar"),
        ),
        migrations.AddIndex(
            model_name="newsitem",
            index=search.indexes.SearchIndex(fields=["search_vector_en"], name="newsitem_search_en"),
        ),
        migrations.RunPython(build_documents, migrations.RunPython.noop, elidable=True),
    ]
