"""``litigator templates check``: find a template's mistakes before a case meets them.

A template folder is laid out like the shipped one (``<forum code>/<name>.md.j2``; ``--templates DIR`` of
``draft`` takes the same). Every ``.j2`` file is checked:

* **parse** — jinja syntax errors, unknown filters and tests (compiled with the forum's filters), with
  the file and line;
* **unknown variables** — a top-level name the template reads (``jinja2.meta``: its own ``set``, loop
  variables, macros and imports excepted; a name only tested with ``is defined`` too) that the context
  does not provide. The context is the declaration (``pipeline.context_names``: the shared names,
  ``doc`` and the forum's ``Forum.context_names``), not a drafted case;
* **unknown attributes** — ``case.plaintif``: ``Getattr`` chains (and ``selectattr``/``map(attribute=)``)
  on a name whose declared type is a pydantic model, a dataclass or a ``TypedDict``, followed through
  fields, ``list[...]``, ``Optional``, ``set`` and ``for`` (an untyped name, ``Any``, stops the walk);
* **claim-head codes** — a string literal compared with ``….code`` (``==``, ``in``, ``equalto``,
  ``selectattr("code", …)``) or passed to a head lookup (``scenario.head("…")``) that is not one of the
  forum's ``head_codes``;
* **hostile smoke render** — every document the forum drafts (its filing set for a sample case, plus
  catalogue documents that set misses) is rendered for a copy of a sample case folder whose free-text
  fields (names, addresses, facts, titles of evidence.yaml …) hold :data:`HOSTILE`: Markdown and jinja
  syntax, ``&``, ``<``, an emoji and a rare CJK character. The .docx text must show each literally.

Findings are one line each, ``<file>:line N: <what>`` (``<file>: <what>`` without a line). The static
checks never run a case; the smoke render needs a sample case folder (the repository's
``examples/brand-v-seller`` by default, when present).
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import shutil
import tempfile
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta, nodes

from litigator.drafting.environment import make_environment, shipped_templates
from litigator.errors import LitigatorError, TemplateRenderError

HOSTILE = "# 标题 *粗* _x_ [链接](http://x) {{ 1+1 }} {% if %} & < > 😀 𠮷 | 表 | `码` ~~删~~ \\ &amp; <br>!"
MARK = "Ψ"   # brackets the number of each hostile value (no Markdown meaning), so a mangled one can be found
# Keys of case.yaml / evidence.yaml whose string values are free text a filing prints (names, facts …); the
# same original string is replaced everywhere it occurs (also as a mapping key) so references stay consistent.
FREE_TEXT_KEYS = frozenset({"name", "address", "residence", "employer", "occupation", "fact", "conclusion",
                            "description", "goods", "firm", "recipient", "provider", "owner", "by", "progress",
                            "parties", "narrative", "clauses"})
EVIDENCE_TEXT_KEYS = frozenset({"title", "source", "purpose", "名称", "来源", "证明目的"})
HEAD_LOOKUPS = frozenset({"head", "head_amount", "head_of"})   # calls whose first argument is a head code
_CODE_TESTS = frozenset({"equalto", "eq", "==", "sameas", "in"})


@dataclass(frozen=True)
class Finding:
    path: str
    line: int | None
    what: str

    def text(self) -> str:
        return f"{self.path}:line {self.line}: {self.what}" if self.line else f"{self.path}: {self.what}"


@dataclass
class CheckReport:
    folder: Path
    templates: list[str] = field(default_factory=list)   # every .j2 file checked, relative to the folder
    rendered: list[str] = field(default_factory=list)    # the document templates smoke-rendered
    sample: Path | None = None                           # the sample case of the smoke render (None: skipped)
    findings: list[Finding] = field(default_factory=list)


def default_sample() -> Path | None:
    """The repository's brand-owner example (a source checkout; a wheel ships no examples)."""
    candidate = shipped_templates().parent / "examples" / "brand-v-seller"
    return candidate if (candidate / "case.yaml").is_file() else None


