"""The commands about a site as a whole: ``new`` (a site or an article), ``serve`` and
``deploy``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from timeline.cli.common import SITE_DIR, print_report, reports_errors, verbosity
from timeline.errors import UsageError, plural

if TYPE_CHECKING:
    from timeline.deploy import DeployResult


@click.command()
@click.argument("what", nargs=-1, required=True, metavar='DIRECTORY | article "TITLE"')
@click.option(
    "--site",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The site that gets the new article.",
)
@verbosity
@reports_errors
def new(what: tuple[str, ...], site: Path) -> None:
    """Create a new site in DIRECTORY, or a new dated article in a site
    (timeline new article "Ceasefire talks resume")."""
    from timeline.skeleton import create_site

    if what[0] == "article":
        _new_article(what[1:], site)
        return
    if len(what) != 1:
        raise UsageError('give one DIRECTORY, or: timeline new article "Title"')
    directory = Path(what[0])
    requirements = create_site(directory)
    click.echo(f"Created a new timeline site in {directory}:")
    click.echo("  timeline.toml                        the site's settings")
    click.echo("  content/articles/example-talks-resume.md   an example article")
    click.echo("  .github/workflows/pages.yml          builds and publishes it on GitHub Pages")
    if requirements.wheel is not None:
        click.echo(f"  requirements.txt, wheels/{requirements.wheel[0]}")
        click.echo("                                       this very timeline, for the workflow")
    else:
        click.echo("  requirements.txt                     this very timeline, for the workflow")
    click.echo(f'Next: cd {directory} && timeline new article "Title" && timeline serve')


def _new_article(titles: tuple[str, ...], site: Path) -> None:
    from timeline.config import load_config
    from timeline.skeleton import create_article

    if len(titles) != 1:
        raise UsageError(
            'timeline new article "Title" takes one title (in quotes); '
            "for a site named article: timeline new ./article"
        )
    config = load_config(site.resolve())
    path = create_article(config.content_path, titles[0], dt.date.today())
    shown = path.relative_to(config.root) if path.is_relative_to(config.root) else path
    click.echo(f"Created {shown}: paste the report's text, fill in source and url,")
    click.echo("and set draft: false (until then only `timeline serve --drafts` shows it)")


@click.command()
@SITE_DIR
@click.option("--remote", default="origin", show_default=True, help="The git remote to push to.")
@click.option(
    "--branch", default="gh-pages", show_default=True, help="The branch that receives the site."
)
@click.option("-m", "--message", help="The commit subject (default: names the source commit).")
@click.option("--cname", help="A custom domain: written to CNAME, the site is at https://DOMAIN/.")
@click.option("--no-push", is_flag=True, help="Commit to the local branch only.")
@click.option("--dry-run", is_flag=True, help="Build, show what would be published, change no ref.")
@click.option(
    "--force",
    is_flag=True,
    help="Publish over a branch timeline did not write, a base_url that does not fit the remote, "
    "or a rejected push.",
)
@verbosity
@reports_errors
def deploy(
    directory: Path,
    remote: str,
    branch: str,
    message: str | None,
    cname: str | None,
    no_push: bool,
    dry_run: bool,
    force: bool,
) -> None:
    """Build the site, commit its output to the gh-pages branch and push it."""
    from timeline.build import build_site
    from timeline.config import load_config
    from timeline.deploy import DeployOptions, normalize_cname, plan_deploy, publish

    root = directory.resolve()
    options = DeployOptions(
        remote=remote,
        branch=branch,
        message=message,
        cname=normalize_cname(cname),
        base_url=load_config(root).base_url,
        push=not no_push,
        dry_run=dry_run,
        force=force,
    )
    plan = plan_deploy(root, options)
    report = build_site(root)
    print_report(report)
    _print_deploy(publish(plan, report.output))


@click.command()
@SITE_DIR
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="0: any free."
)
@click.option("--open", "open_browser", is_flag=True, help="Open the site in a web browser.")
@click.option("--poll", is_flag=True, help="Poll for changes (network mounts, containers).")
@click.option("--drafts", is_flag=True, help="Include articles marked draft: true.")
@click.option("--full-render", is_flag=True, help="Render every page on every change.")
@verbosity
@reports_errors
def serve(
    directory: Path,
    host: str,
    port: int,
    open_browser: bool,
    poll: bool,
    drafts: bool,
    full_render: bool,
) -> None:
    """Serve the site from memory, rebuild on every change and reload open pages."""
    from timeline.serve import ServeOptions, serve_site

    options = ServeOptions(
        root=directory,
        host=host,
        port=port,
        open_browser=open_browser,
        poll=poll,
        drafts=drafts,
        full_render=full_render,
    )
    serve_site(options)


def _print_deploy(result: DeployResult) -> None:
    count = plural(len(result.files), "file")
    parent = f"on top of {result.parent[:7]}" if result.parent else "as a new branch"
    push = f"push to {result.remote}" if result.pushed else "keep it local (--no-push)"
    if result.dry_run:
        click.echo(f"Dry run: would commit {count} to {result.branch} {parent} and {push}")
    elif result.unchanged:
        click.echo(f"Nothing changed: {result.branch} already has this site, no new commit")
    else:
        click.echo(f"Committed {count} to {result.branch} {parent}: {(result.commit or '')[:7]}")
    if not result.dry_run:
        click.echo(
            f"Pushed to {result.remote}"
            if result.pushed
            else f"Not pushed; publish with: git push {result.remote} {result.branch}"
        )
    if result.url:
        click.echo(f"The site {'would be' if result.dry_run else 'will be'} at {result.url}")
