"""The case folder contract: find, read and validate case.yaml.

Validation errors name the YAML key path and its line (README.md, "Commands")::

    error: examples/x/case.yaml:12: defendants[0].id_number: resident ID … fails its checksum

Every validation problem is reported (``LitigatorError.details``, one line each); an unknown key names
the closest allowed key and every key allowed where it sits. Every YAML file the tool reads from a user
(case.yaml, evidence.yaml, facts.yaml, precedent files) goes through :func:`safe_load`, which refuses
alias expansion beyond a small bound (a "billion laughs" file fails at once, before it allocates).
"""

from __future__ import annotations

import difflib
import os
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import AliasChoices, BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from litigator.errors import CaseFileError, LitigatorError

CASE_FILE = "case.yaml"


@dataclass
class CaseFolder:
    """A validated case folder."""

    path: Path
    case: Any  # the forum's case model (litigator.models.case_model_for)
    raw: Any  # the round-trip YAML document (keeps line numbers and comments)

    @property
    def case_file(self) -> Path:
        return self.path / CASE_FILE

    def resolve(self, relative: str) -> Path:
        """A path named in case.yaml, relative to the case folder."""
        p = Path(relative)
        return p if p.is_absolute() else self.path / p

    def label(self) -> str:
        return str(self.path)


