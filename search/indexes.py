from django.contrib.postgres.indexes import GinIndex
from django.db.models import Index


class SearchIndex(GinIndex):
    """
    A GIN index on PostgreSQL. Elsewhere (SQLite on a laptop, where search does not read
    the vector column) a plain index: SQLite rebuilds a table's indexes whenever a
    migration alters the table, and would refuse `USING gin`.

    Without `fastupdate`: new entries go straight into the index instead of a pending list
    that every search must also read until autovacuum merges it. Articles change a few
    times a day and are searched all day, so searches should not pay for writes.

    Migrations name this class by its path (search.indexes.SearchIndex): keep it here.
    """

    def __init__(self, *expressions, fastupdate=False, **kwargs):
        super().__init__(*expressions, fastupdate=fastupdate, **kwargs)

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return Index.create_sql(self, model, schema_editor, using=using, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)
