"""The load stage: articles and what editors write by hand, read from a site's content.

Import each part from its module; this package imports none of them, so that a caller
that only lists the files (a build that finds nothing changed) loads no parser:

- ``files``: where the article and curation files are, and what may be read (no symbolic
  link leading outside the site);
- ``themes``: where the site's theme is;
- ``articles``: news articles (front matter, publication date, slug, Markdown body);
- ``front_matter``: the front matter's fields and the publication date;
- ``curation``: hand-written events (``content/events/``) and ``corrections.toml``;
- ``site``: what load checks of a whole site.

``load_*`` functions read the disk and ``parse_*`` functions are pure.
"""
