import functools
import operator
import re
import unicodedata

import django.contrib.postgres.search
from django.contrib.postgres.search import SearchVector
from django.db import migrations, models
from django.db.models import F, Func, Prefetch, TextField, Value

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
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONJUNCTION = ("و", 3)
PREFIXES = (("بال", 2), ("كال", 2), ("فال", 2), ("لل", 2), ("ال", 2), ("ب", 3), ("ل", 3))
SEARCH_FIELDS = [
    f"search_{kind}_{code}" for kind in ("text", "document", "vector") for code in CONFIGS
]
AUTHOR_TEXT = ("honorific", "name", "position", "bio")


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


def clean(text):
    return CONTROL.sub("", text or "")


def chunks(values, size=500):
    values = list(values)
    return (values[start : start + size] for start in range(0, len(values), size))


def write_vectors(queryset, parts, schema_editor):
    """Each language's tsvector of its document, whose lines weigh A, B, C (PostgreSQL)."""
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
                for line, weight in zip(range(1, parts + 1), "ABCD", strict=False)
            ),
        )
    queryset.update(**vectors)


def article_texts(article, language):
    """(text for snippets, document) of an article in `language`."""

    def text(obj, name):
        return clean(getattr(obj, f"{name}_{language}"))

    body = [text(article, "lead")]
    for section in article.sections.all():
        body += [text(section, "heading"), text(section, "body")]
        for point in section.indications.all():
            body += [text(point, "title"), text(point, "body")]
        body.append(text(section, "closing"))
    bylines = [
        f"{text(author, 'honorific')} {text(author, 'name')}" for author in article.authors.all()
    ]
    document = [
        indexable(text(article, "kicker"), text(article, "title")),
        indexable(text(article, "summary"), *bylines),
        indexable(*body),
    ]
    return "\n\n".join(filter(None, [text(article, "summary"), *body])), "\n".join(document)


def build_author_documents(Author, schema_editor):
    fields = [f"{name}_{code}" for name in AUTHOR_TEXT for code in CONFIGS]
    authors = list(Author.objects.only(*fields))
    for author in authors:
        for code in CONFIGS:
            # The name (with its honorific) weighs more than the position and biography.
            name = indexable(*(getattr(author, f"{name}_{code}") for name in AUTHOR_TEXT[:2]))
            rest = indexable(*(getattr(author, f"{name}_{code}") for name in AUTHOR_TEXT[2:]))
            setattr(author, f"search_document_{code}", f"{name}\n{rest}")
    Author.objects.bulk_update(
        authors, [f"search_document_{code}" for code in CONFIGS], batch_size=100
    )
    write_vectors(Author.objects.filter(pk__in=[a.pk for a in authors]), 2, schema_editor)


def build_article_documents(Article, Author, schema_editor):
    texts = [f"search_{kind}_{code}" for kind in ("text", "document") for code in CONFIGS]
    for chunk in chunks(Article.objects.values_list("pk", flat=True)):
        articles = list(
            Article.objects.filter(pk__in=chunk)
            .defer(*SEARCH_FIELDS)
            .prefetch_related(
                "sections__indications",
                Prefetch(
                    "authors", Author.objects.order_by("authorship__position", "authorship__pk")
                ),
            )
        )
        for article in articles:
            for code in CONFIGS:
                text, document = article_texts(article, code)
                setattr(article, f"search_text_{code}", text)
                setattr(article, f"search_document_{code}", document)
        Article.objects.bulk_update(articles, texts, batch_size=100)
        write_vectors(Article.objects.filter(pk__in=chunk), 3, schema_editor)


def build_documents(apps, schema_editor):
    """Index what is already there; from now on signals keep the documents current."""
    Author = apps.get_model("articles", "Author")
    build_author_documents(Author, schema_editor)
    build_article_documents(apps.get_model("articles", "Article"), Author, schema_editor)


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
            index=search.indexes.SearchIndex(
                fields=["search_vector_ar"], name="article_search_ar"
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=search.indexes.SearchIndex(
                fields=["search_vector_en"], name="article_search_en"
            ),
        ),
        migrations.RunPython(build_documents, migrations.RunPython.noop, elidable=True),
    ]