def plain_data(node: Any) -> Any:
    """Round-trip YAML containers to plain dicts/lists (pydantic sees ordinary values)."""
    if isinstance(node, dict):
        return {str(k): plain_data(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain_data(v) for v in node]
    if isinstance(node, datetime):
        return node
    return node


def key_line(raw: Any, loc: tuple[Any, ...]) -> int | None:
    """1-based line of the YAML node at ``loc`` (the deepest node that exists)."""
    node = raw
    line: int | None = None
    for key in loc:
        if isinstance(node, CommentedMap) and key in node:
            try:
                line = node.lc.key(key)[0] + 1
            except (KeyError, TypeError):
                pass
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            try:
                line = node.lc.item(key)[0] + 1
            except (KeyError, TypeError):
                pass
            node = node[key]
        else:
            break
    return line


def format_loc(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def parse_key_path(text: str) -> tuple[Any, ...]:
    """``scenarios.base.goodwill`` or ``expenses[0].amount`` → a loc tuple for :func:`key_line`."""
    loc: list[Any] = []
    for part in text.split("."):
        name, _, rest = part.partition("[")
        if name:
            loc.append(name)
        for index in filter(None, rest.replace("]", "").split("[")):
            loc.append(int(index) if index.isdigit() else index)
    return tuple(loc)


def locate(err: LitigatorError, folder: "CaseFolder") -> LitigatorError:
    """Point an error raised against ``case.yaml`` at the real file and the key's line."""
    if err.path is None:
        return err
    if err.path != CASE_FILE:
        if not Path(err.path).is_absolute() and not Path(err.path).exists():
            err.path = str(folder.path / err.path)  # a path named in case.yaml, relative to the folder
        return err
    err.path = str(folder.case_file)
    if err.where and not err.where[:1].isdigit():
        line = key_line(folder.raw, parse_key_path(err.where))
        if line:
            err.where = f"{line}: {err.where}"
    return err


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    # pydantic adds union/validator tags such as 'function-after[...]' or type names; drop them.
    return tuple(p for p in loc if isinstance(p, int) or not (
        "[" in str(p) or str(p) in ("str", "int", "Decimal", "date", "none", "literal")))


def _members(annotation: Any) -> list[Any]:
    """The alternatives of an annotation: ``X | None`` → [X, None]; ``Annotated[X, ...]`` → [X]."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _members(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [m for a in typing.get_args(annotation) for m in _members(a)]
    return [annotation]


def _is_model(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, BaseModel)


def field_keys(field: Any, name: str) -> list[str]:
    """The keys a model field accepts: its name, or its validation aliases (e.g. purpose, 证明目的)."""
    alias = field.validation_alias
    if isinstance(alias, AliasChoices):
        return [c for c in alias.choices if isinstance(c, str)]
    if isinstance(alias, str):
        return [alias]
    return [field.alias or name]


def _field_by_key(model: type[BaseModel], key: str) -> Any:
    for name, field in model.model_fields.items():
        if key in field_keys(field, name):
            return field
    return None


def _walk(root: Any, loc: tuple[Any, ...]) -> tuple[tuple[Any, ...], list[type[BaseModel]]]:
    """Follow ``loc`` from the annotation ``root``: (the loc without pydantic's union tags, the models that
    can sit at its end)."""
    cands, clean = [root], []
    for part in loc:
        models = [m for c in cands for m in _members(c) if _is_model(m)]
        tagged = [m for m in models if part == m.__name__]
        if tagged:  # a union's tag, e.g. liability → Liability | list[Liability]
            cands = tagged
            continue
        clean.append(part)
        nxt: list[Any] = []
        for c in cands:
            for m in _members(c):
                if _is_model(m):
                    field = _field_by_key(m, part) if isinstance(part, str) else None
                    if field is not None:
                        nxt.append(field.annotation)
                elif typing.get_origin(m) is list and isinstance(part, int):
                    nxt.append(typing.get_args(m)[0])
                elif typing.get_origin(m) is dict:
                    nxt.append(typing.get_args(m)[1])
        cands = nxt
    return tuple(clean), [m for c in cands for m in _members(c) if _is_model(m)]


def allowed_keys(model: type[BaseModel]) -> list[str]:
    return [k for name, field in model.model_fields.items() for k in field_keys(field, name)]


def _unknown_key(key: str, model: type[BaseModel] | None) -> str:
    if model is None:
        return f"unknown key {key!r} (a typo?)"
    allowed = allowed_keys(model)
    if key in allowed:  # pydantic takes one name of a key with several (purpose / 证明目的): the other is extra
        names = next(field_keys(f, n) for n, f in model.model_fields.items() if key in field_keys(f, n))
        return f"{' and '.join(repr(n) for n in names)} are one key, given twice: keep one"
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    hint = f": did you mean {close[0]!r}?" if close else ""
    return f"unknown key {key!r}{hint} (allowed here: {', '.join(allowed)})"


def _describe(error: dict, raw: Any, model_name: str, root: Any = None) -> tuple[str, str, tuple[Any, ...]]:
    """(where, what, loc) of one pydantic error: ``12: defendants[0].id_number``, the message, the key path."""
    loc = _clean_loc(tuple(error.get("loc", ())))
    parent: list[type[BaseModel]] = []
    if root is not None:
        loc, _ = _walk(root, loc)
        _, parent = _walk(root, loc[:-1])
    msg = error.get("msg", "invalid").removeprefix("Value error, ")
    if error.get("type") == "extra_forbidden":
        msg = _unknown_key(str(loc[-1]), parent[0] if parent else None)
    elif error.get("type") == "missing":
        msg = "required key is missing"
    elif error.get("type") in ("model_type", "model_attributes_type") and root is not None:
        _, here = _walk(root, loc)
        if here:
            msg = f"expected a mapping of keys ({', '.join(allowed_keys(here[0]))})"
    line = key_line(raw, loc)
    where_key = format_loc(loc) or model_name
    return (f"{line}: {where_key}" if line else where_key), msg, loc


def validation_error(err: ValidationError, raw: Any, path: Path, model_name: str = "case",
                     root: Any = None) -> CaseFileError:
    """Every problem of ``err``, one line each in ``details`` (unknown keys first: a typo is usually the
    cause of a "required key is missing" beside it). ``root`` is the validated model (or annotation):
    with it, an unknown key names the closest allowed key and every key allowed where it sits."""
    described = [_describe(e, raw, model_name, root) for e in err.errors(include_url=False)]
    unknown = {(loc[:-1], loc[-1]) for _, msg, loc in described if msg.startswith("unknown key") and loc}
    out: list[tuple[str, str]] = []
    for where, msg, loc in described:
        if msg == "required key is missing" and loc:
            typos = [k for parent, k in unknown if parent == loc[:-1]
                     and difflib.get_close_matches(str(k), [str(loc[-1])], n=1, cutoff=0.6)]
            if typos:
                msg += f" ({typos[0]!r} is there: a typo?)"
        out.append((where, msg))
    out.sort(key=lambda d: not d[1].startswith("unknown key"))
    where, msg = out[0]
    error = CaseFileError(msg, path, where, more=len(out) - 1)
    error.details = [f"{path}:{w}: {m}" for w, m in out] if len(out) > 1 else []
    return error


class _CheckedConstructor(RoundTripConstructor):
    """Round-trip constructor whose impossible dates (2026-02-30) are errors with a line number."""

    def construct_yaml_timestamp(self, node, values=None):
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError as exc:
            raise ConstructorError(None, None, f"impossible date {node.value!r} ({exc})",
                                   node.start_mark) from None


_CheckedConstructor.add_constructor("tag:yaml.org,2002:timestamp", _CheckedConstructor.construct_yaml_timestamp)


MAX_ALIASES = 1000  # alias uses (*name) in one YAML document
MAX_ALIAS_NODES = 100_000  # values that alias expansion may add to a document (a bomb adds billions)


def _alias_problem(root: Any) -> str | None:
    """Why a composed YAML document is refused (None: it is fine). Aliases share one node, so the graph is
    small however large its expansion; walk it once (no recursion) and count what expansion would add."""
    visiting, done = 1, 2
    state: dict[int, int] = {}
    size: dict[int, int] = {}
    refs = 0

    def children(node: Any) -> list[Any]:
        value = node.value
        if not isinstance(value, list):
            return []
        return [n for item in value for n in (item if isinstance(item, tuple) else (item,))]

    state[id(root)] = visiting
    stack = [(root, iter(children(root)))]
    while stack:
        node, pending = stack[-1]
        child = next(pending, None)
        if child is None:
            stack.pop()
            total = 1 + sum(size[id(c)] for c in children(node))
            size[id(node)] = min(total, 10 * MAX_ALIAS_NODES)  # bounded: no huge integers either
            state[id(node)] = done
            continue
        refs += 1
        seen = state.get(id(child))
        if seen == visiting:
            return "an alias refers to the value that contains it (a recursive alias)"
        if seen == done:
            continue  # an alias: the node is shared
        state[id(child)] = visiting
        stack.append((child, iter(children(child))))
    aliases = refs + 1 - len(state)
    if aliases > MAX_ALIASES:
        return f"{aliases:,} aliases (*name), more than the {MAX_ALIASES:,} allowed: write the values out"
    if size[id(root)] - len(state) > MAX_ALIAS_NODES:
        return (f"its aliases (*name) expand to more than {MAX_ALIAS_NODES:,} values (a YAML bomb?): "
                "write the values out")
    return None


def _yaml_error(exc: Exception, path: Path) -> CaseFileError:
    if isinstance(exc, MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}" if mark else None
        problem = (exc.problem or exc.context or "YAML syntax error").strip()
        kind = "invalid value" if isinstance(exc, ConstructorError) else "YAML syntax error"
        return CaseFileError(f"{kind}: {problem}", path, where)
    if isinstance(exc, RecursionError):
        return CaseFileError("YAML nested too deeply", path)
    return CaseFileError(f"YAML error: {exc}", path)


def round_trip_yaml() -> YAML:
    """The round-trip reader (comments and line numbers kept; impossible dates are errors)."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _CheckedConstructor
    return yaml


class _NotPlain(Exception):
    """The document uses what :func:`_compose_plain` leaves to ruamel (aliases, anchors, tags, directives,
    several documents) or libyaml cannot read it: ruamel reads it instead."""


try:
    import yaml as _libyaml

    _CLoader = _libyaml.CSafeLoader  # only where PyYAML was built with libyaml
except (ImportError, AttributeError):  # pragma: no cover - the pinned wheels carry libyaml
    _libyaml = _CLoader = None


def _compose_plain(text: str, resolver: Any) -> Any:
    """The round-trip node graph ruamel's composer would build, from libyaml's parser events (C, several
    times faster than ruamel's pure-Python scanner and parser). Tags are resolved by ruamel's own YAML 1.2
    resolver and the nodes carry libyaml's marks (the same 0-based lines and columns), so ruamel's
    constructor builds the same document with the same line numbers. Raises :class:`_NotPlain` for
    anything it leaves to ruamel."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    y = _libyaml
    scalar, seq_start, map_start = y.ScalarEvent, y.SequenceStartEvent, y.MappingStartEvent
    ends = (y.SequenceEndEvent, y.MappingEndEvent)
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        raise _NotPlain  # line breaks to ruamel (NEL, LS, PS), not to libyaml: lines would differ
    root = None
    documents = 0
    stack: list[list[Any]] = []  # [collection node, mapping key waiting for its value]
    try:
        for ev in y.parse(text, Loader=_CLoader):
            kind = type(ev)
            if kind is scalar:
                if ev.anchor is not None or ev.tag is not None:
                    raise _NotPlain
                node = ScalarNode(resolver.resolve(ScalarNode, ev.value, ev.implicit), ev.value, ev.start_mark,
                                  ev.end_mark, style=ev.style)
            elif kind is map_start or kind is seq_start:
                if ev.anchor is not None or ev.tag is not None:
                    raise _NotPlain
                cls = MappingNode if kind is map_start else SequenceNode
                stack.append([cls(resolver.resolve(cls, None, ev.implicit), [], ev.start_mark, None,
                                  flow_style=ev.flow_style), None])
                continue
            elif kind in ends:
                node = stack.pop()[0]
                node.end_mark = ev.end_mark
            elif kind is y.DocumentStartEvent:
                documents += 1
                if documents > 1 or ev.version is not None or ev.tags:
                    raise _NotPlain
                continue
            elif kind is y.AliasEvent:
                raise _NotPlain
            else:  # stream start and end, document end
                continue
            if not stack:
                root = node
            else:
                top = stack[-1]
                if type(top[0]) is SequenceNode:
                    top[0].value.append(node)
                elif top[1] is None:
                    top[1] = node
                else:
                    top[0].value.append((top[1], node))
                    top[1] = None
    except y.YAMLError:
        raise _NotPlain from None
    return root


def dump_plain(data: Any) -> str:
    """Plain data (dicts, lists, str, int, float, bool, None, dates) as block-style YAML that
    :func:`safe_load` reads back as the same values: libyaml's emitter where PyYAML has it (a batch writes
    a case.yaml per row), with every string that YAML 1.2 would read as something else (``0o17``, ``1e3``,
    ``yes`` stays a string either way) quoted; ruamel's safe dumper otherwise."""
    import io

    if _libyaml is None or not hasattr(_libyaml, "CSafeDumper"):  # pragma: no cover - wheels carry libyaml
        yaml = YAML(typ="safe")
        yaml.default_flow_style = False
        yaml.allow_unicode = True
        yaml.sort_base_mapping_type_on_output = False
        buf = io.StringIO()
        yaml.dump(data, buf)
        return buf.getvalue()
    return _libyaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, default_flow_style=False, sort_keys=False,
                         width=4096)


