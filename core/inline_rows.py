"""
Inline rows belong to the object on the page.

django-nested-admin lets an editor drag a row from one parent to another (a point from
one section to the next), so its formsets look up every posted row id in the whole
table, not only among the rows of the object being edited. Left alone, a forged form
naming another article's section moves that section into the article on the page, and a
forged DELETE removes it from its own (forms marked for deletion are not validated).

Here every inline formset of an admin page knows the path from its rows up to the
object on the page (`root_lookup`: "article" for sections, "section__article" for their
points), set by the admin classes below whatever the nesting. A posted id outside that
object's rows is a form error and nothing is saved; rows may still move between parents
inside the object.
"""

from django.core.exceptions import ValidationError
from django.forms.models import _get_foreign_key
from django.utils.translation import gettext_lazy as _


class OwnRowsFormSetMixin:
    """For the formsets of inlines: rows of other objects are refused, deleted ones too."""

    # Set by OwnedInlinesMixin; without it a formset keeps to its direct parent's rows.
    root_lookup = None

    def owned_rows(self):
        """The rows this formset may edit, move or delete: those of the object on the page."""
        lookup = self.root_lookup or self.fk.name
        # The formset's instance is its parent row; walk from it to the object on the page
        # along the rest of the path ("section__article" from a section: its article_id).
        owner, owner_pk = self.instance, self.instance.pk
        hops = lookup.split("__")[1:]
        for number, name in enumerate(hops, start=1):
            owner_pk = getattr(owner, owner._meta.get_field(name).attname)
            if owner_pk is None:
                break
            if number < len(hops):  # only a deeper path needs the row itself
                owner = getattr(owner, name)
        manager = self.model._default_manager
        if owner_pk is None:
            return manager.none()
        return manager.filter(**{lookup: owner_pk})

    def posted_pks(self):
        """The row ids the initial forms post (deleted ones included), as the database
        reads them; what is not an id at all is left to clean()."""
        field = self.model._meta.pk
        found = []
        for index in range(self.initial_form_count()):
            raw = self.data.get(f"{self.add_prefix(index)}-{field.name}")
            if raw in (None, ""):
                continue
            try:
                found.append(field.to_python(raw))
            except ValidationError:
                continue
        return found

    def get_queryset(self):
        if not self.is_bound:
            return super().get_queryset()
        # nested_admin looks the posted ids up in the whole table (and fails on an id that
        # is not a number); only the object's own rows are looked up here.
        if not hasattr(self, "_posted_rows"):
            queryset = self.owned_rows().filter(pk__in=self.posted_pks())
            if not queryset.ordered:
                queryset = queryset.order_by(self.model._meta.pk.name)
            self._posted_rows = queryset
        return self._posted_rows

    def add_fields(self, form, index):
        super().add_fields(form, index)
        pk_name = self.model._meta.pk.name
        if self.is_bound and pk_name in form.fields:
            # "Select a valid choice" on the row itself, besides the formset's own error.
            form.fields[pk_name].queryset = self.owned_rows()

    def clean(self):
        super().clean()
        # Every initial form, those marked for deletion included: they are not validated.
        raw = [
            self.data.get(f"{self.add_prefix(index)}-{self.model._meta.pk.name}")
            for index in range(self.initial_form_count())
        ]
        posted = self.posted_pks()
        if len(posted) != len([value for value in raw if value not in (None, "")]):
            raise ValidationError(self.foreign_row_message, code="foreign_row")
        if not posted:
            return
        owned = set(self.owned_rows().filter(pk__in=posted).values_list("pk", flat=True))
        if any(pk not in owned for pk in posted):
            raise ValidationError(self.foreign_row_message, code="foreign_row")
        if len(set(posted)) != len(posted):
            raise ValidationError(
                _("The same %(row)s appears twice in the form. Reload the page and try again."),
                code="duplicate_row",
                params={"row": self.model._meta.verbose_name},
            )

    @property
    def foreign_row_message(self):
        return _(
            "The form names a %(row)s that is not part of this page. Nothing was saved: "
            "reload the page and try again."
        ) % {"row": self.model._meta.verbose_name}


class OwnedInlinesMixin:
    """
    For a ModelAdmin and each of its (nested) inlines: tell every inline its path to the
    object on the page, and give its formset that path. nested_admin asks each inline for
    its own child inlines, so the path grows one foreign key per level.
    """

    root_lookup = ""  # the ModelAdmin's own; an inline's is set by its parent

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        for inline in inlines:
            fk = _get_foreign_key(inline.parent_model, inline.model, fk_name=inline.fk_name)
            inline.root_lookup = "__".join(part for part in (fk.name, self.root_lookup) if part)
        return inlines

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if not issubclass(formset, OwnRowsFormSetMixin):
            raise TypeError(
                f"{type(self).__name__}'s formset must use OwnRowsFormSetMixin: its rows "
                "would otherwise not be tied to the object on the page."
            )
        # A new class each time (the factory's), so setting it here touches no other page.
        formset.root_lookup = self.root_lookup
        return formset


def inline_tree(model_admin, request, obj):
    """Every inline of an admin page, nested ones after their parent, each knowing its
    `root_lookup` (see OwnedInlinesMixin)."""
    found = []

    def walk(parent):
        for inline in parent.get_inline_instances(request, obj):
            found.append(inline)
            if getattr(inline, "inlines", None):
                walk(inline)

    walk(model_admin)
    return found
