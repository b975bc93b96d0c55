"""
The admin's autocomplete, with one difference: a field that links to a staff account
(an author's account) offers those accounts to whoever may edit that field's form.

Django answers an autocomplete for accounts only to those who may view accounts, which
would give editors the list of users and their pages. Here the question is the one the
form asks: may this person add or change the object whose field it is (an editor, an
author)? Then they get the active staff accounts matching the term, by name and username
only (no e-mail address is shown or searched), and nothing more of the accounts.
"""

from django.apps import apps
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.auth import get_user_model
from django.db.models import Q


class AccountAwareAutocompleteJsonView(AutocompleteJsonView):
    def process_request(self, request):
        term, model_admin, source_field, to_field_name = super().process_request(request)
        # Checked by Django above: the model exists and has the field.
        self.source_model = apps.get_model(request.GET["app_label"], request.GET["model_name"])
        self.links_account = model_admin.model is get_user_model()
        return term, model_admin, source_field, to_field_name

    def has_perm(self, request, obj=None):
        if self.links_account and self.may_edit_the_link(request):
            return True
        return super().has_perm(request, obj)

    def may_edit_the_link(self, request):
        """Whether the field is an autocomplete of its model's admin form, and the user may
        add or change that model (any field pointing at accounts would list them otherwise)."""
        try:
            source_admin = self.admin_site.get_model_admin(self.source_model)
        except NotRegistered:
            return False
        return self.source_field.name in source_admin.get_autocomplete_fields(request) and (
            source_admin.has_add_permission(request) or source_admin.has_change_permission(request)
        )

    def get_queryset(self):
        if not self.links_account:
            return super().get_queryset()
        accounts = (
            get_user_model()
            ._default_manager.filter(is_staff=True, is_active=True)
            .complex_filter(self.source_field.get_limit_choices_to())
        )
        for word in self.term.split():
            accounts = accounts.filter(
                Q(username__icontains=word)
                | Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
            )
        return accounts.order_by("first_name", "last_name", "username")

    def serialize_result(self, obj, to_field_name):
        if not self.links_account:
            return super().serialize_result(obj, to_field_name)
        name, username = obj.get_full_name(), obj.get_username()
        return {
            "id": str(getattr(obj, to_field_name)),
            "text": f"{name} ({username})" if name else username,
        }
