"""
The project's packages stand in layers: each imports only packages below it (every
import counts, those inside functions too), so no two import each other, and no app
imports the project package. Migrations are frozen snapshots and are not counted.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Bottom first. A package may import those in the layers below its own.
LAYERS = [
    {"core", "operations", "autosave"},
    {"search"},
    {"accounts"},
    {"articles"},
    {"news"},
    {"publications"},
    {"translations"},
    {"bench"},
    {"thinktank"},
]
LAYER = {package: number for number, layer in enumerate(LAYERS) for package in layer}


def imports_of(path):
    """The first-party packages a module imports, anywhere in it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found |= {name.split(".")[0] for name in names} & set(LAYER)
    return found


def modules(package):
    for path in sorted((ROOT / package).rglob("*.py")):
        if "migrations" not in path.relative_to(ROOT).parts:
            yield path


def test_every_package_of_the_project_has_its_layer():
    """A new app must be placed in LAYERS, so that its imports are checked too."""
    packages = {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in {"tests", "deploy", "node_modules", "var"}
    }
    assert packages <= set(LAYER), packages - set(LAYER)


def test_each_package_imports_only_those_below_it():
    """No cycle, no app importing the project package: imports go down the layers only."""
    wrong = []
    for package, layer in LAYER.items():
        if not (ROOT / package).is_dir():
            continue
        for path in modules(package):
            for imported in imports_of(path):
                if imported != package and LAYER[imported] >= layer:
                    wrong.append(f"{path.relative_to(ROOT)} imports {imported}")
    assert not wrong, "\n".join(wrong)
