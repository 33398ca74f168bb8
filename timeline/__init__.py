"""timeline: a static site generator for conflict timelines."""

DISTRIBUTION = "conflict-timeline"
"""The name on PyPI (``timeline`` there is another project); the import package and the
command stay ``timeline``."""
