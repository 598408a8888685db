"""Management commands (`flask storefront <command>`)."""
import os
import shutil

import click
from flask.cli import AppGroup

from storefront import db, settings
from storefront.utils import shell

cli = AppGroup("storefront")


@cli.command("purge-carts")
@click.option("--older-than", default=30, show_default=True)
def purge_carts(older_than):
    removed = db.execute(
        "DELETE FROM carts WHERE updated_at < date('now', ?)", (f"-{older_than} days",)
    )
    click.echo(f"removed {removed} carts")


@cli.command("run-sql")
@click.argument("sql_file")
def run_sql(sql_file):
    db.run_script(sql_file)


@cli.command("reset-uploads")
@click.confirmation_option(prompt="Delete every upload?")
def reset_uploads():
    shutil.rmtree(settings.UPLOAD_ROOT)
    os.makedirs(settings.UPLOAD_ROOT)


@cli.command("shell-exec")
@click.argument("command", nargs=-1)
def shell_exec(command):
    result = shell.run(" ".join(command))
    click.echo(result.stdout)


@cli.command("changelog")
@click.option("--since", default="HEAD~20")
def changelog(since):
    click.echo(shell.git("log", "--oneline", f"{since}..HEAD"))
