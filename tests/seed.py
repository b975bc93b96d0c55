"""The reference page (tests/fixtures/why-aqim-is-interested-in-syria.txt), read as lines."""

from pathlib import Path

SEED = Path(__file__).parent / "fixtures" / "why-aqim-is-interested-in-syria.txt"
REFERENCE_SLUG = "why-aqim-is-interested-in-syria"


def normalise(text):
    """Collapse whitespace, including the seed's stray non-breaking spaces."""
    return " ".join(text.replace("\u00a0", " ").split())


def article_lines():
    """The seed's article from its kicker to its last sentence, one line per block.

    Returns the lines and the index of the date line, the only one the site may write
    differently (the seed shows an English article with an Arabic date).
    """
    lines = [normalise(line) for line in SEED.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    start = lines.index("Overlapping Goals")
    return lines[start:], 2
