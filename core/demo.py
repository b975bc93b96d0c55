"""Reading an app's demo content (a JSON file of its own): texts per language."""


def translated(field, values):
    """{"ar": …, "en": …} → {"title_ar": …, "title_en": …}; lists of paragraphs are joined."""
    return {
        f"{field}_{code}": "\n\n".join(value) if isinstance(value, list) else value
        for code, value in values.items()
    }


def fields_of(item, names):
    """The translated fields `names` of a demo item, as model field values."""
    result = {}
    for name in names:
        if name in item:
            result.update(translated(name, item[name]))
    return result
