"""Damaged image files are refused at upload, with a message that says what to do."""

import pytest

from tests.images.helpers import saved_state, stored_files

from .samples import (
    jpeg_header_over_other_data,
    photograph,
    png_header_promising_more,
    truncated_jpeg,
)
from .test_refusals import assert_refused

DAMAGED = {
    "en": "This image is damaged or incomplete: it could not be read to the end.",
    "ar": "هذه الصورة تالفة أو ناقصة: تعذّرت قراءتها إلى آخرها.",
}


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_truncated_jpeg_is_refused(admin_form, media_root, language):
    """A photograph cut off half way passes Pillow's verify(); it is refused all the same,
    in the editor's language, and nothing is saved."""
    before = saved_state()
    response = admin_form.submit(truncated_jpeg(), language=language)
    assert_refused(response, DAMAGED[language], media_root, before)


@pytest.mark.parametrize(
    "upload",
    [
        pytest.param(jpeg_header_over_other_data, id="JPEG header over other data"),
        pytest.param(png_header_promising_more, id="PNG header promising more pixels"),
    ],
)
def test_an_image_whose_header_lies_is_refused(admin_form, media_root, upload):
    """A header that describes an image its data does not hold: refused, nothing saved."""
    before = saved_state()
    response = admin_form.submit(upload())
    assert_refused(response, DAMAGED["en"], media_root, before)


def test_a_whole_photograph_is_still_accepted(admin_form, media_root):
    """The same photograph, not cut short, is saved: only damage is refused."""
    assert admin_form.submit(photograph()).status_code == 302
    assert any(name.endswith(".jpg") for name in stored_files(media_root))
