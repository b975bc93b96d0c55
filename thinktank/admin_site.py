from django.apps import apps
from django.contrib import admin

from accounts.autocomplete import AccountAwareAutocompleteJsonView
from accounts.forms import SignInForm
from autosave import views as autosave


class EditorialAdminSite(admin.AdminSite):
    """
    Django's admin site, but for its sign-in form (accounts/forms.py) and its
    autocomplete: there a link to a staff account (an author's account) is offered to
    whoever may edit the form it is on, without the right to see the list of users
    (accounts/autocomplete.py). It also answers the forms' autosave (autosave/views.py).
    """

    login_form = SignInForm

    def autocomplete_view(self, request):
        return AccountAwareAutocompleteJsonView.as_view(admin_site=self)(request)

    def index(self, request, extra_context=None):
        """The home page opens on the desk: what waits for this person, from each app that
        has something to say (AppConfig.desk_panels)."""
        panels = [
            panel
            for config in apps.get_app_configs()
            if hasattr(config, "desk_panels")
            for panel in config.desk_panels(request)
        ]
        return super().index(request, {"desk_panels": panels, **(extra_context or {})})

    def get_urls(self):
        """Django's admin pages, the autosave's, and those apps add (AppConfig.admin_urls):
        pages that are not one model's list or form, such as the translation desk."""
        added = [
            url
            for config in apps.get_app_configs()
            if hasattr(config, "admin_urls")
            for url in config.admin_urls(self)
        ]
        return [*autosave.urls(self), *added, *super().get_urls()]
