"""The admin's sign-in form."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.validators import MaxLengthValidator


class SignInForm(AdminAuthenticationForm):
    """
    Django's admin sign-in, refusing a user name longer than any account's before it is
    tried. Django only sets the field's maxlength for browsers; a longer name posted by
    hand went on to authentication, and django-axes then failed to record the failed
    sign-in (its column is shorter) with a server error.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))
