"""
Revisions (django-reversion) of a series, and of an issue with its table of contents.

Registered from publications/admin.py, before the admin classes, as articles/revisions.py
does for articles: VersionAdmin would otherwise register the models itself without
following an issue's entries, and by then modeltranslation has added the per-language
fields (theme_ar, theme_en, …), so that they are in each revision.
"""

import reversion
from django.apps import apps
from modeltranslation.translator import translator


def register(model_name, follow=(), exclude=()):
    model = apps.get_model("publications", model_name)
    # The fields the per-language ones stand in for (theme, …) are left out: restoring
    # them would write into whatever language happens to be active. So are the search
    # columns, rebuilt from the text whenever it is saved.
    originals = list(translator.get_options_for_model(model).fields)
    searched = list(model.searchable.columns) if hasattr(model, "searchable") else []
    reversion.register(model, follow=follow, exclude=[*originals, *searched, *exclude])


def register_publications():
    register("Series")
    # The edit counter is left out: restoring an old revision must not wind it back.
    register("Issue", follow=["entries"], exclude=["edit_version"])
    register("IssueEntry")
