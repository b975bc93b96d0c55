"""The search app sits just above core: it reads what models declare, and imports no app."""

import ast
from pathlib import Path

from django.conf import settings

SEARCH = Path(settings.BASE_DIR) / "search"
# What the search app may import of the project: the plumbing below it, and itself.
ALLOWED = {"core", "search"}


def project_packages():
    """Every top-level package of the repository: the apps, the project, tests, bench…"""
    return {path.parent.name for path in Path(settings.BASE_DIR).glob("*/__init__.py")}


def imported_modules(path):
    """
    (line, module) of every import in the file, inside functions and classes too, and of
    every import_module("…") or __import__("…") naming its module in the code.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    # The package a relative import starts from: search, or a package inside it.
    package = path.relative_to(SEARCH.parent).with_suffix("").parts[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            if node.module:
                yield node.lineno, ".".join([*base, node.module])
            else:  # from . import x, from .. import x
                for alias in node.names:
                    yield node.lineno, ".".join([*base, alias.name])
        elif isinstance(node, ast.ImportFrom):
            yield node.lineno, node.module
        elif isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            argument = node.args[0]
            if name in {"import_module", "__import__"} and isinstance(argument, ast.Constant):
                yield node.lineno, argument.value


def test_the_search_app_imports_no_other_app_of_the_project():
    """Every module of search/ imports only core, itself, Django and libraries."""
    modules = sorted(SEARCH.rglob("*.py"))
    assert modules, SEARCH
    forbidden = project_packages() - ALLOWED
    assert {"articles", "news", "accounts", "thinktank"} <= forbidden
    found = [
        f"{path.relative_to(SEARCH.parent)}:{line} imports {module}"
        for path in modules
        for line, module in imported_modules(path)
        if not module or module.split(".")[0] in forbidden
    ]
    assert found == []
