"""The database copy's bodies are compressed with LZ4 on PostgreSQL 14 and later.

A rebuild writes every body and the database search reads them all: LZ4 compresses and
decompresses several times faster than PostgreSQL's default (pglz), for a little more space.
Servers built without LZ4 keep the default.
"""

from django.db import DatabaseError, migrations, transaction


def use_lz4(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql" or connection.pg_version < 140000:
        return
    table = schema_editor.quote_name(apps.get_model("gongxue_search", "SearchEntry")._meta.db_table)
    try:
        with transaction.atomic(using=connection.alias):
            schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN body SET COMPRESSION lz4")
    except DatabaseError:
        pass  # a server built without LZ4: pglz it is


class Migration(migrations.Migration):
    dependencies = [("gongxue_search", "0001_initial")]

    operations = [migrations.RunPython(use_lz4, migrations.RunPython.noop, elidable=True)]
