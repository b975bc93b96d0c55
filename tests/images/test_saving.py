import pytest
from django.contrib import admin

from tests.images.helpers import saved_state, stored_files

from .samples import image_file


def saved_object(admin_form):
    return admin_form.model.objects.order_by("-pk").first()


def fail_after_saving(monkeypatch, admin_form):
    """Make the admin fail after it has written the object and its image: a half-way save."""
    model_admin = type(admin.site._registry[admin_form.model])

    def save_related(self, request, form, formsets, change):
        raise RuntimeError("the connection dropped")

    monkeypatch.setattr(model_admin, "save_related", save_related)


def test_an_image_with_alt_text_is_saved(admin_form, media_root):
    """A valid image with alt text in both languages is stored and kept with its alt text."""
    response = admin_form.submit(image_file(), alt=("قاعة الاجتماع", "The meeting room"))
    assert response.status_code == 302
    saved = saved_object(admin_form)
    image = getattr(saved, admin_form.image_field)
    assert image.name in stored_files(media_root)
    alt = admin_form.alt_field
    assert (getattr(saved, f"{alt}_ar"), getattr(saved, f"{alt}_en")) == (
        "قاعة الاجتماع",
        "The meeting room",
    )


def test_an_upload_that_fails_half_way_leaves_nothing(admin_form, media_root, monkeypatch):
    """A save that fails after writing the image leaves no record and no file behind."""
    before = saved_state()
    fail_after_saving(monkeypatch, admin_form)
    with pytest.raises(RuntimeError):
        admin_form.submit(image_file())
    assert saved_state() == before
    assert stored_files(media_root) == []


@pytest.mark.django_db(transaction=True)
def test_a_failed_save_leaves_nothing_when_transactions_really_roll_back(
    admin_form, media_root, monkeypatch
):
    """The same with real commits and rollbacks, as in production."""
    before = saved_state()
    fail_after_saving(monkeypatch, admin_form)
    with pytest.raises(RuntimeError):
        admin_form.submit(image_file())
    assert saved_state() == before
    assert stored_files(media_root) == []


@pytest.mark.django_db(transaction=True)
def test_renditions_are_made_when_the_upload_is_saved(admin_form, media_root):
    """Once the save commits, the image's renditions are in the storage, before any page asks."""
    assert admin_form.submit(image_file(2000, 1000)).status_code == 302
    files = stored_files(media_root)
    renditions = [name for name in files if name.startswith("renditions/")]
    # Four widths, in WebP and in JPEG.
    assert sorted(name.rsplit(".", 1)[1] for name in renditions) == ["jpg"] * 4 + ["webp"] * 4
    assert getattr(saved_object(admin_form), admin_form.image_field).name in files
