"""
The editors' panel of the admin's home page: the issues in preparation (drafts, issues in
review and those scheduled), most recently changed first. Asked for by the admin site
(thinktank/admin_site.py) through PublicationsConfig.desk_panels(), after the articles'
panels (articles/desk.py), whose shape it keeps.
"""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.desk import Panel
from core.models import Status

from . import permissions
from .models import Issue

# An issue is long in preparation and a center prepares few at a time: the panel lists
# them all up to this many.
SHOWN = 20


def in_preparation():
    return Issue.objects.filter(
        Q(status__in=[Status.DRAFT, Status.REVIEW])
        | Q(status=Status.PUBLISHED, published_at__gt=timezone.now())
    )


def panels(request):
    if not permissions.is_editor(request.user):
        return []
    issues = in_preparation().select_related("series").order_by("-updated_at", "-pk")
    shown = list(issues.defer(*Issue.searchable.columns)[:SHOWN])
    for issue in shown:
        issue.desk_url = reverse("admin:publications_issue_change", args=[issue.pk])
        # Whole seconds: a <time datetime> takes at most three digits of a fraction.
        issue.desk_date = issue.updated_at.replace(microsecond=0)
    return [
        Panel(
            "issues",
            _("Issues in preparation"),
            _("No issue is in preparation."),
            len(shown) if len(shown) < SHOWN else issues.count(),
            shown,
            reverse("admin:publications_issue_changelist"),
        )
    ]
