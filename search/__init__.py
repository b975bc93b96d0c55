"""
Site search over every kind of content that declares itself searchable, in the page's
language: text normalisation (`text`), queries and highlighting (`queries`), the index
(`indexes`), the stored documents and how they are kept current (`documents`), the
results page's assembly (`results`) and the page itself (`views`).

Arabic readers type a word in many spellings: with or without hamza on the alef, with ة or
ه, ى or ي, with diacritics and tatweel, glued to the prefixes و / ال / ب / ل. PostgreSQL's
`arabic` stemmer folds some of these but not the prefixes (it stems `والمقالات` to
`والمقالا` and `مقالات` to `مقالا`), so the stored text and the query both go through
`normalise()` and `variants()`, in Python, before PostgreSQL's `arabic` or `english`
configuration sees them: every stored Arabic word is followed by its prefix-stripped forms
(`والمقالات المقالات مقالات`), and each query word matches any of its own forms.

The app sits just above `core`: it knows no other app. A model becomes searchable by
declaring what is searched and how it is shown (`documents.Searchable`); the app finds
those declarations when Django is ready and keeps their documents current.
"""