if _libyaml is not None and hasattr(_libyaml, "CSafeDumper"):
    from ruamel.yaml.nodes import ScalarNode as _RScalar

    _STR_TAG = "tag:yaml.org,2002:str"
    _RESOLVER_12 = YAML(typ="rt").resolver

    class _PlainDumper(_libyaml.CSafeDumper):
        """PyYAML's C dumper whose strings stay strings for a YAML 1.2 reader (ruamel's resolver decides)."""

    def _represent_str(dumper: Any, value: str) -> Any:
        style = None
        if str(_RESOLVER_12.resolve(_RScalar, value, (True, False))) != _STR_TAG:
            style = "'"
        return dumper.represent_scalar(_STR_TAG, value, style=style)

    _PlainDumper.add_representer(str, _represent_str)


def safe_load(text: str, path: str | Path, yaml: YAML | None = None) -> Any:
    """Parse YAML from a user with ``yaml`` (default: :func:`round_trip_yaml`), refusing alias expansion
    beyond :data:`MAX_ALIASES` / :data:`MAX_ALIAS_NODES` before anything is built. Every YAML the tool
    reads from users goes through here. Errors are :class:`CaseFileError` with the line.

    With the default reader, a document without aliases, anchors, tags or directives is parsed by libyaml
    and built by ruamel's round-trip constructor (:func:`_compose_plain`: same values, types and line
    numbers, no comments); anything else, and anything libyaml refuses, is read by ruamel alone, whose
    error messages the user sees."""
    path = Path(path)
    if yaml is None and _CLoader is not None:
        yaml = round_trip_yaml()
        try:
            node = _compose_plain(text, yaml.resolver)
        except _NotPlain:
            yaml = round_trip_yaml()  # a fresh reader: the failed attempt may have left state behind
        else:
            if node is None:
                return None
            try:
                return yaml.constructor.construct_document(node)
            except (YAMLError, RecursionError) as exc:
                raise _yaml_error(exc, path) from None
    yaml = yaml or round_trip_yaml()
    try:
        if "*" in text:  # an alias is written *name: without one, nothing can expand
            node = yaml.compose(text)
            if node is None:
                return None
            problem = _alias_problem(node)
            if problem:
                raise CaseFileError(f"refused: {problem}", path)
            return yaml.constructor.construct_document(node)  # built from the checked nodes: parsed once
        return yaml.load(text)
    except (YAMLError, RecursionError) as exc:
        raise _yaml_error(exc, path) from None


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte order mark: YAML's keys are ASCII, so every other byte is a NUL."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 4:
        return False
    zeros = sorted((sample[0::2].count(0), sample[1::2].count(0)))
    return zeros[1] > half // 3 and zeros[0] <= half // 50


