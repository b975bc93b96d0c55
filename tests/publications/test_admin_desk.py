"""The admin's home page shows editors the issues in preparation: drafts, issues in review
and scheduled ones, with their count; published and unpublished issues are not listed, and
the other roles do not see the panel."""

import pytest

from accounts.roles import AUTHORS, EDITORS, TRANSLATORS
from core.models import Status
from tests.articles.test_desk import desk
from tests.publications.factories import make_issue, make_series
from tests.publications.test_admin_permissions import SCHEDULED, issue_in


@pytest.mark.django_db
def test_an_editor_sees_the_issues_in_preparation(make_staff, login):
    series = make_series(name_en="Asian Trends")
    preparing = [issue_in(state, series) for state in (Status.DRAFT, Status.REVIEW, SCHEDULED)]
    issue_in(Status.PUBLISHED, series)
    issue_in(Status.UNPUBLISHED, series)
    count, listed = desk(login(make_staff(EDITORS)))["issues"]
    assert count == 3
    assert sorted(listed) == sorted(str(issue) for issue in preparing)


@pytest.mark.django_db
def test_the_panel_says_when_nothing_is_in_preparation(make_staff, login):
    make_issue()
    assert desk(login(make_staff(EDITORS)))["issues"] == (0, [])


@pytest.mark.django_db
@pytest.mark.parametrize("role", [AUTHORS, TRANSLATORS])
def test_the_other_roles_have_no_issues_panel(make_staff, login, role):
    issue_in(Status.DRAFT)
    assert "issues" not in desk(login(make_staff(role)))
