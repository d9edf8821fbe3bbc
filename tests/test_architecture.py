"""The stages import one way: read -> find -> interpret -> reconcile -> store.

read knows nothing of plans, find nothing of the database or the batch, and the
database layer nothing of extraction.  Checked on the source, so a new import
that crosses a stage fails here.
"""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# stage -> the stages it must never import
FORBIDDEN = {
    "boardpapers.extractors.read": ("boardpapers.extractors.find", "boardpapers.extractors.interpret",
                                    "boardpapers.extractors.vocabulary", "boardpapers.db", "boardpapers.ingest"),
    "boardpapers.extractors.find": ("boardpapers.db", "boardpapers.ingest"),
    "boardpapers.extractors.interpret": ("boardpapers.extractors.find", "boardpapers.extractors.read",
                                         "boardpapers.db", "boardpapers.ingest"),
    "boardpapers.extractors": ("boardpapers.db", "boardpapers.ingest"),
    "boardpapers.db": ("boardpapers.extractors", "boardpapers.ingest"),
    "boardpapers.schema": ("boardpapers.extractors", "boardpapers.ingest", "boardpapers.db"),
}
FOLDERS = {"extractors": "boardpapers.extractors", "ingest": "boardpapers.ingest", "db": "boardpapers.db",
           "schema": "boardpapers.schema"}


def _modules():
    for folder, package in FOLDERS.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            yield ".".join((package, *parts)).removesuffix(".__init__"), path


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def _stage(module: str) -> str | None:
    matches = [stage for stage in FORBIDDEN if module == stage or module.startswith(stage + ".")]
    return max(matches, key=len) if matches else None


MODULES = list(_modules())


@pytest.mark.parametrize("module, path", MODULES, ids=[m for m, _ in MODULES])
def test_imports_point_one_way(module, path):
    stage = _stage(module)
    if stage is None:
        return
    crossing = sorted(name for name in _imports(path)
                      for banned in FORBIDDEN[stage] if name == banned or name.startswith(banned + "."))
    assert not crossing, f"{module} ({stage}) imports {crossing}"


def test_only_the_one_package_is_imported_by_its_own_name():
    """No module imports `extractors`, `ingest`, `db` or `schema` as a top-level package."""
    loose = [(module, name) for module, path in MODULES for name in _imports(path)
             if name.split(".")[0] in FOLDERS]
    assert not loose, loose
