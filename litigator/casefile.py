"""The case folder contract: find, read and validate case.yaml.

Validation errors name the YAML key path and its line, as DESIGN.md prescribes::

    error: examples/x/case.yaml:12: defendants[0].id_number: resident ID … fails its checksum
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import ValidationError
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


def _plain(node: Any) -> Any:
    """Round-trip YAML containers to plain dicts/lists (pydantic sees ordinary values)."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
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


def _describe(error: dict, raw: Any, model_name: str) -> tuple[str, str]:
    """(where, what) of one pydantic error: ``12: defendants[0].id_number`` and the message."""
    loc = _clean_loc(tuple(error.get("loc", ())))
    msg = error.get("msg", "invalid").removeprefix("Value error, ")
    if error.get("type") == "extra_forbidden":
        msg = f"unknown key {loc[-1]!r} (a typo? `litigator schema` lists the keys)"
    elif error.get("type") == "missing":
        msg = "required key is missing"
    line = key_line(raw, loc)
    where_key = format_loc(loc) or model_name
    return (f"{line}: {where_key}" if line else where_key), msg


def validation_error(err: ValidationError, raw: Any, path: Path, model_name: str = "case") -> CaseFileError:
    described = [_describe(e, raw, model_name) for e in err.errors(include_url=False)]
    where, msg = described[0]
    error = CaseFileError(msg, path, where, more=len(described) - 1)
    error.details = [f"{path}:{w}: {m}" for w, m in described]
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


def read_yaml(path: Path) -> Any:
    """Read a YAML file round-trip (comments and line numbers kept); clear errors."""
    if not path.is_file():
        raise CaseFileError("file not found", path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaseFileError(f"not UTF-8 text (byte {exc.start})", path) from None
    if "\x00" in text:
        raise CaseFileError("binary file, not YAML", path)
    yaml = YAML(typ="rt")
    yaml.Constructor = _CheckedConstructor
    try:
        data = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}" if mark else None
        problem = (exc.problem or exc.context or "YAML syntax error").strip()
        kind = "invalid value" if isinstance(exc, ConstructorError) else "YAML syntax error"
        raise CaseFileError(f"{kind}: {problem}", path, where) from None
    except YAMLError as exc:
        raise CaseFileError(f"YAML error: {exc}", path) from None
    return data


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
        case = model.model_validate(_plain(raw))
    except ValidationError as err:
        raise validation_error(err, raw, path) from None
    return CaseFolder(path=folder, case=case, raw=raw)


def filing_date(case: Any) -> date:
    """``filing_date`` of the case, else SOURCE_DATE_EPOCH's date, else today (UTC)."""
    if case.filing_date:
        return case.filing_date
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return datetime.now(tz=timezone.utc).date()
