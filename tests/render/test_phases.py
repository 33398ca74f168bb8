"""Phases an editor names in timeline.toml: read and checked, then drawn along the track,
behind the chart and listed in the overview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.config import Config, Phase, parse_config
from timeline.errors import BuildFailed
from timeline.model import ArticleRef, Basis, DateValue, Entry, Precision, Source, Timeline
from timeline.render import bodies_in, render_site
from timeline.render.chart import chart_bands, density_chart
from timeline.render.phases import phase_of, phase_views
from timeline.render.plan import plan_timeline

D = dt.date
TRUCE = Phase("Truce", D(2025, 1, 19), D(2025, 3, 1))
PHASES = """
[[phases]]
name = "Truce"
start = 2025-01-19
end = "2025-03-01"

[[phases]]
name = "Talks"
start = 2025-01-10
end = 2025-01-18
"""


def day(value: D) -> DateValue:
    return DateValue(value.isoformat(), value, value + dt.timedelta(days=1), Precision.DAY)


def entry(eid: str, date: DateValue) -> Entry:
    ref = ArticleRef("a", "content/articles/a.md", "A", "Wire", D(2025, 3, 5))
    return Entry(eid, date, f"Entry {eid}.", (Source(eid, ref, "S.", 1, None, Basis.PUBLICATION),))


def test_phases_are_read_in_the_order_they_begin(tmp_path: Path) -> None:
    config = parse_config(PHASES, tmp_path)
    assert config.phases == (Phase("Talks", D(2025, 1, 10), D(2025, 1, 18)), TRUCE)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('name = "X"\nstart = 2025-01-02', "phase 1: 'end' is missing"),
        ('name = "X"\nstart = 2025-01-02\nend = 2025-01-01', "'end' comes before 'start'"),
        ('name = "X"\nstart = "soon"\nend = 2025-01-01', "'start' must be a date"),
        ('name = "X"\nstart = 2025-01-02\nend = 2025-01-03\ncolour = 1', "unknown key 'colour'"),
    ],
)
def test_a_bad_phase_is_an_error_at_its_line(tmp_path: Path, table: str, message: str) -> None:
    with pytest.raises(BuildFailed) as raised:
        parse_config(f'title = "T"\n\n[[phases]]\n{table}\n', tmp_path, "timeline.toml")
    (error,) = raised.value.errors
    assert str(error).startswith("timeline.toml:3: ") and message in str(error)


def test_a_date_belongs_to_the_phase_it_lies_within() -> None:
    month = DateValue("2025-02", D(2025, 2, 1), D(2025, 3, 1), Precision.MONTH)
    january = DateValue("2025-01", D(2025, 1, 1), D(2025, 2, 1), Precision.MONTH)
    assert phase_of(day(D(2025, 1, 19)), [TRUCE]) == 0
    assert phase_of(day(D(2025, 3, 1)), [TRUCE]) == 0
    assert phase_of(day(D(2025, 3, 2)), [TRUCE]) is None
    assert phase_of(month, [TRUCE]) == 0 and phase_of(january, [TRUCE]) is None


def test_phases_in_the_overview_the_chart_and_along_the_track(tmp_path: Path) -> None:
    entries = tuple(
        entry(str(n), day(value))
        for n, value in enumerate([D(2025, 1, 5), D(2025, 1, 20), D(2025, 2, 3), D(2025, 3, 9)])
    )
    plan = plan_timeline(entries)
    (view,) = phase_views([TRUCE], plan.outline)
    assert (view.name, view.label, view.count, view.anchor) == (
        "Truce",
        "19 January – 1 March 2025",
        2,
        "d-2025-01-20",
    )
    chart = density_chart(entries, plan)
    assert chart is not None
    (band,) = chart_bands(chart, [TRUCE])
    slot = chart.slot
    assert float(band.x) == pytest.approx(slot * 18 / 31, abs=0.01)
    assert float(band.width) == pytest.approx(slot * (13 / 31 + 1 + 1 / 31), abs=0.01)
    config = Config(root=tmp_path, phases=(TRUCE,))
    front = render_site(Timeline("T", entries, ()), config, bodies_in({}))["index.html"].decode()
    assert front.count("in-phase phase-0") == 2
    assert front.count('<p class="phase-start">') == 1
    assert '<a href="#d-2025-01-20">Truce</a>: 19 January – 1 March 2025' in front
    assert '<rect class="band phase-0"' in front
