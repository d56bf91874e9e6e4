"""``litigator check``: lint drafted documents before they are signed (docs/check.md).

Reads every .docx of a drafts folder (the ``out/`` of ``litigator draft``, with its calculation.json), or one
.docx (calculation.json and evidence-list.docx looked up beside it), paragraphs and table cells in body order,
and reports, one :class:`Finding` each:

* ``TEMPLATE_SYNTAX``, ``BROKEN_CHARACTER``, ``PLACEHOLDER`` — text that was never meant to reach a court:
  ``{{ … }}``, ``{% … %}``, ``{# … #}``, U+FFFD, and the stand-in values ``litigator init`` writes;
* ``SECTION_MISSING``, ``SECTION_EMPTY`` — a required section of a filing that is absent, or a heading
  followed directly by another heading of its level (or a higher one) or by the end of the document;
* ``AMOUNT_MISMATCH`` — an amount in a request (a section whose heading names 请求) or in a formula (a
  paragraph or cell with arithmetic: ×, ＋, ＝ …; a numbered line after 「…计算如下：」) that is no figure of
  calculation.json;
* ``EXHIBIT_UNKNOWN``, ``EXHIBIT_COUNT``, ``EXHIBIT_LIST_MISSING`` — a cited 证据N that the evidence list does
  not number, an 附 line counting another number of exhibits, a document citing exhibits with no list beside it;
* ``ID_CHECKSUM`` — a labelled resident ID or unified social credit code failing its checksum (unless its
  party carries ``checksum_override`` in the case's case.yaml);
* ``FACTS_CONFLICT`` — a facts.yaml proposal that case.yaml still contradicts.

The case folder (for ``checksum_override`` and facts.yaml) is the one given, else the parent of a drafts
folder named ``out`` holding case.yaml, else the ``case`` calculation.json names when it is a case folder.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from litigator.drafting.environment import MISSING_FACT
from litigator.errors import LitigatorError
from litigator.forums import DraftRules
from litigator.money import parse_money, quantize

CALCULATION = "calculation.json"
EVIDENCE_LIST = "evidence-list.docx"

CODES = {
    "TEMPLATE_SYNTAX": "unrendered template syntax",
    "BROKEN_CHARACTER": "U+FFFD replacement character (a character lost in decoding)",
    "PLACEHOLDER": "a stand-in value `litigator init` writes",
    "SECTION_MISSING": "a required section of the filing is absent",
    "SECTION_EMPTY": "a heading with nothing under it",
    "AMOUNT_MISMATCH": "an amount in a request or formula that calculation.json does not have",
    "EXHIBIT_UNKNOWN": "a cited exhibit number the evidence list does not have",
    "EXHIBIT_COUNT": "the 附 line counts another number of exhibits than the evidence list",
    "EXHIBIT_LIST_MISSING": "exhibits are cited but there is no evidence-list.docx to check them against",
    "ID_CHECKSUM": "a resident ID or credit code failing its checksum",
    "FACTS_CONFLICT": "facts.yaml proposes a value case.yaml contradicts",
    "UNREADABLE": "the file is not a readable .docx",
}


class Finding(BaseModel):
    """One problem: the document (path as found), where in it (``paragraph N``, ``table T row R cell C``; empty
    for a whole-document problem), its code (:data:`CODES`) and what to do."""

    document: str
    where: str = ""
    code: str
    message: str

    def line(self) -> str:
        head = f"{self.document}:{self.where}" if self.where else self.document
        return f"{head}: {self.code}: {self.message}"


class CheckReport(BaseModel):
    documents: list[str]
    calculation: str
    case: str | None = None
    findings: list[Finding]


# ---------------------------------------------------------------------------------------------
# Reading a .docx: paragraphs and table cells in body order
# ---------------------------------------------------------------------------------------------


@dataclass
class Block:
    where: str
    text: str
    heading: int | None = None          # 0 for the title, N for "Heading N", None for body text
    sections: tuple[str, ...] = ()      # the headings it sits under (outermost first)
    table: int | None = None            # the table it belongs to (1-based), None for a body paragraph
    row: int = 0
    column: int = 0


def _heading_level(paragraph) -> int | None:
    try:
        name = paragraph.style.name or ""
    except (KeyError, AttributeError, ValueError):
        return None
    if name == "Title":
        return 0
    m = re.fullmatch(r"(?:Heading|标题)\s*(\d)", name)
    return int(m.group(1)) if m else None


def read_blocks(path: Path) -> list[Block]:
    """Body paragraphs (numbered from 1, empty ones included) and table cells, in body order, each with the
    headings above it."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(str(path))
    blocks: list[Block] = []
    stack: list[tuple[int, str]] = []
    n_par = n_table = 0
    for element in doc.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            n_par += 1
            p = Paragraph(element, doc)
            level = _heading_level(p)
            text = p.text
            if level is not None and text.strip():
                while stack and stack[-1][0] >= level:
                    stack.pop()
                blocks.append(Block(f"paragraph {n_par}", text, level, tuple(t for _, t in stack)))
                stack.append((level, text.strip()))
            else:
                blocks.append(Block(f"paragraph {n_par}", text, None, tuple(t for _, t in stack)))
        elif tag == "tbl":
            n_table += 1
            table = Table(element, doc)
            seen: set = set()  # the cell elements themselves (kept alive, so identity holds)
            for r, row in enumerate(table.rows, 1):
                for c, cell in enumerate(row.cells, 1):
                    if cell._tc in seen:  # a merged cell appears once per grid column it spans
                        continue
                    seen.add(cell._tc)
                    blocks.append(Block(f"table {n_table} row {r} cell {c}", cell.text, None,
                                        tuple(t for _, t in stack), n_table, r, c))
    return blocks


