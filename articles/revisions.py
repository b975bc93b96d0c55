"""
Revisions (django-reversion) of an article with its sections, their points, its byline
and its figures.

Registered from articles/admin.py, before the admin classes: the admin is where revisions
are made, VersionAdmin would otherwise register the models itself without following the
points nested in sections, and by then modeltranslation has added the per-language
fields (title_ar, title_en, …), so that they are in each revision.
"""

import reversion
from django.apps import apps
from modeltranslation.translator import translator


def register(model_name, follow=(), exclude=()):
    model = apps.get_model("articles", model_name)
    # The fields the per-language ones stand in for (title, …) are left out: restoring
    # them would write into whatever language happens to be active.
    originals = list(translator.get_options_for_model(model).fields)
    reversion.register(model, follow=follow, exclude=[*originals, *exclude])


def register_articles():
    # The edit counter is left out: restoring an old revision must not wind it back. So
    # are the search columns, which are rebuilt from the text whenever it is saved.
    register(
        "Article",
        follow=["sections", "authorship_set", "figures"],
        exclude=["edit_version", *apps.get_model("articles", "Article").searchable.columns],
    )
    register("Section", follow=["indications"])
    register("Indication")
    register("Figure")
    reversion.register(apps.get_model("articles", "Authorship"))
