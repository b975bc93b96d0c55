"""
An issue's page writes its number as the language does: Arabic spells the ordinal out
after العدد (العدد الثالث … العدد الثاني عشر, العدد المئة) and writes a numeral above a
hundred; English writes "Issue 3".
"""

import pytest

from tests.helpers import html
from tests.publications.factories import make_issue, make_series
from tests.publications.test_announcing import ARABIC_ORDINALS

NUMBERS = [
    *((number, f"العدد {word}") for number, word in enumerate(ARABIC_ORDINALS, start=1)),
    (100, "العدد المئة"),
    (125, "العدد 125"),
]


@pytest.mark.parametrize(("number", "arabic"), NUMBERS)
def test_the_issue_page_heading_writes_the_number_as_each_language_does(client, db, number, arabic):
    issue = make_issue(make_series(), number=number)
    for language, expected in (("ar", arabic), ("en", f"Issue {number}")):
        response = client.get(issue.url_in(language))
        assert response.status_code == 200
        heading = " ".join(html(response).h1.get_text().split())
        assert expected in heading, (language, heading)
