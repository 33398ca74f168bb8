"""A build on a Dask cluster gives the bytes of a local build."""

from __future__ import annotations

from pathlib import Path

from distributed import LocalCluster

from tests.build.test_store import many_articles
from tests.helpers import tree, write_article
from timeline.build import build_site


def test_a_build_on_a_dask_cluster_is_byte_identical_to_a_local_one(
    sample_site: Path, tmp_path: Path
) -> None:
    many_articles(sample_site, 30)
    build_site(sample_site, output=tmp_path / "local", jobs=1, use_cache=False)
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address
        report = build_site(sample_site, output=tmp_path / "dask", dask=address)
        assert report.articles == 32
        # The 32 articles went to the cluster's workers, in chunks.
        assert "each" in cluster.scheduler.task_prefixes
        assert tree(tmp_path / "dask") == tree(tmp_path / "local")
        write_article(
            sample_site,
            "report-007.md",
            "---\ntitle: Report 7\npublished: 2024-01-22\nsource: Wire 3\n---\n\n"
            "Shelling hit sector 7 on 22 January 2024. Aid arrived on Sunday.\n",
        )
        build_site(sample_site, output=tmp_path / "dask", dask=address)
    build_site(sample_site, output=tmp_path / "local-2", jobs=1, use_cache=False)
    assert tree(tmp_path / "dask") == tree(tmp_path / "local-2")


def test_dask_local_starts_a_cluster_here(sample_site: Path, tmp_path: Path) -> None:
    build_site(sample_site, output=tmp_path / "local", jobs=1, use_cache=False)
    report = build_site(sample_site, output=tmp_path / "dask", jobs=2, dask="local")
    assert report.articles == 2
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")
