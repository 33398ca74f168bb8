"""A Jinja2 template context whose calls of plain functions skip Jinja's checks.

Every call in a template (``href(...)``, ``links.entry(...)``, a macro) goes through
``Context.call``, which first looks for the ``pass_context``-style markers on the callable
and on its ``__call__``. A large site makes millions of such calls. For the kinds of
callables that cannot carry a marker (instances of classes without one, methods and
functions without one, built-in methods) this context calls them at once, exactly as
``Context.call`` would; everything else takes Jinja's own way.
"""

from __future__ import annotations

import types
from typing import Any

import jinja2.runtime

_MARK = "jinja_pass_arg"

_UNMARKED_BY_TYPE: dict[type, bool] = {}
"""For a class: True when neither the class nor its ``__call__`` carries a marker, so no
instance does unless the instance itself has one (checked too)."""

_BUILTIN = (types.BuiltinFunctionType, types.BuiltinMethodType, types.MethodWrapperType)


def _plain(obj: Any) -> bool:
    """True when ``Context.call`` would call ``obj`` with the arguments as they are."""
    kind = type(obj)
    if kind in _BUILTIN:
        return True  # built-ins take no attributes, so no marker
    if kind is types.FunctionType:
        return not hasattr(obj, _MARK)
    if kind is types.MethodType:
        return not hasattr(obj.__func__, _MARK)
    unmarked = _UNMARKED_BY_TYPE.get(kind)
    if unmarked is None:
        call = getattr(kind, "__call__", None)  # noqa: B004 (the method, not callability)
        unmarked = not hasattr(kind, _MARK) and not hasattr(call, _MARK)
        _UNMARKED_BY_TYPE[kind] = unmarked
    return unmarked and not hasattr(obj, _MARK) and "__call__" not in getattr(obj, "__dict__", {})


class FastCallContext(jinja2.runtime.Context):
    """``Context`` with a short way for callables that take no context."""

    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """``Context.call``, but an unmarked callable is called at once."""
        if not _plain(__obj):
            return super().call(__obj, *args, **kwargs)
        if kwargs:  # the variables Jinja offers a callable that takes the context
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception"
            )