# ---------------------------------------------------------------------------------------------
# calculation.json, evidence list, case folder
# ---------------------------------------------------------------------------------------------

_DECIMAL = re.compile(r"^-?\d+(?:\.\d+)?$")


_NUMBER = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d%％])")


def calculation_values(data: Any, key: str = "") -> set[Decimal]:
    """Every figure of calculation.json, to the fen: each number, each string that is only a decimal number
    (head amounts, inputs, totals, fees, sales figures …), each operand and result written in a formula
    (``formula``, ``case_fee_formula`` …: the fee brackets 50.00 + 90,000.00 × 2.5% …), and each amount with
    two decimals written in a text (a warning's computation: fee(401,674.00) 7,325.11 − … = 6,736.04)."""
    out: set[Decimal] = set()
    if isinstance(data, dict):
        for k, v in data.items():
            out |= calculation_values(v, str(k))
    elif isinstance(data, list):
        for v in data:
            out |= calculation_values(v, key)
    elif isinstance(data, bool) or data is None:
        pass
    elif isinstance(data, (int, float)) or (isinstance(data, str) and _DECIMAL.match(data.strip())):
        try:
            out.add(quantize(Decimal(str(data).strip())))
        except InvalidOperation:
            pass
    elif isinstance(data, str):
        for m in _NUMBER.finditer(data):
            if key.endswith("formula") or (m.group(2) and len(m.group(2)) == 3):
                out.add(quantize(Decimal(m.group(1).replace(",", "") + (m.group(2) or ""))))
    return out


def read_calculation(path: Path) -> dict:
    if not path.is_file():
        raise LitigatorError(f"no {CALCULATION} beside the drafts: check compares their amounts with it (draft "
                             "the case again with `litigator draft CASE -o DIR`)", path.parent)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f"line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else None
        raise LitigatorError(f"not valid JSON ({exc.msg if hasattr(exc, 'msg') else exc}); draft again",
                             path, where) from None
    if not isinstance(data, dict):
        raise LitigatorError("not a calculation written by `litigator draft` (an object expected)", path)
    return data


