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

    def get_app_list(self, request, app_label=None):
        """Django's apps and models, with the pages apps add to the list
        (AppConfig.admin_links), such as the translation desk. The sidebar shows the same
        list (each_context's available_apps)."""
        app_list = super().get_app_list(request, app_label)
        for config in apps.get_app_configs():
            if not hasattr(config, "admin_links") or app_label not in (None, config.label):
                continue
            links = config.admin_links(request)
            if not links:
                continue
            entry = next((app for app in app_list if app["app_label"] == config.label), None)
            if entry is None:
                entry = {
                    "name": config.verbose_name,
                    "app_label": config.label,
                    # The app's own page: its first link (the desk is /admin/translations/).
                    "app_url": links[0]["admin_url"],
                    "has_module_perms": True,
                    "models": [],
                }
                app_list.append(entry)
            entry["models"] = [*links, *entry["models"]]
        return app_list

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