def decode_text(data: bytes, path: str | Path) -> str:
    """A YAML file's bytes as text: UTF-8 (a BOM is fine). Anything else says which encoding it looks
    like and to save it as UTF-8."""
    path = Path(path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data):
        bom = " with a byte order mark" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ""
        raise CaseFileError(f"saved as UTF-16{bom}, not UTF-8: save it as UTF-8 (in Notepad: Save as → "
                            "Encoding: UTF-8)", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            data.decode("gb18030")
            looks = "it looks like GBK/GB18030 (Chinese Windows)"
        except UnicodeDecodeError:
            looks = "not in an encoding we recognise"
        line = data.count(b"\n", 0, exc.start) + 1
        raise CaseFileError(f"not UTF-8 text (byte {exc.start}): {looks}; save it as UTF-8", path,
                            f"line {line}") from None
    if "\x00" in text:
        raise CaseFileError("binary file, not YAML", path)
    return text


def read_yaml(path: Path) -> Any:
    """Read a user's YAML file round-trip (comments and line numbers kept) through :func:`safe_load`."""
    if not path.is_file():
        raise CaseFileError("file not found", path)
    return safe_load(decode_text(path.read_bytes(), path), path)


def load_case(case_dir: str | Path) -> CaseFolder:
    """Read and validate ``case_dir/case.yaml``."""
    folder = Path(case_dir)
    if folder.is_file() and folder.name == CASE_FILE:
        folder = folder.parent
    if not folder.is_dir():
        raise CaseFileError("not a case folder (no such directory)", folder)
    path = folder / CASE_FILE
    raw = read_yaml(path)
    if raw is None:
        raise CaseFileError("case.yaml is empty (run `litigator init DIR` for a starter)", path)
    if not isinstance(raw, dict):
        raise CaseFileError("case.yaml must be a mapping of keys (jurisdiction, court, …)", path, "line 1")
    from litigator.models import case_model_for

    try:
        model = case_model_for(raw)
    except CaseFileError as err:
        line = key_line(raw, ("jurisdiction",))
        raise CaseFileError(err.what, path, f"{line}: jurisdiction" if line else "jurisdiction") from None
    try:
        case = model.model_validate(plain_data(raw))
    except ValidationError as err:
        raise validation_error(err, raw, path, root=model) from None
    return CaseFolder(path=folder, case=case, raw=raw)


def filing_date(case: Any) -> date:
    """``filing_date`` of the case, else SOURCE_DATE_EPOCH's date, else today (UTC)."""
    if case.filing_date:
        return case.filing_date
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return datetime.now(tz=timezone.utc).date()


def check_placeholders(folder: CaseFolder) -> None:
    """Refuse a case that still holds a value ``litigator init`` wrote as a placeholder (a party's name,
    identifiers, a seller id, a SKU …): `damages` and `draft` must not run on the starter's parties.
    One line per key to edit, with its line."""
    from litigator.scaffold import placeholder_keys

    found = placeholder_keys(folder.raw)
    if not found:
        return
    lines = []
    for loc, value in found:
        line = key_line(folder.raw, loc)
        lines.append((f"{line}: {format_loc(loc)}" if line else format_loc(loc),
                      f"{value!r} is a placeholder `litigator init` wrote: replace it with the case's own value"))
    where, what = lines[0]
    error = CaseFileError(what, folder.case_file, where, more=len(lines) - 1)
    error.details = [f"{folder.case_file}:{w}: {m}" for w, m in lines] if len(lines) > 1 else []
    raise error


def check_intake(folder: CaseFolder, exhibits: list, warnings: Any) -> None:
    """The case folder's own checks before anything is drafted (pipeline.analyse): placeholders left by
    ``init`` are refused; exhibits that are empty, whose content is not what their name says, or that are
    symbolic links (left out) are warned about, naming the file."""
    from litigator.evidence import exhibit_problems

    check_placeholders(folder)
    for code, message in exhibit_problems(folder.path, exhibits):
        warnings.add(code, message)
