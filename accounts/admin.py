from django import forms
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.contrib.auth.models import Group, User
from django.utils.translation import gettext_lazy as _

from core.admin_mixins import ReadOnlyMixin

from . import audit
from .models import AuditEvent
from .roles import ROLE_LABELS, ROLE_NAMES


class RoleField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            queryset=Group.objects.filter(name__in=ROLE_LABELS).order_by("name"),
            required=False,
            label=_("role"),
            empty_label=_("No role: cannot see or change any content"),
            help_text=_("What this person does here. A staff account gets one role."),
            **kwargs,
        )

    def label_from_instance(self, group):
        return ROLE_LABELS.get(group.name, group.name)


class RoleFormMixin:
    """Shows the account's current role; the admin puts the account in that group on save."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["role"] = self.instance.groups.filter(name__in=ROLE_LABELS).first()


class StaffChangeForm(RoleFormMixin, UserChangeForm):
    role = RoleField()


class StaffCreationForm(RoleFormMixin, AdminUserCreationForm):
    role = RoleField()


class RoleFilter(admin.SimpleListFilter):
    """The users' filter by role, by the role's name rather than the group's (English) one."""

    title = _("role")
    parameter_name = "role"

    def lookups(self, request, model_admin):
        return [(name, label) for name, label in ROLE_NAMES.items()]

    def queryset(self, request, queryset):
        if self.value() in ROLE_NAMES:
            return queryset.filter(groups__name=self.value())
        return queryset


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(Group)
class RoleGroupAdmin(ReadOnlyMixin, GroupAdmin):
    """The groups, which are the roles: listed by the role's name in the interface language."""

    list_display = ("role_name",)
    list_display_links = None

    @admin.display(description=_("role"), ordering="name")
    def role_name(self, group):
        return ROLE_NAMES.get(group.name, group.name)

    # The roles are defined in accounts/roles.py and kept by migrations, and given to a
    # person on the user form: the list names them, and there is nothing to edit here.
    def get_urls(self):
        return [url for url in super().get_urls() if str(url.name).endswith("_changelist")]


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    form = StaffChangeForm
    add_form = StaffCreationForm
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Role"), {"fields": ("role", "is_active")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    superuser_fieldsets = (
        (_("Superuser"), {"fields": ("is_superuser", "is_staff"), "classes": ("collapse",)}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "usable_password", "password1", "password2", "role"),
            },
        ),
    )
    list_display = ("username", "first_name", "last_name", "email", "role", "is_active")
    list_filter = (RoleFilter, "is_active")
    readonly_fields = ("last_login", "date_joined")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and request.user.is_superuser:
            fieldsets = fieldsets + self.superuser_fieldsets
        return fieldsets

    @admin.display(description=_("role"))
    def role(self, user):
        names = [group.name for group in user.groups.all() if group.name in ROLE_LABELS]
        return ROLE_NAMES[names[0]] if names else "—"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    def has_change_permission(self, request, obj=None):
        # Only a superuser may change a superuser: no one gains their powers by
        # resetting their password.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if not obj.is_superuser:
            # Staff status follows the role: a role gives access to the admin.
            obj.is_staff = form.cleaned_data.get("role") is not None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        user = form.instance
        before = audit.role_of(user)
        role = form.cleaned_data.get("role")
        others = user.groups.exclude(name__in=ROLE_LABELS)
        user.groups.set([*others, *([role] if role else [])])
        after = role.name if role else ""
        if after != before:
            audit.record_role_change(request, user, before, after)


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """The audit trail, for reading only: no one adds, changes or deletes a line of it."""

    list_display = ["created_at", "action", "username", "role_change", "actor", "ip_address"]
    list_filter = ["action", "created_at"]
    search_fields = ["username", "ip_address"]
    date_hierarchy = "created_at"
    list_select_related = ["actor"]
    fields = [
        "created_at",
        "action",
        "username",
        "account",
        "role_change",
        "actor",
        "ip_address",
        "user_agent",
    ]
    readonly_fields = fields

    @admin.display(description=_("role change"))
    def role_change(self, event):
        if event.action != AuditEvent.Action.ROLE_CHANGED:
            return ""
        return _("%(before)s → %(after)s") % {
            "before": event.role_label(event.role_before),
            "after": event.role_label(event.role_after),
        }
