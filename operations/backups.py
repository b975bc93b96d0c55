"""
Backups of a whole install, its database and its media files, in one archive.

`manage.py backup PATH` writes a gzipped tar archive holding

    manifest.json   what the archive holds, and the migrations its database had
    database.dump   on PostgreSQL: pg_dump's custom format, restored with pg_restore
    database.json   on other databases (SQLite on a laptop): dumpdata's output
    media/…         every file in the media storage (MEDIA_ROOT, or the S3 bucket)

and `manage.py restore PATH` puts both back into an empty install: a database without
content (new, or only migrated) and an empty media storage. It refuses to write over an
install that has content, so that a mistyped command cannot replace a live site.
"""

import datetime
import io
import json
import os
import posixpath
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.db.backends.postgresql.client import DatabaseClient
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

ARCHIVE_FORMAT = 1
MEDIA = "media/"
# Rows that only people make: an install holding any of them is not empty. (A migrated
# install already has content types, permissions and the editorial roles.)
CONTENT_MODELS = [settings.AUTH_USER_MODEL, "articles.Article", "articles.Author", "news.NewsItem"]
# Made again by `migrate`; in the JSON dump other rows refer to them by natural key.
REMADE_BY_MIGRATE = ["contenttypes", "auth.permission"]


class BackupError(Exception):
    pass


def back_up(path):
    """Write the database and the media files to the archive `path`; return its manifest."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    with tempfile.TemporaryDirectory() as scratch:
        if connection.vendor == "postgresql":
            dump = Path(scratch) / "database.dump"
            run_libpq("pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", dump)
        else:
            dump = Path(scratch) / "database.json"
            call_command(
                "dumpdata",
                natural_foreign=True,
                exclude=REMADE_BY_MIGRATE,
                output=str(dump),
                verbosity=0,
            )
        manifest = {
            "format": ARCHIVE_FORMAT,
            "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "database": connection.vendor,
            "dump": dump.name,
            "migrations": sorted(map(list, MigrationRecorder(connection).applied_migrations())),
            "media_files": 0,
        }
        # Written beside the archive and renamed once complete: a backup that fails
        # half-way never leaves a file that looks like a good archive.
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(dump, arcname=dump.name)
            for name in media_files():
                with default_storage.open(name, "rb") as file:
                    member = tarfile.TarInfo(MEDIA + name)
                    member.size = default_storage.size(name)
                    member.mtime = int(default_storage.get_modified_time(name).timestamp())
                    archive.addfile(member, file)
                manifest["media_files"] += 1
            data = json.dumps(manifest, indent=2).encode()
            member = tarfile.TarInfo("manifest.json")
            member.size = len(data)
            member.mtime = int(datetime.datetime.now().timestamp())
            archive.addfile(member, io.BytesIO(data))
    partial.replace(path)
    return manifest


def restore(path):
    """Put the database and media files of the archive `path` into this empty install."""
    if not (Path(path).is_file() and tarfile.is_tarfile(path)):
        raise BackupError(f"{path} is not a backup archive.")
    with tarfile.open(path) as archive:
        manifest = read_manifest(archive)
        refuse_unless_empty()
        with tempfile.TemporaryDirectory() as scratch:
            dump = Path(scratch) / manifest["dump"]
            with archive.extractfile(manifest["dump"]) as source, open(dump, "wb") as copy:
                shutil.copyfileobj(source, copy)
            if manifest["dump"] == "database.dump":
                if connection.vendor != "postgresql":
                    raise BackupError(
                        "This archive holds a PostgreSQL dump: restore it into an install "
                        "whose DATABASE_URL names a PostgreSQL database."
                    )
                # The install may have been migrated, perhaps by a newer version than
                # the archive's: its tables hold no content (checked above), so they
                # give way to the archive's, which `migrate` then brings up to date.
                with connection.cursor() as cursor:
                    for table in connection.introspection.table_names(cursor):
                        cursor.execute(f"DROP TABLE {connection.ops.quote_name(table)} CASCADE")
                run_libpq(
                    "pg_restore",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    "--exit-on-error",
                    dump,
                )
                call_command("migrate", interactive=False, verbosity=0)
            else:
                call_command("migrate", interactive=False, verbosity=0)
                call_command("loaddata", str(dump), verbosity=0)
        for member in archive:
            if member.isfile() and member.name.startswith(MEDIA):
                name = member.name.removeprefix(MEDIA)
                with archive.extractfile(member) as file:
                    saved = default_storage.save(name, File(file, name=name))
                if saved != name:
                    raise BackupError(f"media file {name} was stored as {saved}")
    return manifest


def read_manifest(archive):
    try:
        manifest = json.load(archive.extractfile("manifest.json"))
    except (KeyError, ValueError):
        raise BackupError("This archive has no manifest: it was not made by `backup`.") from None
    if manifest.get("format") != ARCHIVE_FORMAT:
        raise BackupError(f"This archive's format ({manifest.get('format')}) is unknown here.")
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = {tuple(migration) for migration in manifest["migrations"]} - known
    if unknown:
        raise BackupError(
            "This archive was made by a newer version of the site (migrations "
            f"{', '.join(sorted('.'.join(m) for m in unknown))}): install that version first."
        )
    return manifest


def refuse_unless_empty():
    tables = set(connection.introspection.table_names())
    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        if model._meta.db_table in tables and model._default_manager.exists():
            raise BackupError(
                f"The database already has content ({model._meta.label} rows). "
                "Restore into an empty install: a new database and an empty media folder."
            )
    if next(media_files(), None) is not None:
        raise BackupError(
            "The media storage already has files. Restore into an empty install: a new "
            "database and an empty media folder."
        )


def media_files(folder=""):
    """The names of every file in the media storage, folder by folder."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:  # a media folder not made yet holds nothing
        return
    for name in sorted(files):
        yield posixpath.join(folder, name)
    for name in sorted(folders):
        yield from media_files(posixpath.join(folder, name))


def run_libpq(program, *arguments):
    """Run pg_dump or pg_restore on Django's database, with Django's connection settings."""
    if shutil.which(program) is None:
        raise BackupError(f"{program} is not installed (Debian package postgresql-client).")
    database = connection.settings_dict
    # Django's own psql helper knows the password, SSL and service options' variables.
    _arguments, environment = DatabaseClient.settings_to_cmd_args_env(database, [])
    command = [program]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            command += [option, str(database[key])]
    command += ["--dbname", database["NAME"], *map(str, arguments)]
    result = subprocess.run(
        command,
        env={**os.environ, **(environment or {})},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()}")
