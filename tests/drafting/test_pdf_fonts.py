"""PDF fonts: the shipped fontconfig maps 宋体/仿宋/楷体 to Noto Serif CJK SC and 黑体 to Noto Sans CJK SC.

fc-match under FONTCONFIG_FILE shows the mapping (and that an installed SimSun still wins); the
drafted PDFs of both examples embed Noto Serif CJK, and every CJK glyph whose form differs between
the Simplified-Chinese and Japanese faces is the SC one. fonts-noto-cjk ships collections (.ttc)
whose faces share one CFF table named NotoSerifCJKjp-*, so cjk_faces.py cuts the SC faces into
standalone fonts named sc; the PDFs then list NotoSerifCJKsc-* and no JP font, and the glyphs are
still checked against the SC and JP faces' cmaps. Under CI=true these tests run, never skip.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
from pathlib import Path

import pytest
from support import EXAMPLES, require_tool, run_cli

from litigator.drafting.pdf import FONTCONFIG, soffice_env

EXAMPLE_NAMES = ("platform-v-seller", "brand-v-seller", "company-v-seller")


def _fc_match(family: str, conf: Path = FONTCONFIG, fmt: str = "%{family[0]}") -> str:
    return subprocess.run([require_tool("fc-match"), "-f", fmt, family], capture_output=True, text=True,
                          check=True, env={**os.environ, "FONTCONFIG_FILE": str(conf)}).stdout


def test_conf_is_shipped_in_the_package():
    assert FONTCONFIG.is_file()
    assert "/etc/fonts/fonts.conf" in FONTCONFIG.read_text(encoding="utf-8")
    env = soffice_env()
    used = Path(env["FONTCONFIG_FILE"]) if env else None
    assert used is None or used == FONTCONFIG or str(FONTCONFIG) in used.read_text(encoding="utf-8")


def test_the_standalone_sc_faces_are_named_sc_and_come_first(tmp_path, monkeypatch):
    require_tool("fc-match")
    pytest.importorskip("fontTools")
    from fontTools.ttLib import TTFont

    from litigator.drafting.cjk_faces import runtime_conf

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    conf = runtime_conf(FONTCONFIG)
    if conf is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("the standalone SC faces could not be built under CI=true")
        pytest.skip("no Noto CJK collections installed")
    cut = TTFont(str(tmp_path / "litigator" / "fonts" / "LitigatorSerifSC-Regular.otf"))
    top = cut["CFF "].cff.topDictIndex[0]
    assert cut["CFF "].cff.fontNames == ["NotoSerifCJKsc-Regular"]
    assert top.FamilyName == "Noto Serif CJK SC" and all("sc-" in fd.FontName for fd in top.FDArray)
    assert cut["name"].getDebugName(1) == "Litigator Serif SC"
    assert _fc_match("宋体", conf, "%{postscriptname}") == "NotoSerifCJKsc-Regular"
    assert _fc_match("黑体", conf, "%{postscriptname}") == "NotoSansCJKsc-Regular"
    # built once: a second call reuses the files
    before = cut_mtime = (tmp_path / "litigator" / "fonts" / "LitigatorSerifSC-Regular.otf").stat().st_mtime_ns
    assert runtime_conf(FONTCONFIG) == conf
    assert (tmp_path / "litigator" / "fonts" / "LitigatorSerifSC-Regular.otf").stat().st_mtime_ns == before == cut_mtime


@pytest.mark.parametrize(("family", "expected"), [
    ("宋体", "Noto Serif CJK SC"), ("SimSun", "Noto Serif CJK SC"), ("NSimSun", "Noto Serif CJK SC"),
    ("仿宋", "Noto Serif CJK SC"), ("FangSong", "Noto Serif CJK SC"), ("仿宋_GB2312", "Noto Serif CJK SC"),
    ("楷体", "Noto Serif CJK SC"), ("KaiTi", "Noto Serif CJK SC"),
    ("黑体", "Noto Sans CJK SC"), ("SimHei", "Noto Sans CJK SC"), ("微软雅黑", "Noto Sans CJK SC"),
])
def test_chinese_font_names_map_to_noto_sc(family, expected):
    assert _fc_match(family) == expected


@pytest.mark.parametrize("pattern", [":lang=en:charset=4e00", "serif:charset=4e00", "Liberation Serif:charset=4e00",
                                     "Foo:lang=zh-cn", "sans-serif:lang=zh-cn"])
def test_cjk_fallback_is_the_sc_face(pattern):
    """A CJK character asked for without a language falls back to SC, not to the collection's first (JP) face."""
    assert _fc_match(pattern).endswith(" SC")


@pytest.mark.parametrize("family", ["serif", "sans-serif", "monospace", "Times New Roman", "Arial"])
def test_latin_and_generic_families_are_untouched(family):
    system = subprocess.run([require_tool("fc-match"), "-f", "%{family[0]}", family], capture_output=True,
                            text=True, check=True).stdout
    assert _fc_match(family) == system


def test_an_installed_simsun_still_wins(tmp_path):
    """The substitutes come after the requested family: a real 宋体/SimSun, when present, is used."""
    fonts, cache = tmp_path / "fonts", tmp_path / "cache"
    fonts.mkdir()
    cache.mkdir()
    source = Path(_fc_match("Liberation Serif", fmt="%{file}"))
    fake = fonts / "fake-simsun.ttf"
    fake.write_bytes(source.read_bytes())
    conf = tmp_path / "test.conf"  # our cachedir first, so nothing is written to the system's cache
    conf.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <cachedir>{cache}</cachedir>
  <include>{FONTCONFIG}</include>
  <dir>{fonts}</dir>
  <match target="scan">
    <test name="file"><string>{fake}</string></test>
    <edit name="family" mode="assign" binding="same"><string>SimSun</string><string>宋体</string></edit>
  </match>
