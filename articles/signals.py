"""
What articles tell the apps above them (the center news listens, see news/apps.py):
articles never import those apps.
"""

from django.dispatch import Signal

# An editor asked to announce a published article (the admin's "announce" box or bulk
# action). Sent with `article`; a receiver returns the item announcing it, or None.
announcement_requested = Signal()

# An imported page had center-news lines and the editor asked to keep them. Sent with
# `headlines` (a list of str); a receiver returns the items it made.
center_news_found = Signal()