def check_templates(folder: Path | None = None, sample: Path | None = None, smoke: bool = True) -> CheckReport:
    """Check every template of ``folder`` (default: the shipped templates); smoke-render with ``sample``
    (default :func:`default_sample`; ``smoke=False`` skips it)."""
    from litigator import forums

    root = Path(folder) if folder is not None else shipped_templates()
    if not root.is_dir():
        raise LitigatorError("templates folder not found", root)
    report = CheckReport(folder=root)
    names = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.j2") if p.is_file())
    report.templates = names
    by_forum: dict[str | None, list[str]] = {}
    for name in names:
        code = name.split("/", 1)[0] if "/" in name else None
        by_forum.setdefault(code if code in forums.codes() else None, []).append(name)
    if names and list(by_forum) == [None] and root.name in forums.codes():
        raise LitigatorError(f"give the folder that holds {root.name}/ (templates are named "
                             f"{root.name}/complaint.md.j2 …, as for draft --templates)", root)
    for code, group in by_forum.items():
        forum = forums.get(code) if code else None
        report.findings += _static(root, group, forum)
    if smoke:
        report.sample = sample if sample is not None else default_sample()
        if report.sample is not None and not any(f.what.startswith("template syntax error") for f in report.findings):
            rendered, findings = smoke_render(root, report.sample)
            report.rendered, report.findings = rendered, _unique(report.findings + findings)
    return report


# ---------------------------------------------------------------------------------------------
# static checks
# ---------------------------------------------------------------------------------------------


def _static(root: Path, names: list[str], forum: Any | None) -> list[Finding]:
    env = make_environment(root, forum.template_filters() if forum is not None else None)
    declared: dict[str, Any] | None = None
    if forum is not None:
        from litigator.pipeline import context_names

        declared = context_names(forum)
    parsed: dict[str, nodes.Template] = {}
    out: list[Finding] = []
    for name in names:
        shown = (root / name).as_posix()
        source = (root / name).read_text(encoding="utf-8")
        try:
            parsed[name] = env.parse(source, name, shown)
            env.compile(source, name, shown)   # unknown filters and tests are compile-time errors
        except jinja2.TemplateSyntaxError as exc:   # TemplateAssertionError is one
            out.append(Finding(shown, exc.lineno, f"template syntax error: {exc.message}"))
            parsed.pop(name, None)
    if declared is None:
        return out
    bound_by_includer = _include_bindings(parsed)
    allowed = set(declared) | set(env.globals)
    for name, ast in parsed.items():
        shown = (root / name).as_posix()
        known = allowed | bound_by_includer.get(name, set()) | _bound(ast)   # set inside an {% if %}: jinja's
        # tracking counts it as read from the context, where the branch is not taken
        for var in sorted(meta.find_undeclared_variables(ast) - known):
            line = _first_use(ast, var)
            if line is None:   # only ever tested with `is defined`
                continue
            out.append(Finding(shown, line, f"unknown variable {var!r}: the {forum.code} context provides no such "
                                            f"name{_did_you_mean(var, declared)}"))
        walker = _Walker(declared, frozenset(forum.head_codes), forum.code)
        walker.statements(ast.body, {})
        out += [Finding(shown, line, what) for line, what in walker.found]
    return sorted(_unique(out), key=lambda f: (f.path, f.line or 0))


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: set[Finding] = set()
    return [f for f in findings if not (f in seen or seen.add(f))]