</fontconfig>
""", encoding="utf-8")
    assert _fc_match("宋体", conf, "%{file}") == str(fake)
    assert _fc_match("SimSun", conf, "%{file}") == str(fake)
    assert _fc_match("仿宋", conf) == "Noto Serif CJK SC"


# --- the drafted PDFs -------------------------------------------------------------------------------

def _face(family: str, style: str) -> tuple[Path, int]:
    """The file and collection index of one installed face, as fontconfig lists it."""
    out = subprocess.run([require_tool("fc-list"), "-f", "%{file}|%{index}\n", f"{family}:style={style}"],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert out, f"{family} {style} is not installed (fonts-noto-cjk)"
    file, index = out[0].rsplit("|", 1)
    return Path(file), int(index)


def _cmap(file: Path, index: int) -> dict[int, int]:
    """Code point → glyph id from the format-12 cmap of face ``index`` of an OpenType collection or font."""
    data = file.read_bytes()
    if data[:4] == b"ttcf":
        offset = struct.unpack_from(">I", data, 12 + 4 * index)[0]
    else:
        offset = 0
    (num_tables,) = struct.unpack_from(">H", data, offset + 4)
    tables = {}
    for i in range(num_tables):
        tag, _, start, _ = struct.unpack_from(">4sIII", data, offset + 12 + 16 * i)
        tables[tag] = start
    cmap = tables[b"cmap"]
    (subtables,) = struct.unpack_from(">H", data, cmap + 2)
    for i in range(subtables):
        _, _, sub = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        if struct.unpack_from(">H", data, cmap + sub)[0] == 12:
            (groups,) = struct.unpack_from(">I", data, cmap + sub + 12)
            mapping = {}
            for g in range(groups):
                first, last, glyph = struct.unpack_from(">III", data, cmap + sub + 16 + 12 * g)
                for code in range(first, last + 1):
                    mapping[code] = glyph + code - first
            return mapping
    raise AssertionError(f"no format-12 cmap in {file}")


def _cjk_glyphs(pdf: Path) -> dict[str, set[tuple[int, int]]]:
    """For each embedded Noto CJK font (by base name): the (code point, glyph id) pairs it draws.

    LibreOffice embeds the CFF subsets as Type 1 fonts whose glyph names are ``cid<glyph id>``;
    the /ToUnicode map gives each code's character.
    """
    from pypdf import PdfReader

    found: dict[str, set[tuple[int, int]]] = {}
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            name = str(font["/BaseFont"]).split("+", 1)[-1]
            if "CJK" not in name:
                continue
            program = font["/FontDescriptor"].get_object().get("/FontFile")
            assert program is not None, f"{pdf.name}: {name} is not embedded as a Type 1 font (LibreOffice changed?)"
            glyphs = {int(c): int(g) for c, g in re.findall(rb"dup (\d+) /cid(\d+) put",
                                                            program.get_object().get_data())}
            to_unicode = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            pairs = found.setdefault(name, set())
            for code, char in re.findall(r"<([0-9A-Fa-f]{2,4})>\s*<([0-9A-Fa-f]{4})>", to_unicode):
                if int(code, 16) in glyphs:
                    pairs.add((int(char, 16), glyphs[int(code, 16)]))
    return found


def _pdffonts(pdf: Path) -> list[str]:
    out = subprocess.run([require_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split()[0] for line in out.splitlines()[2:] if line.strip()]


@pytest.fixture(scope="module", params=EXAMPLE_NAMES)
def drafted(request, tmp_path_factory):
    require_tool("soffice")
    require_tool("pdffonts")
    out = tmp_path_factory.mktemp(request.param)
    result = run_cli("draft", EXAMPLES / request.param, "-o", out, "--pdf")
    assert result.code == 0, result.err
    pdfs = sorted(out.glob("*.pdf"))
    assert {p.name for p in pdfs} >= {"complaint.pdf", "evidence-list.pdf"}
    return pdfs


@pytest.mark.slow
def test_pdfs_embed_noto_serif_cjk_sc_and_no_jp_font(drafted):
    for pdf in drafted:
        names = _pdffonts(pdf)
        assert any("NotoSerifCJKsc" in n for n in names), (pdf.name, names)  # 仿宋/宋体 body: serif, not sans
        assert not any("jp" in n.lower() for n in names), (pdf.name, names)


@pytest.mark.slow
def test_pdf_cjk_glyphs_are_the_simplified_chinese_forms(drafted):
    faces = {(kind, weight): {region: _cmap(*_face(f"Noto {kind} CJK {region}", weight)) for region in ("SC", "JP")}
             for kind in ("Serif", "Sans") for weight in ("Regular", "Bold")}
    for pdf in drafted:
        fonts = _cjk_glyphs(pdf)
        assert fonts, f"{pdf.name}: no Noto CJK font embedded"
        differing = 0
        for name, pairs in fonts.items():
            kind = "Serif" if name.startswith("NotoSerif") else "Sans"
            weight = "Bold" if "-Bold" in name else "Regular"
            sc, jp = faces[kind, weight]["SC"], faces[kind, weight]["JP"]
            assert all(sc.get(char) == glyph for char, glyph in pairs), \
                (pdf.name, name, sorted(chr(c) for c, g in pairs if sc.get(c) != g)[:20])
            differing += sum(1 for char, _ in pairs if sc.get(char) != jp.get(char))
        assert differing >= 10, f"{pdf.name}: too few characters whose SC and JP forms differ to tell the face"