def exhibit_numbers(blocks: list[Block]) -> set[int]:
    """The 序号 column of the evidence list's tables."""
    numbers: set[int] = set()
    by_table: dict[int, list[Block]] = {}
    for b in blocks:
        if b.table is not None:
            by_table.setdefault(b.table, []).append(b)
    for cells in by_table.values():
        column = next((b.column for b in cells if b.row == 1 and b.text.strip() == "序号"), None)
        if column is None:
            continue
        for b in cells:
            if b.column == column and b.row > 1 and b.text.strip().isdigit():
                numbers.add(int(b.text.strip()))
    return numbers


def find_case(drafts: Path, calculation: dict) -> Path | None:
    """The case folder of a drafts folder: CASE/out's parent, else the ``case`` calculation.json names."""
    if drafts.name == "out" and (drafts.parent / "case.yaml").is_file():
        return drafts.parent
    named = calculation.get("case")
    if isinstance(named, str) and named and (Path(named) / "case.yaml").is_file():
        return Path(named)
    return None


def overridden_codes(case_dir: Path | None) -> set[str]:
    """The id_number / credit_code values of parties carrying ``checksum_override`` in case.yaml."""
    if case_dir is None:
        return set()
    from litigator.casefile import read_yaml

    try:
        raw = read_yaml(case_dir / "case.yaml")
    except LitigatorError:
        return set()
    out: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("checksum_override"):
                for key in ("id_number", "credit_code"):
                    if node.get(key):
                        out.add(str(node[key]).strip().upper())
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(raw)
    return out


# ---------------------------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------------------------

_TEMPLATE = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
_CN = "零壹贰叁肆伍陆柒捌玖"
_CAPITAL = re.compile(f"[{_CN}拾佰仟万亿]+[元圆](?:[{_CN}][角分])*整?|零元整")
_ARABIC = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万|亿)?\s*(元|圆)"
                     r"|(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\.\d{2}(?![\d%％])")
_FORMULA = re.compile(r"[0-9）)元件倍人]\s*[×＊*÷＋+＝=－]\s*[0-9（(]")
_EXHIBIT = re.compile(r"证据\s*(\d+(?:\s*[、，,至到\-–~～]\s*\d+)*)")
_EXHIBIT_COUNT = re.compile(r"证据材料\s*(\d+)\s*份")
_ID = re.compile(r"(?P<label>公民身份号码|身份证号码|身份证号|证件号码|居民身份证号码|"
                 r"统一社会信用代码|社会信用代码|信用代码)[^0-9A-Za-z]{0,6}(?P<code>[0-9A-Za-z]{15,20})(?![0-9A-Za-z])")


def _placeholder_patterns() -> list[tuple[re.Pattern, str]]:
    """(pattern, message with ``{found}``) for the values ``litigator init`` writes as stand-ins
    (scaffold.PLACEHOLDERS): distinctive ones anywhere, a generic word (品牌, 商品名称) only in quotes, codes only
    as whole tokens; and the gap a forum leaves for a missing fact (:data:`MISSING_FACT`)."""
    from litigator.scaffold import PLACEHOLDERS

    out = []
    for key, values in PLACEHOLDERS.items():
        for v in sorted(values):
            if key in ("brand",) or v in ("商品名称",):
                pattern = re.compile(f"[“\"「]{re.escape(v)}[”\"」]")
            elif re.fullmatch(r"[\w\-]+", v, re.ASCII):
                pattern = re.compile(rf"(?<![0-9A-Za-z\-]){re.escape(v)}(?![0-9A-Za-z\-])")
            else:
                pattern = re.compile(re.escape(v))
            message = (f"{v!r} is the placeholder `litigator init` writes for {key}: put the case's own value in "
                       "case.yaml and draft again")
            out.append((pattern, message.replace("{", "{{").replace("}", "}}")))  # a template for {found}
    out.append((MISSING_FACT,
                "{found} — a fact the draft says is missing: add it to case.yaml and draft again"))
    return out


def _exhibit_refs(text: str) -> list[int]:
    refs: list[int] = []
    for m in _EXHIBIT.finditer(text):
        parts = re.split(r"\s*([、，,至到\-–~～])\s*", m.group(1))
        numbers = [int(p) for p in parts[0::2]]
        seps = parts[1::2]
        refs.append(numbers[0])
        for sep, prev, num in zip(seps, numbers, numbers[1:], strict=False):
            if sep in "至到-–~～" and num >= prev:
                refs.extend(range(prev + 1, num + 1))
            else:
                refs.append(num)
    return refs


