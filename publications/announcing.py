def connect():
    """Filled in by the center-news side."""
