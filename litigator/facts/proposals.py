"""Proposals: case.yaml values read from ``CASE/evidence/``, reviewed in facts.yaml, then accepted.

``propose`` picks, per case field, the best-supported fact (role cues such as 被告 / 经营者 / 认证姓名 /
Business Name for the defendant, the paragraph of the order number for the test purchase) and
lists a conflict where case.yaml already says something else. ``accept`` applies accepted proposals
with a ruamel.yaml round trip (comments kept), checks the result with the case model, and writes it
after a numbered backup (``case.yaml.bak``, ``case.yaml.1.bak``, …).
"""

from __future__ import annotations

import difflib
import io
import re
import shutil
from collections import Counter
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NamedTuple

from litigator.casefile import plain_data
from litigator.errors import CaseFileError, OutputExistsError
from litigator.facts.model import AcceptResult, Fact, FactsFile, Proposal, Proposals

FACTS_YAML = "facts.yaml"
KEY_FIELDS = {
    "plaintiff_name": "plaintiffs[0].name",
    "plaintiff_id_number": "plaintiffs[0].id_number",
    "plaintiff_address": "plaintiffs[0].address",
    "plaintiff_phone": "plaintiffs[0].phone",
    "defendant_name": "defendants[0].name",
    "defendant_id_number": "defendants[0].id_number",
    "defendant_address": "defendants[0].address",
    "defendant_phone": "defendants[0].phone",
    "shop_name": "defendants[0].shops[0].name",
    "seller_id": "defendants[0].shops[0].seller_id",
    "platform": "defendants[0].shops[0].platform",
    "purchase_date": "test_purchases[0].date",
    "order_number": "test_purchases[0].order_number",
    "purchase_amount": "test_purchases[0].amount",
    "notary_number": "test_purchases[0].notary_number",
    "brand": "products[0].brand",
    "court": "court",
}
PROPOSAL_KEYS = tuple(KEY_FIELDS)
# Expenses: one key per voucher, ``expense_<kind>`` (``expense_<kind>_2`` … for a second voucher of a kind),
# filling ``expenses[kind=<kind>].amount`` (the first entry of that kind; ``[kind=<kind>#2]`` the second) and
# its ``exhibit`` (the voucher file, a path under evidence/).
EXPENSE_KINDS = ("notarization", "test_purchase", "appraisal", "investigation", "travel", "attorney_fee", "other")
_EXPENSE_KEY = re.compile(rf"expense_({'|'.join(EXPENSE_KINDS)})(?:_([2-9]|[1-9]\d+))?")
# Payment and messaging services are platforms of the deal, not the marketplace of the shop.
_PAYMENT = {"支付宝", "微信支付", "微信", "QQ", "云闪付", "Alipay", "WeChat", "WeChat Pay", "PayPal", "Venmo",
            "Stripe", "Payoneer", "WorldFirst"}
_DEFENDANT_BEFORE = re.compile(
    r"(?:被告|经营主体(?:变更)?为(?:个体工商户)?|经营者(?:姓名|名称)?(?:为|是)?|实名认证人为?|认证姓名|卖家|店主|对方当事人|"
    r"被申请人|Business Name|Seller|Defendant|Operator|Sold by)[\s:：|“\"]*$")
_DEFENDANT_AFTER = re.compile(r"^[\s,，]*(?:[（(]被告|\n\s*Operator of|（经营者)")
_PLAINTIFF_BEFORE = re.compile(r"(?:原告|申请人|出具单位|提交人|委托人|发布方)[\s:：]*$")
_AMOUNT_CUE = re.compile(r"(?:实付款?|应付总额|实付金额|付款金额|支付金额|订单金额|合计|总计"
                         r"|a total of|total of|total|Total|paid)"
                         r"[\s:：“\"]*$")


def _evidence_facts(case_dir: Path):
    from litigator.facts.extract import extract_paths

    evidence = case_dir / "evidence"
    if not evidence.is_dir():
        raise CaseFileError("no evidence/ folder", case_dir)
    result = extract_paths([evidence])
    texts: dict[str, str] = {}
    from litigator.facts.readers import read_text

    for entry in result.files:
        if entry.error is None:
            texts[entry.path] = read_text(entry.path).text
    return result, texts


