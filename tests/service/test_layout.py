"""The package's rooms keep their doors: what each folder of ``service/`` may import.

Read from the source (no imports run), so a new module that breaks the layout fails here
with the line that does it, not later as a circular import or a demo-only dependency in
production.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVICE = ROOT / "service"
FOLDERS = {"reading", "schedules", "conversation", "care", "messaging", "web", "demo", "models", "telemetry",
           "operations"}
FLASK = {"flask", "flask_wtf", "werkzeug"}
# The only ways into the demo from outside it: the `kinship demo` command, and the app
# factory mounting /simulator when settings.demo is set. Both import lazily.
DEMO_DOORS = {("service.cli", "demo"), ("service.web.app", "build_app")}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, dotted
    target: str  # what it imports, dotted
    line: int
    lazy: bool  # inside a function: runs only when that function does
    function: str | None

    def __str__(self) -> str:
        return f"{self.module}:{self.line} imports {self.target}"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> list[Import]:
    module = module_name(path)
    found: list[Import] = []

    def visit(node: ast.AST, function: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                visit(child, child.name)
                continue
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                continue  # annotations only: never imported at run time
            targets: list[str] = []
            if isinstance(child, ast.Import):
                targets = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                targets = [_submodule_or_module(child.module, alias.name) for alias in child.names]
            found.extend(Import(module, t, child.lineno, function is not None, function) for t in targets)
            visit(child, function)

    visit(ast.parse(path.read_text(encoding="utf-8")), None)
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return isinstance(test, ast.Name) and test.id == "TYPE_CHECKING"


def _submodule_or_module(module: str, name: str) -> str:
    candidate = ROOT.joinpath(*f"{module}.{name}".split("."))
    if candidate.with_suffix(".py").exists() or (candidate / "__init__.py").exists():
        return f"{module}.{name}"
    return module


def room(module: str) -> str:
    """A folder of service/, or a module at its top, or the outside package imported."""
    parts = module.split(".")
    if parts[0] != "service":
        return parts[0]
    if len(parts) == 1:
        return "service"
    return parts[1] if parts[1] in FOLDERS else f"service.{parts[1]}"


def all_imports() -> list[Import]:
    return [i for path in sorted(SERVICE.rglob("*.py")) for i in imports_of(path)]


def test_no_two_rooms_import_each_other_even_through_others():
    graph: dict[str, set[str]] = defaultdict(set)
    for i in all_imports():
        source, target = room(i.module), room(i.target)
        if i.target.startswith("service.") and source != target and (i.module, i.function) not in DEMO_DOORS:
            graph[source].add(target)
    cycles = _cycles(graph)
    assert not cycles, f"rooms that import each other: {cycles}"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one room (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in list(graph):
        if v not in index:
            connect(v)
    return found


def test_flask_lives_under_web_and_demo_only():
    offenders = [str(i) for i in all_imports()
                 if i.target.split(".")[0] in FLASK and room(i.module) not in {"web", "demo"}]
    assert not offenders


def test_rq_is_imported_only_by_the_cli_commands_that_start_workers_and_the_clock():
    offenders = [str(i) for i in all_imports() if i.target.split(".")[0] == "rq"
                 and not (i.module == "service.cli" and i.function in {"worker", "clock_command"})]
    assert not offenders


def test_production_never_imports_the_demo():
    offenders = [str(i) for i in all_imports()
                 if room(i.target) == "demo" and room(i.module) != "demo" and (i.module, i.function) not in DEMO_DOORS]
    assert not offenders


def test_reading_and_schedules_are_pure():
    """No database, no web, no clock: the rest of service/ is out of reach, and so is SQLAlchemy."""
    for folder in ("reading", "schedules"):
        offenders = [str(i) for i in all_imports() if room(i.module) == folder
                     and ((i.target.startswith("service.") and room(i.target) != folder)
                          or i.target.split(".")[0] in FLASK | {"sqlalchemy", "redis", "rq"})]
        assert not offenders, folder


def test_messaging_knows_messages_not_care_conversation_or_the_dashboard():
    offenders = [str(i) for i in all_imports() if room(i.module) == "messaging"
                 and room(i.target) in {"care", "conversation", "web", "demo"}]
    assert not offenders


def test_no_module_left_at_the_top_that_belongs_to_a_room():
    prefixes = ("reply", "replies", "schedule", "quiet_hours", "member_time", "sms_", "twilio_",
                "demo", "embedded_redis", "simulator", "webhooks", "health")
    strays = [p.name for p in SERVICE.glob("*.py") if p.stem.startswith(prefixes)]
    assert not strays
    folder_prefixed = [str(p.relative_to(SERVICE)) for folder in FOLDERS
                       for p in (SERVICE / folder).glob(f"{folder.rstrip('s')}_*.py")]
    assert not folder_prefixed


def test_telemetry_is_the_floor_every_room_may_stand_on():
    """Logs, events and metrics: every room calls them, so they import no room (the settings only)."""
    offenders = [str(i) for i in all_imports() if room(i.module) == "telemetry" and i.target.startswith("service.")
                 and room(i.target) not in {"telemetry", "service.settings", "models"}
                 or room(i.module) == "telemetry" and i.target.split(".")[0] in FLASK | {"rq"}]
    assert not offenders


def test_operations_reads_the_rooms_below_and_never_the_web_or_care():
    offenders = [str(i) for i in all_imports() if room(i.module) == "operations"
                 and (room(i.target) in {"web", "care", "conversation", "demo"} or i.target.split(".")[0] in FLASK)]
    assert not offenders
