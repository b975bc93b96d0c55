"""
Keeping the translation state current (see models.py for what the states mean).

`refresh(model, ids)` recomputes the state of those documents in every language from
their parts and fingerprints, in a fixed number of queries per batch. Signals note the
documents a save or a delete touches (an article when one of its points changes), and
each is refreshed once, when the transaction that changed it commits: the admin saves an
article and then its sections and points in formsets, an import or a restore writes them
in any order, and at commit everything is there. Code that writes with bulk_create() or
update(), which send no signals, calls `documents_changed()` or `refresh()` itself.
"""

import collections
import hashlib

from asgiref.local import Local
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import post_delete, post_save

from .models import Fingerprint, TranslationState
from .parts import LANGUAGE_CODES, document_for, documents

State = TranslationState.State
BATCH = 500


def normalised(text):
    """Text as compared: line endings and runs of spaces do not make a change."""
    return "\n\n".join(" ".join(block.split()) for block in (text or "").split("\n\n")).strip()


def digest(text):
    return hashlib.sha256(normalised(text).encode()).hexdigest()


def assess(document, obj, stored):
    """
    The state of `obj` in each language, from its parts and its fingerprints (`stored`:
    {(part, language): Fingerprint}): ({language: (state, missing keys, outdated keys)},
    fingerprints to write). A translation saved since its fingerprint (its digest changed)
    takes the source as it is now.
    """
    source = document.source_language(obj)
    parts = list(document.parts(obj))
    results, writes = {}, []
    for language in LANGUAGE_CODES:
        missing, outdated = [], []
        for part in parts:
            source_text, target_text = part.text(source), part.text(language)
            if language == source:
                # The source language misses what only a translation has.
                if not normalised(source_text) and any(
                    normalised(part.text(other)) for other in LANGUAGE_CODES if other != source
                ):
                    missing.append(part.key)
                continue
            if not normalised(source_text):
                continue  # nothing to translate
            if not normalised(target_text):
                missing.append(part.key)
                continue
            found = stored.get((part.key, language))
            target_digest = digest(target_text)
            if found is None or found.target_digest != target_digest:
                writes.append((part.key, language, source_text, target_digest))
            elif normalised(found.source_text) != normalised(source_text):
                outdated.append(part.key)
        state = State.MISSING if missing else State.OUT_OF_DATE if outdated else State.COMPLETE
        results[language] = (source, state, missing, outdated)
    return results, writes


def refresh(model, ids):
    """Recompute the translation state of these `model` rows (ids) in every language."""
    document = document_for(model)
    if document is None:
        return
    content_type = ContentType.objects.get_for_model(model)
    ids = sorted(set(ids))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        _refresh_batch(document, content_type, batch)


def _refresh_batch(document, content_type, ids):
    objects = list(document.with_parts(document.model._default_manager.filter(pk__in=ids)))
    stored = collections.defaultdict(dict)
    for fingerprint in Fingerprint.objects.filter(document_type=content_type, document_id__in=ids):
        stored[fingerprint.document_id][(fingerprint.part, fingerprint.language)] = fingerprint
    states, new, changed, keep = [], [], [], collections.defaultdict(set)
    for obj in objects:
        results, writes = assess(document, obj, stored[obj.pk])
        keep[obj.pk] = {part.key for part in document.parts(obj)}
        for key, language, source_text, target_digest in writes:
            found = stored[obj.pk].get((key, language))
            if found is None:
                new.append(
                    Fingerprint(
                        document_type=content_type,
                        document_id=obj.pk,
                        part=key,
                        language=language,
                        source_text=source_text,
                        target_digest=target_digest,
                    )
                )
            else:
                found.source_text, found.target_digest = source_text, target_digest
                changed.append(found)
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
    gone = [
        fingerprint.pk
        for document_id, found in stored.items()
        for (key, _language), fingerprint in found.items()
        if key not in keep.get(document_id, ())
    ]
    with transaction.atomic():
        if gone:
            Fingerprint.objects.filter(pk__in=gone).delete()
        Fingerprint.objects.bulk_create(new)
        Fingerprint.objects.bulk_update(changed, ["source_text", "target_digest", "saved_at"])
        # Documents deleted meanwhile have no state left.
        found_ids = {obj.pk for obj in objects}
        TranslationState.objects.filter(document_type=content_type, document_id__in=ids).exclude(
            document_id__in=found_ids
        ).delete()
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


def confirm(obj, keys, language):
    """Say that the translations of these parts still match their source as it is now
    (the source changed in a way that needs no new translation)."""
    document = document_for(type(obj))
    content_type = ContentType.objects.get_for_model(type(obj))
    for part in document.parts(obj):
        if part.key in keys and normalised(part.text(language)):
            Fingerprint.objects.update_or_create(
                document_type=content_type,
                document_id=obj.pk,
                part=part.key,
                language=language,
                defaults={
                    "source_text": part.text(document.source_language(obj)),
                    "target_digest": digest(part.text(language)),
                },
            )
    refresh(type(obj), [obj.pk])


# Refreshing at commit

_changed = Local()


def documents_changed(model, ids, *, using=DEFAULT_DB_ALIAS, row_model=None):
    """Refresh these documents' state when the transaction commits (at once outside one).
    With `row_model`, `ids` are the links of such rows to their documents, resolved then
    (a point names its section, whose article is the document)."""
    waiting = getattr(_changed, using, None)
    if waiting is None:
        waiting = collections.defaultdict(set)
        setattr(_changed, using, waiting)
    waiting[(model, row_model or model)].update(ids)

    def refresh_changed_translation_states():
        pending = getattr(_changed, using, None)
        setattr(_changed, using, None)
        stale = collections.defaultdict(set)
        for (document_model, rows), links in (pending or {}).items():
            stale[document_model] |= _owners(document_for(document_model), rows, links)
        for document_model, stale_ids in stale.items():
            if stale_ids:
                refresh(document_model, stale_ids)

    # Robust: the editor's work is saved by then; a failed refresh is logged and the
    # document's next save refreshes it.
    transaction.on_commit(refresh_changed_translation_states, using=using, robust=True)


def _owners(document, row_model, links):
    """The ids of the documents that rows of `row_model` linking to `links` belong to."""
    lookup, _link = document.rows.get(row_model, ("pk", "pk"))
    if lookup == "pk":
        return set(links)
    found = document.model._default_manager.filter(**{f"{lookup}__in": links})
    return set(found.values_list("pk", flat=True))


def connect():
    """Watch every row a registered document is made of."""
    for document in documents():
        for row_model, (_lookup, link) in document.rows.items():

            def changed(sender, instance, using, document=document, link=link, **kwargs):
                value = getattr(instance, link)
                if value is not None:
                    documents_changed(document.model, [value], using=using, row_model=sender)

            uid = f"translations-{document.model._meta.label_lower}-{row_model._meta.label_lower}"
            post_save.connect(changed, sender=row_model, weak=False, dispatch_uid=f"{uid}-save")
            post_delete.connect(changed, sender=row_model, weak=False, dispatch_uid=f"{uid}-delete")
