"""
What articles tell the apps above them (the center news listens, see news/apps.py):
articles never import those apps.
"""

from django.dispatch import Signal

# An editor asked to announce a published article (the admin's "announce" box or bulk
# action). Sent with `article` and `headlines` ({language: text} the editor wrote, or
# {} for the usual wording); a receiver returns the item announcing it, or None.
announcement_requested = Signal()

# The change page shows the announcement before it is made. Sent with `article`; a
# receiver returns {language: the headline it would publish}.
announcement_drafted = Signal()

# An imported page had center-news lines and the editor asked to keep them. Sent with
# `headlines` (a list of str); a receiver returns the items it made.
center_news_found = Signal()