def amounts_in(text: str) -> list[tuple[str, Decimal]]:
    """(as written, value) of each amount of money: Arabic with 元 (人民币250,002.00元, 30万元) or with two
    decimals (an operand of a formula: 83,334.00×3), and financial capitals (人民币叁拾壹万伍仟玖佰柒拾元整)."""
    found: list[tuple[str, Decimal]] = []
    for m in _ARABIC.finditer(text):
        written = m.group(0).strip()
        if m.group(1) is not None:
            number = m.group(1).replace(",", "") + (m.group(2) or "")
            value = Decimal(number) * {"万": 10**4, "亿": 10**8}.get(m.group(3) or "", 1)
        else:
            value = Decimal(written.replace(",", ""))
        found.append((written, quantize(value)))
    for m in _CAPITAL.finditer(text):
        try:
            found.append((m.group(0), quantize(parse_money(m.group(0)).amount)))
        except ValueError:
            continue
    return found


def _is_request(block: Block) -> bool:
    return any("请求" in s for s in block.sections)


def _kind(blocks: list[Block], path: Path, rules: DraftRules) -> str:
    """Which document this is, for the forum's rules: the file's stem (``complaint-amazon`` → ``complaint``),
    else a marker in its title (a draft saved under another name)."""
    known = {*rules.sections, *rules.addressed, *rules.exhibit_tables}
    stem = path.stem
    for name in sorted(known, key=len, reverse=True):
        if stem == name or stem.startswith(f"{name}-"):
            return name
    title = next((b.text.strip() for b in blocks if b.heading == 0), "")
    if not title:
        title = next((b.text.strip() for b in blocks if b.text.strip()), "")
    for marker, name in rules.titles.items():
        if marker in title:
            return name
    return "other"


_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+、|[IVXLC]+\.\s+|\d+[.、]\s*)")


def _heading_name(text: str) -> str:
    return _ENUMERATOR.sub("", text.strip())


def _required(kind: str, blocks: list[Block], rules: DraftRules) -> list[str]:
    """The headings required of this document: the alternative set it matches best (a complaint in the
    element-style form has the form's parts, a narrative one the statute's)."""
    options = rules.sections.get(kind, ())
    if not options:
        return []
    headings = {_heading_name(b.text) for b in blocks if b.heading}
    return list(max(options, key=lambda names: sum(n in headings for n in names)))


def _structure(doc: str, kind: str, blocks: list[Block], rules: DraftRules) -> list[Finding]:
    out: list[Finding] = []
    headings = {_heading_name(b.text) for b in blocks if b.heading}
    for name in _required(kind, blocks, rules):
        if name not in headings:
            out.append(Finding(document=doc, code="SECTION_MISSING",
                               message=f"no 「{name}」 section: the filing requires it (redraft, or restore the "
                                       "heading and its content)"))
    if rules.salutation and kind in rules.addressed:
        salutation = next((i for i, b in enumerate(blocks) if b.table is None and b.text.strip() == rules.salutation),
                          None)
        court = next((b for b in blocks[salutation + 1:] if b.text.strip()), None) if salutation is not None else None
        if salutation is None:
            out.append(Finding(document=doc, code="SECTION_MISSING",
                               message=f"no 「{rules.salutation}」 line with the court's name under it: the filing "
                                       "must address the court"))
        elif court is None or court.heading is not None:
            out.append(Finding(document=doc, where=blocks[salutation].where, code="SECTION_EMPTY",
                               message=f"「{rules.salutation}」 is not followed by the court's name"))
    header = rules.exhibit_tables.get(kind)
    if header and not any(b.table is not None and b.text.strip() == header for b in blocks):
        out.append(Finding(document=doc, code="SECTION_MISSING",
                           message=f"no exhibit table (a table with a {header} column): the list lists none"))
    for i, b in enumerate(blocks):
        if not b.heading:
            continue
        following = next((n for n in blocks[i + 1:] if n.text.strip() or n.table is not None), None)
        if following is None or (following.heading is not None and following.heading <= b.heading):
            out.append(Finding(document=doc, where=b.where, code="SECTION_EMPTY",
                               message=f"「{b.text.strip()}」 has nothing under it: write the section or drop the "
                                       "heading"))
    return out