def _same_line(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return "\n" not in text[lo:hi]


_PLAINTIFF_CUE = re.compile(r"(?:原告|(?<!被)申请人|委托人|起诉人|提交人|权利人|商标注册人|Plaintiff|PLAINTIFF"
                            r"|Applicant|Complainant)[\s:：|“\"]*$")


def _reading_order(facts: list[Fact]):
    """Facts come in file order, then offset order: a sort key by value (file's rank, offset), so that no
    cache outlives the call or is keyed by an object's id (fork-safe; issue 17)."""
    files: dict[str, int] = {}
    for f in facts:
        files.setdefault(f.file, len(files))
    return lambda f: (files.get(f.file, len(files)), f.start, f.end)


def _choose(facts: list[Fact], texts: dict[str, str]) -> dict[str, tuple[Any, str, list[str]]]:
    """key -> (fact or Found, value to write, alternatives)."""
    from litigator.facts import particulars as part
    from litigator.facts.text import LineIndex

    order = _reading_order(facts)
    chosen: dict[str, tuple[Any, str, list[str]]] = {}
    by_type: dict[str, list[Fact]] = {}
    for f in facts:
        by_type.setdefault(f.type, []).append(f)

    def alternatives(kind: str, value: str) -> list[str]:
        return sorted({f.value for f in by_type.get(kind, []) if f.value != value})

    # defendant: the person or organisation with the most defendant cues; plaintiff likewise
    score: Counter[str] = Counter()
    first: dict[str, Fact] = {}
    p_score: Counter[str] = Counter()
    p_first: dict[str, Fact] = {}
    for f in by_type.get("PERSON", []) + by_type.get("ORG", []):
        text = texts[f.file]
        before = text[max(0, f.start - 16):f.start]
        after = text[f.end:f.end + 20]
        if _PLAINTIFF_BEFORE.search(before):
            if _PLAINTIFF_CUE.search(before):
                p_score[f.value] += 1
                if f.value not in p_first or order(f) < order(p_first[f.value]):
                    p_first[f.value] = f
            continue
        if _DEFENDANT_BEFORE.search(before) or _DEFENDANT_AFTER.search(after):
            score[f.value] += 1
            if f.value not in first or order(f) < order(first[f.value]):
                first[f.value] = f
    defendant = plaintiff = None
    if score:
        defendant = max(score, key=lambda v: (score[v], [-x for x in order(first[v])]))
        fd = first[defendant]
        chosen["defendant_name"] = (fd, fd.value, sorted(v for v in score if v != defendant))
    for v in list(p_score):
        if v == defendant or (defendant and (v in defendant or defendant in v)):
            del p_score[v]
    if p_score:
        plaintiff = max(p_score, key=lambda v: (p_score[v], [-x for x in order(p_first[v])]))
        fp = p_first[plaintiff]
        chosen["plaintiff_name"] = (fp, fp.value, sorted(v for v in p_score if v != plaintiff))
    lines = {file: LineIndex(text) for file, text in texts.items()}
    for role, name, other in (("defendant", defendant, plaintiff), ("plaintiff", plaintiff, defendant)):
        if not name:
            continue
        got = part.particulars(name, [other] if other else [], facts, texts, lines)
        for what, found in got.items():
            chosen[f"{role}_{what}"] = (found, found.value, [])

    def most_mentioned(kind: str, exclude: set[str] | None = None, group=lambda v: v) -> None:
        if exclude is None:
            exclude = set()
        items = [f for f in by_type.get(kind, []) if f.value not in exclude]
        if not items:
            return None
        groups = Counter(group(f.value) for f in items)
        top = max(groups, key=lambda g: (groups[g], [-x for x in min(order(f) for f in items
                                                                       if group(f.value) == g)]))
        forms = Counter(f.value for f in items if group(f.value) == top)
        value = max(forms, key=lambda v: (forms[v], -len(v)))
        f = next(f for f in items if f.value == value)
        return f

    shop = most_mentioned("SHOP")
    if shop:
        chosen["shop_name"] = (shop, shop.value, alternatives("SHOP", shop.value))
    ids = part.seller_ids(texts, lines)
    if ids:
        counts = Counter(x.value for x in ids)
        best_id = max(counts, key=lambda v: (counts[v], -min(i for i, x in enumerate(ids) if x.value == v)))
        found = next(x for x in ids if x.value == best_id)
        chosen["seller_id"] = (found, best_id, sorted(v for v in counts if v != best_id))
    platform = most_mentioned("PLATFORM", _PAYMENT,
                              lambda v: re.sub(r"(?:\.com|网|商城)$", "", v).casefold())
    if platform:
        chosen["platform"] = (platform, platform.value, [])

    orders = by_type.get("ORDER_NUMBER", [])
    if orders:
        order_fact = min(orders, key=order)
        chosen["order_number"] = (order_fact, order_fact.value, alternatives("ORDER_NUMBER", order_fact.value))
        text = texts[order_fact.file]
        same_file = [f for f in facts if f.file == order_fact.file]
        dates = [f for f in same_file if f.type == "DATE" and len(f.value) == 10 and (
            _same_line(text, f.start, order_fact.start) or 0 <= order_fact.start - f.start <= 400)]
        if dates:
            d = min(dates, key=lambda f: (not _same_line(text, f.start, order_fact.start),
                                          abs(f.start - order_fact.start)))
            chosen["purchase_date"] = (d, d.value, [])
        amounts = [f for f in same_file if f.type == "MONEY" and _same_line(text, f.start, order_fact.start)]
        cued = [f for f in amounts if _AMOUNT_CUE.search(text[max(0, f.start - 14):f.start])]
        if cued:
            a = min(cued, key=lambda f: abs(f.start - order_fact.start))
            chosen["purchase_amount"] = (a, a.value, [])
    notaries = by_type.get("NOTARY_NUMBER", [])
    if notaries:
        n = min(notaries, key=order)
        chosen["notary_number"] = (n, n.value, [])
    brands = by_type.get("BRAND", [])
    if brands:
        b = min(brands, key=order)
        chosen["brand"] = (b, b.value, alternatives("BRAND", b.value))
    courts = by_type.get("COURT", [])
    if courts:
        c = min(courts, key=order)
        chosen["court"] = (c, c.value, alternatives("COURT", c.value))
    _choose_expenses(chosen, part.expenses(facts, texts))
    return chosen


def _choose_expenses(chosen: dict[str, tuple[Any, str, list[str]]], found: list[Any]) -> None:
    """One proposal per voucher: ``expense_<kind>`` (``_2`` … for more vouchers of a kind). Without a voucher
    naming the cost of the test purchase, it is the purchase amount (its voucher the record of the purchase)."""
    from litigator.facts.particulars import Found

    if "purchase_amount" in chosen and not any(x.kind == "test_purchase" for x in found):
        a = chosen["purchase_amount"][0]
        found.insert(0, Found("EXPENSE", a.value, a.text, a.file, a.start, a.end, a.line, a.currency,
                              "test_purchase"))
    seen: dict[str, list[str]] = {}
    for x in found:
        amounts = seen.setdefault(x.kind, [])
        if x.value in amounts:  # the same amount named again (a summary table, a second copy)
            continue
        amounts.append(x.value)
        key = f"expense_{x.kind}" + (f"_{len(amounts)}" if len(amounts) > 1 else "")
        chosen[key] = (x, x.value, [])


def proposals_from_facts(facts: list[Fact], texts: dict[str, str], case_data: Any = None,
                         case_dir: str = "") -> list[Proposal]:
    """Proposals from already extracted facts (``texts``: decoded text per file)."""
    chosen = _choose(facts, texts)
    out = []
    keys = [k for k in PROPOSAL_KEYS if k in chosen] + sorted(k for k in chosen if k not in KEY_FIELDS)
    for key in keys:
        f, value, alts = chosen[key]
        field = key_field(key)
        if key.endswith("_id_number") and f.type == "CREDIT_CODE":
            field = field.replace(".id_number", ".credit_code")
        current = _get_path(case_data, field) if case_data is not None else None
        current_s = None if current is None else str(current)
        # a value `litigator init` wrote to be replaced (scaffold.PLACEHOLDERS): filling it is no conflict
        conflict = current_s is not None and _norm(current_s, key) != _norm(value, key) \
            and not _is_placeholder(field, current_s)
        expense = key.startswith("expense_")
        out.append(Proposal(key=key, field=field, value=value,
                            currency=f.currency if key == "purchase_amount" or expense else None,
                            exhibit=_exhibit_path(f.file, case_dir) if expense else None,
                            file=f.file, start=f.start, end=f.end, line=f.line, text=f.text,
                            current=current_s, conflict=conflict, alternatives=alts))
    return out


def key_field(key: str) -> str:
    """The case.yaml field a proposal key fills (``KeyError`` for an unknown key)."""
    if key in KEY_FIELDS:
        return KEY_FIELDS[key]
    m = _EXPENSE_KEY.fullmatch(key)
    if not m:
        raise KeyError(key)
    return f"expenses[kind={m.group(1)}{'#' + m.group(2) if m.group(2) else ''}].amount"


def is_key(key: str) -> bool:
    return key in KEY_FIELDS or _EXPENSE_KEY.fullmatch(key) is not None


_KEYS_SHOWN = f"{', '.join(PROPOSAL_KEYS)}, expense_<kind>"


def _exhibit_path(file: str, case_dir: str = "") -> str:
    """A voucher as case.yaml names exhibits: ``evidence/…``."""
    return f"evidence/{_evidence_key(file)}"


def _is_placeholder(field: str, value: str) -> bool:
    from litigator.scaffold import PLACEHOLDERS

    leaf = re.sub(r"\[\d+\]", "", field.rsplit(".", 1)[-1])
    return value.strip() in PLACEHOLDERS.get(leaf, ())


def _norm(value: str, key: str = "") -> str:
    if key.endswith("_phone"):  # 0571-8800 1234 is 057188001234
        return re.sub(r"\D", "", str(value))
    v = re.sub(r"\s+", "", str(value)).translate(str.maketrans("（）〔〕［］", "()()()")).upper()
    try:
        return str(Decimal(v.replace(",", "")).quantize(Decimal("0.01")))
    except InvalidOperation:
        return v


def _load_yaml(path: Path):
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.util import load_yaml_guess_indent

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a user's long lines
    from litigator.casefile import decode_text, safe_load

    text = decode_text(path.read_bytes(), path)  # says which encoding a non-UTF-8 file looks like
    try:
        _, _, block_seq_indent = load_yaml_guess_indent(text)
        offset = block_seq_indent or 0  # "  - item" (offset 2, the case.yaml style) or "- item"
        yaml.indent(mapping=2, sequence=offset + 2, offset=offset)
        return yaml, safe_load(text, path, yaml)  # the one safe loader: no alias bombs
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CaseFileError(f"invalid YAML: {getattr(exc, 'problem', exc)}", path,
                            f"line {mark.line + 1}" if mark else None) from None
    except ValueError as exc:  # an impossible date such as 2026-02-30
        raise CaseFileError(f"invalid value: {exc}", path) from None


# ``name``, ``name[2]``, or ``name[kind=attorney_fee]`` / ``name[kind=attorney_fee#2]`` (the first / second
# entry of the list whose ``kind`` is that)
_PATH_PART = re.compile(r"([A-Za-z_]+)(?:\[(?:(\d+)|kind=([a-z_]+)(?:#(\d+))?)\])?")


def _select(seq: Any, kind: str, nth: str | None) -> int | None:
    """Index of the ``nth`` (1-based, default 1) entry of ``seq`` whose ``kind`` is ``kind``."""
    if not isinstance(seq, list):
        return None
    hits = [i for i, x in enumerate(seq) if isinstance(x, dict) and x.get("kind") == kind]
    n = int(nth or 1)
    return hits[n - 1] if len(hits) >= n else None


def _get_path(data: Any, field: str) -> Any:
    node = data
    for part in field.split("."):
        m = _PATH_PART.fullmatch(part)
        if not isinstance(node, dict) or m.group(1) not in node:
            return None
        node = node[m.group(1)]
        if m.group(3) is not None:
            i = _select(node, m.group(3), m.group(4))
            if i is None:
                return None
            node = node[i]
        elif m.group(2) is not None:
            i = int(m.group(2))
            if not isinstance(node, list) or len(node) <= i:
                return None
            node = node[i]
    return node


def _concrete(data: Any, field: str) -> str:
    """``expenses[kind=travel].amount`` as the index it has in ``data`` (``expenses[2].amount``)."""
    def index(m: re.Match) -> str:
        if m.group(3) is None:
            return m.group(0)
        seq = data.get(m.group(1)) if isinstance(data, dict) else None
        i = _select(seq, m.group(3), m.group(4))
        return f"{m.group(1)}[{i if i is not None else 0}]"

    return ".".join(index(_PATH_PART.fullmatch(part)) for part in field.split("."))


def _drop_placeholder_sibling(data: Any, field: str) -> None:
    """A credit code set on a party whose id_number is still `init`'s placeholder (or the other way round)
    replaces it: a party has one identifier."""
    for mine, other in (("credit_code", "id_number"), ("id_number", "credit_code")):
        if field.endswith("." + mine):
            party = _get_path(data, field.rsplit(".", 1)[0])
            if isinstance(party, dict) and other in party and _is_placeholder(other, str(party[other])):
                del party[other]


def _put(node: Any, key: str, value: Any) -> None:
    """Set ``node[key]``; a new key goes before the blank line/comment that ended the mapping."""
    is_new = key not in node
    previous = list(node)[-1] if is_new and len(node) else None
    node[key] = value
    ca = getattr(node, "ca", None)
    if is_new and previous is not None and ca is not None and any(ca.items.get(previous) or ()):
        ca.items[key] = ca.items.pop(previous)
    elif is_new and previous is not None and ca is not None:
        # the blank line after a nested list/mapping sits at its end (``ca.end``): keep it after the new key
        last = node[previous]
        while hasattr(last, "ca") and not last.ca.end and len(last):
            last = last[list(last)[-1]] if isinstance(last, dict) else last[-1]
        end = getattr(getattr(last, "ca", None), "end", None)
        if end and len(end) == 1 and end[0].value.strip() == "":
            token = end.pop()
            token.value = "\n" + token.value  # after a scalar, the token holds the line's own newline too
            ca.items[key] = [None, None, token, None]


def _set_path(data: Any, field: str, value: Any, path: Path | None = None) -> None:
    """Set ``field`` (``defendants[0].shops[0].name``), creating what is missing; a key that holds
    something else than the mapping or list the path needs is an error, never overwritten."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    def container(node: Any, key: Any, kind: type, shown: str) -> Any:
        current = node[key] if (key in node if isinstance(node, dict) else key < len(node)) else None
        if current is None:
            current = CommentedMap() if kind is dict else CommentedSeq()
            if isinstance(node, dict):
                _put(node, key, current)
            else:
                node[key] = current
        elif not isinstance(current, kind):
            raise CaseFileError(f"cannot set {field}: {shown} is not a {'mapping' if kind is dict else 'list'}",
                                path, _where(data, _loc_of(shown)))
        return current

    parts = field.split(".")
    node = data
    shown = ""
    for n, part in enumerate(parts):
        m = _PATH_PART.fullmatch(part)
        key, index = m.group(1), m.group(2)
        last = n == len(parts) - 1
        shown = f"{shown}.{key}" if shown else key
        if m.group(3) is not None:  # [kind=K]: that entry, or a new one of that kind at the end
            seq = container(node, key, list, shown)
            i = _select(seq, m.group(3), m.group(4))
            if i is None:
                if not len(seq) and hasattr(seq, "fa"):
                    seq.fa.set_block_style()  # `expenses: []` becomes a block list
                item = CommentedMap()
                item["kind"] = m.group(3)
                seq.append(item)
                i = len(seq) - 1
            index = str(i)
        if index is None:
            if last:
                _put(node, key, value)
                return
            node = container(node, key, dict, shown)
        else:
            i = int(index)
            seq = container(node, key, list, shown)
            while len(seq) <= i:
                seq.append(CommentedMap())
            shown = f"{shown}[{i}]"
            if last:
                seq[i] = value
                return
            node = container(seq, i, dict, shown)


def propose(case_dir: str | Path) -> Proposals:
    """Proposals for case.yaml from the case's evidence files, with conflicts marked."""
    case_dir = Path(case_dir)
    result, texts = _evidence_facts(case_dir)
    case_yaml = case_dir / "case.yaml"
    data = _load_yaml(case_yaml)[1] if case_yaml.is_file() else None
    proposals = proposals_from_facts(result.facts, texts, data, str(case_dir))
    return Proposals(case_dir=str(case_dir), proposals=proposals, files=result.files)


def _atomic_write(path: Path, text: str) -> None:
    from litigator.outputs import write_text

    write_text(path, text)


def _proposal_yaml(p: Proposals) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    root = CommentedMap()
    props = CommentedMap()
    for pr in p.proposals:
        item = CommentedMap()
        item["field"] = pr.field
        item["value"] = pr.value
        if pr.currency:
            item["currency"] = pr.currency
        if pr.exhibit:
            item["exhibit"] = pr.exhibit
        item["source"] = f"{pr.file}:{pr.line}"
        item["start"] = pr.start
        item["end"] = pr.end
        item["text"] = pr.text
        if pr.current is not None:
            item["current"] = pr.current
        item["conflict"] = pr.conflict
        if pr.alternatives:
            item["alternatives"] = list(pr.alternatives)
        item["accept"] = not pr.conflict
        props[pr.key] = item
    root["proposals"] = props
    root["files"] = [{"path": f.path, "sha256": f.sha256, "error": f.error} for f in p.files]
    root.yaml_set_start_comment(
        "Proposed case facts (litigator facts --propose). Review each value and its source;\n"
        "set accept: false to skip one, edit value to correct it, then run litigator facts CASE --accept.")
    yaml = YAML()
    yaml.width = 4096
    buf = io.StringIO()
    yaml.dump(root, buf)
    return buf.getvalue()


class WrittenProposals(NamedTuple):
    """What ``write_proposals`` wrote: ``path, proposals = write_proposals(case_dir)``."""

    path: Path
    proposals: Proposals

    def __str__(self) -> str:  # f"wrote {result}" names the file
        return str(self.path)

    def __fspath__(self) -> str:
        return str(self.path)


def write_proposals(case_dir: str | Path, force: bool = False) -> WrittenProposals:
    """Write facts.yaml beside case.yaml (atomically); refuse to overwrite without ``force``.

    Returns the path and the proposals written (one extraction: print these, do not ``propose`` again).
    """
    case_dir = Path(case_dir)
    target = case_dir / FACTS_YAML
    if target.exists() and not force:
        raise OutputExistsError("facts.yaml exists (use --force to replace it)", target)
    proposals = propose(case_dir)
    _atomic_write(target, _proposal_yaml(proposals))
    return WrittenProposals(target, proposals)


_FACTS_KEYS = ("field, value, currency, exhibit, source, start, end, text, current, conflict, alternatives, accept, "
               "ignore")


def _fields_of(key: str) -> tuple[str, ...]:
    field = key_field(key)
    if key.endswith("_id_number"):
        return field, field.replace(".id_number", ".credit_code")
    return (field,)


def _where(raw: Any, loc: tuple[Any, ...]) -> str | None:
    """``12: defendants[0].id_number`` (the line of the deepest node of ``loc`` that exists)."""
    from litigator.casefile import format_loc, key_line

    line = key_line(raw, loc)
    shown = format_loc(loc)
    return f"{line}: {shown}" if line and shown else (f"line {line}" if line else shown or None)


def _facts_error(path: Path, raw: Any, loc: tuple[Any, ...], what: str, more: int = 0) -> CaseFileError:
    return CaseFileError(what, path, _where(raw, loc), more=more)


def _read_facts_yaml(case_dir: Path) -> list[dict]:
    """facts.yaml's proposals (each a dict with ``key``), validated: a malformed shape is a
    CaseFileError naming the file and ``line: key``."""
    from pydantic import ValidationError

    from litigator.casefile import read_yaml

    path = case_dir / FACTS_YAML
    raw = read_yaml(path)
    if raw is None:
        return []
    if not isinstance(raw, dict):
        raise CaseFileError("facts.yaml must be a mapping (proposals: …, files: …)", path, "line 1")
    try:
        facts_file = FactsFile.model_validate(plain_data(raw))
    except ValidationError as err:
        errors = err.errors(include_url=False)
        first = errors[0]
        loc = tuple(p for p in first.get("loc", ()) if isinstance(p, int) or "[" not in str(p))
        kind = first.get("type")
        if kind == "extra_forbidden":
            keys = _FACTS_KEYS if len(loc) == 3 and loc[0] == "proposals" else \
                "path, sha256, error" if loc[:1] == ("files",) else "proposals, files"
            what = f"unknown key {loc[-1]!r} (keys: {keys})"
        elif kind == "missing":
            what = "required key is missing"
        elif kind in ("dict_type", "model_type", "model_attributes_type"):
            what = "must be a mapping of keys" + (f" ({_FACTS_KEYS})" if len(loc) == 2 and loc[0] == "proposals"
                                                   else "")
        elif kind == "list_type":
            what = "must be a list"
        else:
            what = first.get("msg", "invalid").removeprefix("Value error, ")
        raise _facts_error(path, raw, loc, what, more=len(errors) - 1) from None
    out = []
    for key, item in (facts_file.proposals or {}).items():
        if not is_key(key):
            raise _facts_error(path, raw, ("proposals", key), f"unknown proposal key {key!r} (one of {_KEYS_SHOWN})")
        if item.field is not None and item.field not in _fields_of(key):
            raise _facts_error(path, raw, ("proposals", key, "field"),
                               f"{key} fills {' or '.join(_fields_of(key))}, not {item.field!r}")
        if key == "purchase_date":
            try:
                date.fromisoformat(item.value)
            except ValueError:
                raise _facts_error(path, raw, ("proposals", key, "value"),
                                   f"not a date {item.value!r} (write YYYY-MM-DD)") from None
        d = item.model_dump()
        d["key"] = key
        out.append(d)
    return out


def _yaml_value(key: str, value: str, text: str | None = None) -> Any:
    if key == "notary_number" and text:
        return re.sub(r"\s+", "", text)  # as printed on the notarial certificate
    if key.endswith("_phone") and text:
        return re.sub(r"\s+", " ", text.strip())  # as printed: 0571-8800 1234
    if key == "purchase_date":
        return date.fromisoformat(str(value))
    return str(value)


_BACKUP = re.compile(r"case\.yaml(?:\.(\d+))?\.bak")


def _backup(case_yaml: Path, content: bytes) -> Path:
    """Write ``content`` to the next numbered backup: case.yaml.bak, case.yaml.1.bak, case.yaml.2.bak …
    (one more than the highest there, so the highest number is the newest; never overwritten)."""
    numbers = [int(m.group(1) or 0) for p in case_yaml.parent.iterdir() if (m := _BACKUP.fullmatch(p.name))]
    n = max(numbers) + 1 if numbers else 0
    while True:
        target = case_yaml.with_name("case.yaml.bak" if n == 0 else f"case.yaml.{n}.bak")
        try:
            with open(target, "xb") as fh:  # exclusive: a backup is never replaced
                fh.write(content)
        except FileExistsError:
            n += 1
            continue
        shutil.copystat(case_yaml, target)
        return target


def _loc_of(field: str) -> tuple[Any, ...]:
    from litigator.casefile import parse_key_path

    return parse_key_path(field)


def _case_errors(text: str) -> list[dict] | None:
    """The case model's errors for a case.yaml text (``None``: not even a YAML mapping)."""
    from pydantic import ValidationError
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    from litigator.errors import LitigatorError
    from litigator.models import case_model_for

    try:
        raw = YAML(typ="rt").load(text)
    except (YAMLError, ValueError):
        return None
    if not isinstance(raw, dict):
        return None
    try:
        case_model_for(raw).model_validate(plain_data(raw))
    except LitigatorError as err:  # an unknown jurisdiction
        return [{"loc": ("jurisdiction",), "type": "value_error", "msg": err.what}]
    except ValidationError as err:
        out = []
        for e in err.errors(include_url=False):
            loc = tuple(p for p in e.get("loc", ()) if isinstance(p, int) or not (
                "[" in str(p) or str(p) in ("str", "int", "Decimal", "date", "none", "literal")))
            out.append({"loc": loc, "type": e.get("type"),
                        "msg": e.get("msg", "invalid").removeprefix("Value error, ")})
        return out
    return []


def _check_accepted(case_yaml: Path, old_text: str, new_text: str, applied: dict[str, tuple[str, Any]]) -> None:
    """Raise CaseFileError when the accepted values make case.yaml invalid (problems it already had
    do not count: a half-filled case.yaml may still be filled in)."""
    new = _case_errors(new_text)
    if not new:
        return
    old = _case_errors(old_text) or []
    seen = {(e["loc"], e["type"], e["msg"]) for e in old}
    introduced = [e for e in new if (e["loc"], e["type"], e["msg"]) not in seen]
    if not introduced:
        return
    first = introduced[0]
    loc = first["loc"]
    # the proposal that caused it: its field is at or under the error's key (or the error is under it)
    related = [k for k, (field, _) in applied.items()
               if _loc_of(field)[:len(loc)] == loc or loc[:len(_loc_of(field))] == _loc_of(field)]
    named = [k for k in related if _loc_of(applied[k][0])[-1] in first["msg"]]
    key = (named or related or list(applied))[0]
    field, value = applied[key]
    if first["type"] == "missing":
        why = "a required key is missing"
    elif first["type"] == "extra_forbidden":
        why = f"unknown key {loc[-1]!r}"
    else:
        why = first["msg"]
    try:
        from ruamel.yaml import YAML

        old_raw = YAML(typ="rt").load(old_text)
    except Exception:  # noqa: BLE001 - only for the line number
        old_raw = None
    where = _where(old_raw, loc or _loc_of(field))
    raise CaseFileError(f"not accepted: {key} {str(value)!r}: {why} (case.yaml not changed)", case_yaml, where,
                        more=len(introduced) - 1)


def _evidence_key(path: str) -> str:
    """A recorded or walked evidence path as its part under ``evidence/`` (the case folder may have been
    given as another path, or moved)."""
    parts = Path(path).parts
    i = max((k for k, part in enumerate(parts) if part == "evidence"), default=-1)
    return "/".join(parts[i + 1:]) if i >= 0 else Path(path).name


def _refuse_stale(case_dir: Path) -> None:
    """facts.yaml records each evidence file's sha256: refuse to apply it when a file has changed, gone
    or been added since, naming the file and the command that writes it afresh."""
    import hashlib

    from litigator.casefile import read_yaml
    from litigator.facts.extract import iter_supported_files

    raw = plain_data(read_yaml(case_dir / FACTS_YAML)) or {}
    recorded = {_evidence_key(f["path"]): f.get("sha256") for f in raw.get("files") or [] if f.get("path")}
    current = {}
    if (case_dir / "evidence").is_dir():
        for given, path in iter_supported_files([case_dir / "evidence"]):
            current[_evidence_key(given)] = hashlib.sha256(path.read_bytes()).hexdigest()
    problem = None
    for name in sorted(set(recorded) | set(current)):
        if name not in current:
            problem = f"evidence/{name} is gone"
        elif name not in recorded and recorded:  # (a hand-written facts.yaml may list no files)
            problem = f"evidence/{name} is new"
        elif recorded.get(name) and recorded[name] != current[name]:
            problem = f"evidence/{name} has changed"
        if problem:
            break
    if problem:
        raise CaseFileError(f"facts.yaml is stale: {problem} since it was written; "
                            f"run `litigator facts {case_dir} --propose --force` and review it again",
                            case_dir / FACTS_YAML)


def accept(case_dir: str | Path, keys: list[str] | None = None) -> AcceptResult:
    """Apply proposals to case.yaml (comments kept), after a numbered backup of it.

    ``keys=None`` applies every proposal marked ``accept: true`` in facts.yaml (conflicts are
    false there until a reviewer says otherwise); named keys are applied even when they conflict.
    Without facts.yaml the proposals are computed afresh. The result is validated with the case
    model first: a value that makes case.yaml invalid is a CaseFileError and nothing is written.
    """
    case_dir = Path(case_dir)
    case_yaml = case_dir / "case.yaml"
    if not case_yaml.is_file():
        raise CaseFileError("no case.yaml", case_yaml)
    if keys:
        unknown = [k for k in keys if not is_key(k)]
        if unknown:
            raise CaseFileError(f"unknown key {unknown[0]!r} (one of {_KEYS_SHOWN})", case_dir)
    if (case_dir / FACTS_YAML).is_file():
        items = _read_facts_yaml(case_dir)
        _refuse_stale(case_dir)
    else:
        items = [dict(p.model_dump(), accept=not p.conflict) for p in propose(case_dir).proposals]
    old_bytes = case_yaml.read_bytes()
    yaml, data = _load_yaml(case_yaml)
    if not isinstance(data, dict):
        raise CaseFileError("case.yaml must be a mapping of keys (jurisdiction, court, …)", case_yaml, "line 1")
    old_text = old_bytes.decode("utf-8")
    applied: dict[str, tuple[str, Any]] = {}
    skipped = []
    for item in items:
        key = item["key"]
        if keys is not None and key not in keys:
            continue
        if keys is None and not item.get("accept", True):
            skipped.append(f"{key}: not accepted in facts.yaml")
            continue
        field = item.get("field") or key_field(key)
        current = _get_path(data, field)
        exhibit = item.get("exhibit")
        if current is not None and _norm(str(current), key) == _norm(str(item["value"]), key) and (
                not exhibit or _get_path(data, field.rsplit(".", 1)[0] + ".exhibit") is not None):
            continue  # already so: leave the user's formatting alone
        surface = item.get("text") if _norm(item.get("text") or "", key) == _norm(str(item["value"]), key) \
            else None
        _set_path(data, field, _yaml_value(key, item["value"], surface), case_yaml)
        if exhibit:
            _set_path(data, field.rsplit(".", 1)[0] + ".exhibit", str(exhibit), case_yaml)
        _drop_placeholder_sibling(data, field)
        applied[key] = (_concrete(data, field), item["value"])
    if keys:
        for k in keys:
            if k not in applied:
                skipped.append(f"{k}: no proposal")
    new_text = old_text
    if applied:
        buf = io.StringIO()
        yaml.dump(data, buf)
        new_text = buf.getvalue()
    backup = None
    if new_text != old_text:
        _check_accepted(case_yaml, old_text, new_text, applied)
        backup = _backup(case_yaml, old_bytes)
        _atomic_write(case_yaml, new_text)
    diff = "".join(difflib.unified_diff(old_text.splitlines(True), new_text.splitlines(True),
                                        "case.yaml", "case.yaml (accepted)"))
    return AcceptResult(case_yaml=str(case_yaml), backup=str(backup) if backup else None,
                        applied=list(applied), skipped=skipped, diff=diff)


def unresolved_conflicts(case_dir: str | Path) -> list[str]:
    """One line per facts.yaml proposal that case.yaml contradicts (for ``draft`` to warn)."""
    case_dir = Path(case_dir)
    if not (case_dir / FACTS_YAML).is_file() or not (case_dir / "case.yaml").is_file():
        return []
    items = _read_facts_yaml(case_dir)
    data = _load_yaml(case_dir / "case.yaml")[1]
    out = []
    for item in items:
        if item.get("accept") is False and item.get("ignore", False):
            continue
        current = _get_path(data, item.get("field") or key_field(item["key"]))
        if current is not None and _norm(str(current), item["key"]) != _norm(str(item["value"]), item["key"]):
            out.append(f"{item['key']}: case.yaml has {current!s}, {item.get('source') or '?'} says {item['value']}")
    return out
