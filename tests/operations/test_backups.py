"""
`manage.py backup` and `manage.py restore`, run as an operator runs them: the demo site
with its media files is backed up and restored into an empty install, on the database
the suite runs on (PostgreSQL in CI: pg_dump; SQLite on a laptop: dumpdata).
"""

import re
import sqlite3
import tarfile
import urllib.parse

import psycopg2
import pytest
from django.db import connection

from tests.seed import REFERENCE_SLUG

from .services import manage, site_environment

IMAGE = "articles/2018/صورة الغلاف.jpg"


class PostgresInstall:
    """A database of the test's own on the suite's PostgreSQL server, dropped afterwards."""

    def __init__(self, name):
        self.name = name
        self.settings = connection.settings_dict

    def server(self):
        settings = self.settings
        return psycopg2.connect(
            dbname="postgres",
            host=settings["HOST"] or None,
            port=settings["PORT"] or None,
            user=settings["USER"] or None,
            password=settings["PASSWORD"] or None,
        )

    def administer(self, statement):
        server = self.server()
        try:
            server.autocommit = True
            with server.cursor() as cursor:
                cursor.execute(statement)
        finally:
            server.close()

    def create(self):
        self.remove()
        self.administer(f'CREATE DATABASE "{self.name}"')

    def remove(self):
        self.administer(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    @property
    def url(self):
        settings = self.settings
        credentials = urllib.parse.quote(settings["USER"] or "postgres")
        if settings["PASSWORD"]:
            credentials += ":" + urllib.parse.quote(settings["PASSWORD"])
        address = f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
        return f"postgres://{credentials}@{address}/{self.name}"

    def rows(self):
        with psycopg2.connect(self.url) as database, database.cursor() as cursor:
            cursor.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            )
            return table_rows(cursor, [name for (name,) in cursor.fetchall()])


class SQLiteInstall:
    def __init__(self, path):
        self.path = path

    def create(self):
        pass

    def remove(self):
        pass

    @property
    def url(self):
        return f"sqlite:///{self.path}"

    def rows(self):
        database = sqlite3.connect(self.path)
        try:
            cursor = database.cursor()
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
            rows = table_rows(cursor, [name for (name,) in cursor.fetchall()])
        finally:
            database.close()
        # dumpdata's JSON keeps times to the millisecond: compare them at that precision.
        return {
            table: [MICROSECONDS.sub(r"\g<1>000", row) for row in table_rows]
            for table, table_rows in rows.items()
        }


MICROSECONDS = re.compile(r"(\d\d:\d\d:\d\d\.\d{3})\d{3}")


def table_rows(cursor, tables):
    """Every row of every table, in a comparable form (migrations' dates aside)."""
    rows = {}
    for table in sorted(set(tables) - {"django_migrations"}):
        cursor.execute(f'SELECT * FROM "{table}"')
        rows[table] = sorted(map(repr, cursor.fetchall()))
    return rows


def media(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory):
    """
    The demo site with two media files, backed up and restored into an empty install:
    (source, target), each a database and a media folder, and what `restore` printed.
    """
    folder = tmp_path_factory.mktemp("backups")
    if connection.vendor == "postgresql":
        # Named after the suite's own test database, so that two suites never meet.
        base = connection.settings_dict["NAME"]
        databases = [PostgresInstall(f"{base}_backup_src"), PostgresInstall(f"{base}_backup_dst")]
    else:
        databases = [
            SQLiteInstall(folder / "source.sqlite3"),
            SQLiteInstall(folder / "target.sqlite3"),
        ]
    installs = [
        Install(database, folder / f"{role}-media")
        for database, role in zip(databases, ("source", "target"), strict=True)
    ]
    for install in installs:
        install.database.create()
    try:
        source, target = installs
        for name, content in MEDIA_FILES.items():
            (source.media / name).parent.mkdir(parents=True, exist_ok=True)
            (source.media / name).write_bytes(content)
        manage("shell", "-c", LOAD_CONTENT, environment=source.environment)
        archive = folder / "backup.tar.gz"
        manage("backup", str(archive), environment=source.environment)
        restored = manage("restore", str(archive), environment=target.environment)
        yield source, target, archive, restored.stdout
    finally:
        for install in installs:
            install.database.remove()


class Install:
    def __init__(self, database, media):
        self.database = database
        self.media = media
        self.environment = site_environment(DATABASE_URL=database.url, DJANGO_MEDIA_ROOT=str(media))


MEDIA_FILES = {
    "articles/2018/صورة الغلاف.jpg": b"\xff\xd8\xff\xe0 the bytes of a photograph",
    "authors/photo.png": b"\x89PNG the bytes of a portrait",
}
LOAD_CONTENT = f"""
from django.core.management import call_command
from articles.models import Article
call_command("migrate", interactive=False, verbosity=0)
call_command("load_demo")
Article.objects.filter(slug="{REFERENCE_SLUG}").update(image="articles/2018/صورة الغلاف.jpg")
"""


def test_restore_gives_back_every_row(round_trip):
    """Every row of every table of the backed-up install is in the restored one."""
    source, target, archive, _output = round_trip
    rows = source.database.rows()
    # The reference article, and the demo issue's editorial and pieces.
    assert len(rows["articles_article"]) >= 2
    assert any("صورة الغلاف.jpg" in row for row in rows["articles_article"])
    assert target.database.rows() == rows
    with tarfile.open(archive) as members:
        expected = "database.dump" if connection.vendor == "postgresql" else "database.json"
        assert expected in members.getnames()


def test_restore_gives_back_every_media_file(round_trip):
    """The media folder of the restored install holds the same files, byte for byte."""
    source, target, _archive, output = round_trip
    found = media(source.media)
    # The demo's own files (the cover, its renditions and PDF) besides these.
    assert MEDIA_FILES.items() <= found.items()
    assert f"{len(found)} media files" in output
    assert media(target.media) == found


def test_restore_refuses_an_install_that_has_content(round_trip):
    """Restoring over a site that has content changes nothing and says why."""
    _source, target, archive, _output = round_trip
    before = target.database.rows(), media(target.media)

    refused = manage("restore", str(archive), environment=target.environment, check=False)

    assert refused.returncode != 0
    assert "already has content" in refused.stderr
    assert (target.database.rows(), media(target.media)) == before
