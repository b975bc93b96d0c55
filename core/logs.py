"""Filters for the site's logs (settings.LOGGING)."""

import logging


class WithoutTraceback(logging.Filter):
    """Keep a record's message and drop its traceback: for errors that are the client's."""

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True
