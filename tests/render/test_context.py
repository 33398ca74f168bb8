"""The fast template context calls everything exactly as Jinja's own context does."""

from __future__ import annotations

import datetime as dt
from typing import Any

import jinja2
import pytest

from timeline.render.context import FastCallContext


@jinja2.pass_context
def context_name(context: Any, suffix: str) -> str:
    return f"{context['name']}{suffix}"


@jinja2.pass_environment
def environment_kind(environment: jinja2.Environment) -> str:
    return type(environment).__name__


@jinja2.pass_eval_context
def eval_autoescape(eval_ctx: Any) -> str:
    return str(eval_ctx.autoescape)


class Plain:
    def __call__(self, value: str) -> str:
        return f"plain {value}"

    def method(self, value: str) -> str:
        return f"method {value}"


class MarkedCall:
    @jinja2.pass_context
    def __call__(self, context: Any) -> str:
        return f"marked {context['name']}"


class Methods:
    @jinja2.pass_context
    def marked(self, context: Any) -> str:
        return f"marked method {context['name']}"


def stops() -> str:
    raise StopIteration


def plain_function(value: str, twice: bool = False) -> str:
    return value * 2 if twice else value


TEMPLATE = """{% macro item(x) %}<{{ x }}>{% endmacro %}
{{ context_name("!") }} {{ environment_kind() }} {{ eval_autoescape() }}
{{ plain("a") }} {{ plain.method("b") }} {{ marked() }} {{ methods.marked() }}
{{ function("c") }} {{ function("d", twice=true) }} {{ day.isoformat() }} {{ "x,y".split(",") }}
{% for n in [1, 2] %}{{ item(n) }}{{ context_name(n) }}{{ plain(n) }}{{ function(n) }}{% endfor %}
{% block body %}{{ context_name("?") }}{{ plain("in a block") }}{% endblock %}
[{{ stops() is undefined }}]
"""


def render(context_class: type[jinja2.runtime.Context] | None) -> str:
    env = jinja2.Environment(loader=jinja2.DictLoader({"t.html": TEMPLATE}), autoescape=True)
    if context_class is not None:
        env.context_class = context_class
    env.globals.update(
        context_name=context_name,
        environment_kind=environment_kind,
        eval_autoescape=eval_autoescape,
        plain=Plain(),
        marked=MarkedCall(),
        methods=Methods(),
        function=plain_function,
        stops=stops,
        day=dt.date(2025, 1, 19),
    )
    return env.get_template("t.html").render(name="N")


def test_fast_context_renders_what_jinja_context_renders() -> None:
    expected = render(None)
    assert "N! Environment True" in expected and "marked N" in expected
    assert "marked method N" in expected and "N1" in expected and "[True]" in expected
    assert render(FastCallContext) == expected


def test_a_callable_instance_marked_on_itself_gets_its_context() -> None:
    marked = Plain()
    marked.jinja_pass_arg = jinja2.utils._PassArg.context  # type: ignore[attr-defined]
    env = jinja2.Environment()
    env.context_class = FastCallContext
    with pytest.raises(TypeError):  # called with the context first, as Jinja would
        env.from_string("{{ f('x') }}").render(f=marked)