def _did_you_mean(word: str, choices: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _bound(ast: nodes.Template) -> set[str]:
    return {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")} | \
        {m.name for m in ast.find_all(nodes.Macro)}


def _include_bindings(parsed: dict[str, nodes.Template]) -> dict[str, set[str]]:
    """An included template sees its includer's variables: every name the includer binds."""
    out: dict[str, set[str]] = {}
    for ast in parsed.values():
        bound = _bound(ast)
        for inc in ast.find_all(nodes.Include):
            if isinstance(inc.template, nodes.Const) and isinstance(inc.template.value, str):
                out.setdefault(inc.template.value, set()).update(bound)
    return out


def _first_use(ast: nodes.Template, var: str) -> int | None:
    """The first line reading ``var`` outside an ``is defined`` / ``is undefined`` test."""
    guarded = {id(t.node) for t in ast.find_all(nodes.Test) if t.name in ("defined", "undefined")}
    lines = [n.lineno for n in ast.find_all(nodes.Name) if n.name == var and n.ctx == "load" and id(n) not in guarded]
    return min(lines) if lines else None


# --- types -----------------------------------------------------------------------------------


def _unwrap(tp: Any) -> Any:
    """Optional[X] → X; Annotated[X, …] → X; a union of several types (or Any) → None (unknown)."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else None
    if tp is Any or isinstance(tp, (str, typing.ForwardRef)):
        return None
    return tp


def _element(tp: Any) -> Any:
    """The type of an item of ``tp`` when iterated or indexed by a number (list[X], tuple[X, ...] → X)."""
    tp = _unwrap(tp)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (list, set, frozenset) or (origin is tuple and len(args) == 2 and args[1] is Ellipsis):
        return args[0] if args else None
    if origin is not None and args and origin.__name__ in ("Sequence", "Iterable", "Collection"):
        return args[0]
    return None


def _value_type(tp: Any) -> Any:
    tp = _unwrap(tp)
    if typing.get_origin(tp) is dict and len(typing.get_args(tp)) == 2:
        return typing.get_args(tp)[1]
    return None


def _hints(cls: Any) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls)
    except Exception:  # forward references only a type checker resolves: names known, types not
        return {k: None for k in getattr(cls, "__annotations__", {})}


def _attribute(tp: Any, attr: str) -> tuple[bool, Any]:
    """(does ``attr`` exist on a value of type ``tp``, its type). Only models, dataclasses and TypedDicts are
    known well enough to say no; anything else answers (True, None)."""
    tp = _unwrap(tp)
    if tp is None or not isinstance(tp, type):
        return True, None
    from pydantic import BaseModel

    if issubclass(tp, BaseModel):
        if attr in tp.model_fields:
            return True, tp.model_fields[attr].annotation
        if attr in tp.model_computed_fields:
            return True, tp.model_computed_fields[attr].return_type
        return _class_member(tp, attr)
    if dataclasses.is_dataclass(tp):
        names = {f.name for f in dataclasses.fields(tp)}
        if attr in names:
            return True, _hints(tp).get(attr)
        return _class_member(tp, attr)
    if typing.is_typeddict(tp):
        hints = _hints(tp)
        if attr in hints:
            return True, hints[attr]
        return hasattr(dict, attr), None
    return True, None


def _class_member(cls: type, attr: str) -> tuple[bool, Any]:
    if attr.startswith("_") or not hasattr(cls, attr):
        return False, None
    member = getattr(cls, attr)
    if isinstance(member, property) and member.fget is not None:
        return True, _hints(member.fget).get("return")
    return True, None


def _type_name(tp: Any) -> str:
    tp = _unwrap(tp)
    return getattr(tp, "__name__", str(tp))


def _fields_of(tp: Any) -> list[str]:
    tp = _unwrap(tp)
    if hasattr(tp, "model_fields"):
        return [*tp.model_fields, *[n for n in dir(tp) if not n.startswith("_") and not n.startswith("model_")]]
    if dataclasses.is_dataclass(tp):
        return [f.name for f in dataclasses.fields(tp)]
    return list(_hints(tp))


def _shown(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_shown(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        arg = node.arg
        return f"{_shown(node.node)}[{arg.value!r}]" if isinstance(arg, nodes.Const) else f"{_shown(node.node)}[…]"
    return "…"


class _Walker:
    """Walks a template's AST with the type of each name in scope; records (line, what) findings."""

    def __init__(self, declared: dict[str, Any], head_codes: frozenset[str], forum_code: str) -> None:
        self.declared = declared
        self.head_codes = head_codes
        self.forum_code = forum_code
        self.found: list[tuple[int, str]] = []
        self.guarded = 0   # inside `is defined`: an attribute may be missing on purpose

    # statements
    def statements(self, body: list[nodes.Node], scope: dict[str, Any]) -> None:
        for node in body:
            self.statement(node, scope)

    def statement(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        if isinstance(node, nodes.For):
            inner = dict(scope)
            self.bind(node.target, _element(self.expr(node.iter, scope)), inner)
            inner["loop"] = None
            if node.test is not None:
                self.expr(node.test, inner)
            self.statements(node.body, inner)
            self.statements(node.else_, scope)
        elif isinstance(node, nodes.Assign):
            self.bind(node.target, self.expr(node.node, scope), scope)
        elif isinstance(node, nodes.AssignBlock):
            self.statements(node.body, scope)
            self.bind(node.target, None, scope)
        elif isinstance(node, (nodes.Macro, nodes.CallBlock)):
            inner = dict(scope)
            for arg in node.args:
                inner[arg.name] = None
            for default in node.defaults:
                self.expr(default, scope)
            if isinstance(node, nodes.CallBlock):
                self.expr(node.call, scope)
            else:
                scope[node.name] = None
            inner["caller"] = None
            self.statements(node.body, inner)
        elif isinstance(node, (nodes.Import, nodes.FromImport)):
            for target in ([node.target] if isinstance(node, nodes.Import) else
                           [n if isinstance(n, str) else n[1] for n in node.names]):
                scope[target] = None
        elif isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values, strict=False):
                self.bind(target, self.expr(value, scope), inner)
            self.statements(node.body, inner)
        else:
            for child in node.iter_child_nodes():
                if isinstance(child, nodes.Expr):
                    self.expr(child, scope)
                else:
                    self.statement(child, scope)

    def bind(self, target: nodes.Node, tp: Any, scope: dict[str, Any]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = tp
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self.bind(item, None, scope)

    # expressions: each returns the type of its value, None when unknown
    def expr(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        if isinstance(node, nodes.Name):
            return scope[node.name] if node.name in scope else self.declared.get(node.name)
        if isinstance(node, nodes.Getattr):
            return self.attribute(node, self.expr(node.node, scope), node.attr)
        if isinstance(node, nodes.Getitem):
            base = self.expr(node.node, scope)
            self.expr(node.arg, scope)
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self.attribute(node, base, node.arg.value)
            return _element(base) or _value_type(base)
        if isinstance(node, nodes.Test) and node.name in ("defined", "undefined"):
            self.guarded += 1
            self.expr(node.node, scope)
            self.guarded -= 1
            return None
        if isinstance(node, nodes.Filter):
            return self.filter(node, scope)
        if isinstance(node, nodes.CondExpr):
            self.expr(node.test, scope)
            first = self.expr(node.expr1, scope)
            second = self.expr(node.expr2, scope) if node.expr2 is not None else None
            none = node.expr2 is None or (isinstance(node.expr2, nodes.Const) and node.expr2.value is None)
            return first if none or first == second else None
        if isinstance(node, nodes.Compare):
            self.compare(node)
        elif isinstance(node, nodes.Test):
            self.test(node)
        elif isinstance(node, nodes.Call):
            self.call(node)
        for child in node.iter_child_nodes():
            self.expr(child, scope)
        return None

    def attribute(self, node: nodes.Node, base: Any, attr: str) -> Any:
        exists, tp = _attribute(base, attr)
        if not exists and not self.guarded:
            self.found.append((node.lineno, f"unknown attribute {_shown(node)!r}: {_type_name(base)} has no field or "
                                            f"property {attr!r}{_did_you_mean(attr, _fields_of(base))}"))
        return tp

    def filter(self, node: nodes.Filter, scope: dict[str, Any]) -> Any:
        base = self.expr(node.node, scope) if node.node is not None else None
        for arg in [*node.args, *(k.value for k in node.kwargs)]:
            self.expr(arg, scope)
        item = _element(base)
        attr_args = {k.key: k.value for k in node.kwargs}
        if node.name in ("selectattr", "rejectattr") and node.args and _const_str(node.args[0]):
            self.attribute(node, item, node.args[0].value)
            if node.args[0].value == "code" and len(node.args) >= 3 and _const_str(node.args[1]) \
                    and node.args[1].value in _CODE_TESTS:
                self.head_code(node.args[2])
            return base
        if node.name in ("map", "sort", "sum", "groupby", "unique", "min", "max") and \
                _const_str(attr_args.get("attribute")):
            _, tp = _attribute(item, attr_args["attribute"].value) if item is not None else (True, None)
            self.attribute(node, item, attr_args["attribute"].value)
            return list[tp] if node.name == "map" and tp is not None else (base if node.name == "sort" else None)
        if node.name in ("list", "sort", "unique", "reverse", "batch", "default", "d"):
            return base
        if node.name in ("first", "last", "random"):
            return item
        return None

    # claim-head codes
    def head_code(self, node: nodes.Node) -> None:
        items = node.items if isinstance(node, (nodes.List, nodes.Tuple)) else [node]
        values = [(v.lineno, v.value) for v in items if isinstance(v, nodes.Const)]
        # jinja's code generator (meta) folds a literal list into one Const
        values = [(line, x) for line, v in values for x in (v if isinstance(v, (list, tuple)) else [v])]
        for line, code in values:
            if isinstance(code, str) and code not in self.head_codes:
                self.found.append((line, f"unknown claim-head code {code!r}: the {self.forum_code} forum's rules "
                                         f"produce no such head{_did_you_mean(code, self.head_codes)}"))

    def compare(self, node: nodes.Compare) -> None:
        operands = [node.expr, *(op.expr for op in node.ops)]
        if any(_is_code(o) for o in operands):
            for o in operands:
                if not _is_code(o):
                    self.head_code(o)

    def test(self, node: nodes.Test) -> None:
        if node.name in _CODE_TESTS and _is_code(node.node) and node.args:
            self.head_code(node.args[0])

    def call(self, node: nodes.Call) -> None:
        func = node.node
        name = func.attr if isinstance(func, nodes.Getattr) else getattr(func, "name", None)
        if name in HEAD_LOOKUPS and node.args:
            self.head_code(node.args[0])


def _const_str(node: Any) -> bool:
    return isinstance(node, nodes.Const) and isinstance(node.value, str)


def _is_code(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Getattr) and node.attr == "code"


# ---------------------------------------------------------------------------------------------
# hostile smoke render
# ---------------------------------------------------------------------------------------------


def smoke_render(root: Path, sample: Path) -> tuple[list[str], list[Finding]]:
    """Render every document of the sample case's forum with hostile free text; a value that does not come out
    of the .docx literally is a finding on the template. Returns (templates rendered, findings)."""
    from litigator import forums, pipeline
    from litigator.drafting import markdown_to_docx, render_markdown

    if not (Path(sample) / "case.yaml").is_file():
        raise LitigatorError("not a case folder (no case.yaml): --sample takes a case folder", sample)
    findings: list[Finding] = []
    rendered: list[str] = []
    printed: set[int] = set()
    with tempfile.TemporaryDirectory(prefix="litigator-templates-") as tmp:
        case_dir = Path(tmp) / "case"
        values = hostile_case(Path(sample), case_dir)
        try:
            run = pipeline.analyse(case_dir)
        except LitigatorError as err:
            raise LitigatorError(f"the sample case with hostile text does not load ({err.line()}): choose another "
                                 "--sample", sample) from None
        case = run.folder.case
        forum = forums.get(case.jurisdiction)
        documents = list(forum.documents_for(case).values())
        covered = {d.template for d in documents}
        documents += [d for d in forum.documents.values() if d.template not in covered and not d.params
                      and d.template.split("/")[0] == forum.code]
        if run.sales is not None:
            pipeline.sales_extract_exhibit(run, forum, Path(tmp) / "out")
        context = pipeline.template_context(run, case.filed_scenario)
        private = {k: context.pop(k) for k in [k for k in context if k.startswith("_")]}  # _warnings, _cited …
        extra = {"images": private["_images"]} if private.get("_images") is not None else {}
        for doc in documents:
            if not (root / doc.template).is_file():
                continue   # a folder of a few templates: the others are the shipped ones
            shown = (root / doc.template).as_posix()
            try:
                markdown = render_markdown(doc.template, {**context, "doc": doc.params}, root,
                                           forum.template_filters())
                data = markdown_to_docx(markdown, doc.title, run.filing_date, forum.style, **extra)
            except TemplateRenderError as err:
                where = err.where[len("line "):] if err.where and err.where.startswith("line ") else None
                path = (root / err.path).as_posix() if err.path and not Path(err.path).is_absolute() else err.path
                findings.append(Finding(path or shown, int(where) if where and where.isdigit() else None,
                                        f"smoke render: {err.what}"))
                continue
            if doc.template not in rendered:
                rendered.append(doc.template)
            text = docx_text(data)
            printed |= {int(n) for n in _MARKED.findall(text)}
            findings += [Finding(shown, None, what) for what in literal_problems(text, values, doc.title)]
    if rendered and not printed:
        findings.append(Finding(root.as_posix(), None, "smoke render: no document printed any of the sample case's "
                                                       "free text, so nothing was checked"))
    return rendered, findings


def hostile_case(sample: Path, dest: Path) -> dict[int, str]:
    """Copy ``sample`` to ``dest`` with every free-text value of case.yaml and evidence.yaml made hostile:
    ``<HOSTILE>Ψ3Ψ<original>`` (hostile first, so a value that starts a line tests the line-start escapes; the
    original last, so suffixes such as 有限公司 still read). Returns number → the key path it was found under."""
    from ruamel.yaml import YAML

    shutil.copytree(sample, dest, ignore=shutil.ignore_patterns("out", "facts.yaml"))
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    originals: dict[str, tuple[int, str]] = {}
    files = [(dest / "case.yaml", FREE_TEXT_KEYS)]
    files += [(p, EVIDENCE_TEXT_KEYS) for p in (dest / "evidence.yaml", dest / "evidence" / "evidence.yaml")
              if p.is_file()]
    loaded = []
    for path, keys in files:
        data = yaml.load(path.read_text(encoding="utf-8"))
        loaded.append((path, data))
        for where, key, value in _leaves(data, path.name + ":"):
            if key in keys and isinstance(value, str) and value.strip() and value not in originals:
                originals[value] = (len(originals) + 1, where)

    def hostile(value: Any) -> Any:
        if isinstance(value, str) and value in originals:
            return f"{HOSTILE}{MARK}{originals[value][0]}{MARK}{value}"
        if isinstance(value, dict):
            return {hostile(k): hostile(v) for k, v in value.items()}
        if isinstance(value, list):
            return [hostile(v) for v in value]
        return value

    for path, data in loaded:
        with path.open("w", encoding="utf-8") as f:
            yaml.dump(hostile(data), f)
    return {n: key for n, key in originals.values()}


def _leaves(data: Any, where: str, key: str | None = None) -> Iterator[tuple[str, str | None, Any]]:
    """(key path, key, value) of every scalar: ``case.yaml:plaintiffs[0].name``."""
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _leaves(v, f"{where}{'.' if where[-1] != ':' else ''}{k}", str(k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _leaves(v, f"{where}[{i}]", key)
    else:
        yield where, key, data


def docx_text(data: bytes) -> str:
    """The text of every paragraph of a .docx (tables included), one per line."""
    from io import BytesIO

    from docx import Document
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    doc = Document(BytesIO(data))
    return "\n".join(Paragraph(p, doc).text for p in doc.element.body.iter(qn("w:p")))


_MARKED = re.compile(f"{MARK}(\\d+){MARK}")


def literal_problems(text: str, values: dict[int, str], title: str) -> list[str]:
    """Each hostile value the document prints must read ``<HOSTILE>`` before its number."""
    out = []
    for m in _MARKED.finditer(text):
        got = text[max(0, m.start() - len(HOSTILE)):m.start()]
        if got != HOSTILE:
            key = values.get(int(m.group(1)), "?")
            out.append(f"smoke render ({title}): the hostile value of {key} was not printed literally: "
                       f"expected {HOSTILE!r}, got {got!r}")
    return out
