def connect():
    """Filled in by the reader side."""
