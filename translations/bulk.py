"""
The translation state of documents written in bulk (bench/'s seed_bench writes 100,000
articles with bulk_create(), which sends no signals), faster than `state.refresh()`.

It assesses each document as `refresh()` does (translations/state.py's `assess`), with
two savings that matter at that scale:

- it reads only the document's own columns that are not its search text and vectors
  (most of an article row's bytes), so a batch of 500 articles reads a few MB, not 20;
- it writes no fingerprints. A translated part without one is taken as matching its
  source (models.py), exactly as text written before this app was; the document's first
  refresh (its next save) writes them. What it writes is the same `TranslationState` rows.

Fingerprints already there (a benchmark's translations made out of date on purpose) are
read and count, as in `refresh()`.
"""

import collections

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from .models import Fingerprint, TranslationState
from .parts import document_for
from .state import BATCH, assess


def heavy_columns(model):
    """The model's text and vector columns that no one edits (the search app's): left
    unread, the parts never look at them."""
    return [
        field.name
        for field in model._meta.concrete_fields
        if not field.editable
        and (
            isinstance(field, models.TextField) or field.get_internal_type() == "SearchVectorField"
        )
    ]


def write_states(model, ids, *, batch_size=BATCH):
    """Assess the documents `ids` of `model` and write their state in every language.
    Returns how many states were written."""
    document = document_for(model)
    content_type = ContentType.objects.get_for_model(model)
    ids = sorted(set(ids))
    written = 0
    for start in range(0, len(ids), batch_size):
        written += _write_batch(document, content_type, ids[start : start + batch_size])
    return written


def _write_batch(document, content_type, ids):
    queryset = document.model._default_manager.filter(pk__in=ids).defer(
        *heavy_columns(document.model)
    )
    stored = collections.defaultdict(dict)
    for fingerprint in Fingerprint.objects.filter(document_type=content_type, document_id__in=ids):
        stored[fingerprint.document_id][(fingerprint.part, fingerprint.language)] = fingerprint
    states = []
    for obj in document.with_parts(queryset.order_by()):
        results, _writes = assess(document, obj, stored[obj.pk])
        for language, (source, state, missing, outdated) in results.items():
            states.append(
                TranslationState(
                    document_type=content_type,
                    document_id=obj.pk,
                    language=language,
                    source_language=source,
                    state=state,
                    missing=len(missing),
                    out_of_date=len(outdated),
                    missing_parts=missing,
                    out_of_date_parts=outdated,
                    document_changed_at=document.changed_at(obj),
                )
            )
    with transaction.atomic():
        TranslationState.objects.bulk_create(
            states,
            update_conflicts=True,
            unique_fields=["document_type", "document_id", "language"],
            update_fields=[
                "source_language",
                "state",
                "missing",
                "out_of_date",
                "missing_parts",
                "out_of_date_parts",
                "document_changed_at",
            ],
        )
    return len(states)