def draft_rules(calculation: dict) -> DraftRules:
    """The rules of the forum whose drafts these are (calculation.json's ``jurisdiction``); none when it is
    missing or unknown (the text rules still run)."""
    from litigator import forums

    code = calculation.get("jurisdiction")
    if not isinstance(code, str) or code not in forums.codes():
        return DraftRules()
    return forums.get(code).draft_rules


@dataclass
class Context:
    values: set[Decimal]
    exhibits: set[int] | None           # None: no evidence list beside the drafts
    exhibit_list: str
    overridden: set[str]
    case_known: bool
    placeholders: list[tuple[re.Pattern, str]]


def _calculation_list(blocks: list[Block]) -> set[str]:
    """The numbered paragraphs right after one announcing the calculation (…计算如下：): each states a head's
    amount, with or without arithmetic (statutory damages have none)."""
    out: set[str] = set()
    listing = False
    for b in blocks:
        if b.table is not None or not b.text.strip():
            continue
        if listing and b.heading is None and re.match(r"\d+[.、．]", b.text.strip()):
            out.add(b.where)
            continue
        listing = b.heading is None and "计算如下" in b.text
    return out


def _text_rules(doc: str, blocks: list[Block], ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    list_noted = False
    calculation_list = _calculation_list(blocks)
    for b in blocks:
        text = b.text
        if not text.strip():
            continue

        def add(code: str, message: str, where: str = b.where) -> None:
            out.append(Finding(document=doc, where=where, code=code, message=message))

        for m in _TEMPLATE.finditer(text):
            snippet = text[max(0, m.start() - 10):m.end() + 20].strip()
            add("TEMPLATE_SYNTAX", f"unrendered template syntax {m.group(0)!r} in 「{snippet}」: fix the template "
                                   "(`litigator templates check`) and draft again")
            break
        if "\ufffd" in text:
            i = text.index("\ufffd")
            add("BROKEN_CHARACTER", f"U+FFFD (a character lost in decoding) in 「{text[max(0, i - 10):i + 10]}」: "
                                    "re-save the source as UTF-8 and draft again")
        for pattern, message in ctx.placeholders:
            found = pattern.search(text)
            if found:
                add("PLACEHOLDER", message.format(found=found.group(0)))
        if _is_request(b) or _FORMULA.search(text) or b.where in calculation_list:
            kind = "request" if _is_request(b) else "formula"
            for written, value in amounts_in(text):
                if value not in ctx.values:
                    add("AMOUNT_MISMATCH", f"{written} in a {kind} is no figure of {CALCULATION}: correct the amount "
                                           "or draft again")
        refs = _exhibit_refs(text)
        if refs and ctx.exhibits is None and not list_noted:
            list_noted = True
            add("EXHIBIT_LIST_MISSING", f"cites 证据{refs[0]} but there is no {EVIDENCE_LIST} beside it to check "
                                        "the exhibit numbers against (draft the evidence list too)")
        if ctx.exhibits is not None:
            for n in dict.fromkeys(refs):
                if n not in ctx.exhibits:
                    top = max(ctx.exhibits) if ctx.exhibits else 0
                    add("EXHIBIT_UNKNOWN", f"cites 证据{n}, which {ctx.exhibit_list} does not list (it numbers "
                                           f"{'1–' + str(top) if top else 'none'}): correct the citation")
            for m in _EXHIBIT_COUNT.finditer(text):
                if int(m.group(1)) != len(ctx.exhibits):
                    add("EXHIBIT_COUNT", f"「{m.group(0)}」 but {ctx.exhibit_list} lists {len(ctx.exhibits)} "
                                         "exhibits")
        for m in _ID.finditer(text):
            code = m.group("code").upper()
            credit = "信用代码" in m.group("label")
            if credit:
                from litigator.identifiers import credit_code_problem as problem_of
            else:
                from litigator.identifiers import resident_id_problem as problem_of
            problem = problem_of(code)
            if problem is None or code in ctx.overridden:
                continue
            hint = ("fix it in case.yaml, or give the party `checksum_override: <reason>`" if ctx.case_known
                    else "fix it (no case folder found to read a `checksum_override` from: pass --case)")
            add("ID_CHECKSUM", f"{problem}: {hint}")
    return out


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


def check(target: str | Path, case_dir: str | Path | None = None) -> CheckReport:
    """Lint the drafts at ``target`` (a folder of drafts, or one .docx). Raises LitigatorError for what stops
    the check itself (no such path, no calculation.json); every problem of the drafts is a Finding."""
    target = Path(target)
    if target.is_dir():
        folder = target
        documents = sorted(p for p in folder.glob("*.docx") if not p.name.startswith(("~$", ".~")))
        if not documents:
            raise LitigatorError("no .docx in the folder: give the folder `litigator draft` wrote, or a .docx",
                                 target)
    elif target.is_file():
        if target.suffix.lower() != ".docx":
            raise LitigatorError("not a .docx or a folder of drafts", target)
        folder = target.parent
        documents = [target]
    else:
        raise LitigatorError("no such file or folder", target)
    calc_path = folder / CALCULATION
    calculation = read_calculation(calc_path)
    if case_dir is not None:
        case = Path(case_dir)
        if not (case / "case.yaml").is_file():
            raise LitigatorError("not a case folder (no case.yaml)", case)
    else:
        case = find_case(folder, calculation)

    findings: list[Finding] = []
    read: dict[Path, list[Block]] = {}
    for path in documents:
        try:
            read[path] = read_blocks(path)
        except Exception as exc:  # noqa: BLE001 — python-docx raises zip, XML and key errors for a bad file
            if isinstance(exc, (KeyboardInterrupt, MemoryError)):
                raise
            findings.append(Finding(document=str(path), code="UNREADABLE",
                                    message=f"not a readable .docx ({type(exc).__name__}): draft it again"))
    list_path = folder / EVIDENCE_LIST
    exhibits: set[int] | None = None
    if list_path in read:
        exhibits = exhibit_numbers(read[list_path])
    elif list_path.is_file():
        try:
            exhibits = exhibit_numbers(read_blocks(list_path))
        except Exception:  # noqa: BLE001 — reported when the folder is checked; here: no list to compare
            exhibits = None
    rules = draft_rules(calculation)
    ctx = Context(values=calculation_values(calculation), exhibits=exhibits, exhibit_list=EVIDENCE_LIST,
                  overridden=overridden_codes(case), case_known=case is not None,
                  placeholders=_placeholder_patterns())
    for path, blocks in read.items():
        doc = str(path)
        order = {b.where: i for i, b in enumerate(blocks)}
        found = _structure(doc, _kind(blocks, path, rules), blocks, rules) + _text_rules(doc, blocks, ctx)
        findings += sorted(found, key=lambda f: order.get(f.where, -1))  # body order, whole-document first
    if case is not None:
        facts = case / "facts.yaml"
        for conflict in _facts_conflicts(case):
            findings.append(Finding(document=str(facts), code="FACTS_CONFLICT",
                                    message=f"{conflict}: resolve it (`litigator facts CASE --accept`, or fix "
                                            "case.yaml) and draft again"))
    return CheckReport(documents=[str(p) for p in documents], calculation=str(calc_path),
                       case=str(case) if case is not None else None, findings=findings)


def _facts_conflicts(case: Path) -> list[str]:
    """Unresolved facts.yaml conflicts of the case (none without facts.yaml, or without the facts stage)."""
    if not (case / "facts.yaml").is_file():
        return []
    try:
        from litigator.facts import unresolved_conflicts
    except ImportError:
        return []
    return list(unresolved_conflicts(case))
