"""Byline parsing: names, source, affiliations and role labels (vietnamese-text.md §6).

Pure functions on strings. An empty author list beats a wrong author.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newscrawl.extraction.text import clean_text, fold_key

__all__ = ["KNOWN_OUTLETS", "Byline", "is_plausible_name", "parse_byline"]

KNOWN_OUTLETS: tuple[str, ...] = (
    "TTXVN", "Thông tấn xã Việt Nam", "TTXVN/Vietnam+", "Vietnamplus", "Vietnam+",
    "VTV", "VTV.vn", "VTC", "VTC News", "VOV", "VOV.VN", "TTV",
    "Tiền Phong", "TPO", "Người lao động", "NLĐ", "NLĐO", "Thanh Niên", "Tuổi Trẻ",
    "Tuổi Trẻ Online", "Dân trí", "VnExpress", "Nhân Dân", "Quân đội nhân dân", "QĐND",
    "Công an nhân dân", "CAND", "Lao Động", "Sài Gòn Giải Phóng", "SGGP", "Hà Nội Mới", "HNMO",
    "Pháp luật TP.HCM", "Pháp luật Việt Nam", "Kiến Thức", "Giáo dục và Thời đại", "GD&TĐ",
    "Báo Thanh Hóa", "Baothanhhoa.vn", "Chinhphu.vn", "VGP", "Cổng thông tin điện tử Chính phủ",
    "Znews", "Zing", "Zing News", "Kenh14", "Soha", "CafeF", "CafeBiz", "VnEconomy", "Vietnamnet",
    "Tài chính Plus", "Doanh nghiệp và Tiếp thị", "Infonet", "GiadinhNet", "Đời sống & Pháp luật",
    "Reuters", "AFP", "AP", "Bloomberg", "BBC", "CNN", "Xinhua", "Tân Hoa Xã", "Kyodo", "Yonhap",
    "Sputnik", "TASS", "RIA Novosti", "Al Jazeera",
)  # fmt: skip
_OUTLET_KEYS = frozenset(fold_key(o) for o in KNOWN_OUTLETS)
_COMPANY_KEYS = frozenset(fold_key(c) for c in ("VCCorp", "VC Corp", "VCCorp.vn", "FPT Online"))
# Descriptive outlet names: "Báo Lao Động Thủ đô", "Tạp chí Cộng sản", "Đài PT-TH Thanh Hóa".
_OUTLET_WORD_RE = re.compile(r"^(?:báo|tạp chí|đài|cổng thông tin|thông tấn xã|kênh)\s", re.I)
_DOMAIN_RE = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|info)\b", re.I)
_URL_RE = re.compile(r"(?:https?://|www\.)\S*", re.I)

_TIME_TAIL_RE = re.compile(r"\s*[-–•|]\s*(?:ngày\s+)?\d{1,2}[:/h].*$", re.I)
_LEAD_SOURCE_RE = re.compile(r"^(?:(?P<theo>theo)\s+|nguồn\s*:\s*)(?P<rest>.+)$", re.I)
_PAREN_TAIL_RE = re.compile(r"^(?P<name>.*?)\s*\((?P<inner>[^()]+)\)$")
_ROLE = (
    r"bài(?:\s*(?:và|,|\+|&)\s*ảnh)?|ảnh|video|clip|đồ\s+h(?:ọa|oạ)"
    r"|nhóm\s+thực\s+hiện|thực\s+hiện|tổng\s+hợp|biên\s+tập|trình\s+bày"
)
_ROLE_LABEL_RE = re.compile(rf"^(?P<role>{_ROLE})\s*:\s*", re.I)
_ROLE_WORD_RE = re.compile(rf"(?:{_ROLE})", re.I)
_GROUP_RE = re.compile(r"^(?:PV|Nhóm PV|BTV|CTV|Phóng viên|Nhóm phóng viên.*)$", re.I)
_SPLIT_RE = re.compile(r"\s+[-–—]\s+|\s*[,;/]\s*|\s+(?:và|&)\s+", re.I)
_EDGE_SEP_RE = re.compile(r"^[\s,;/•|&–—-]+|[\s,;/•|&–—.-]+$")
_INITIAL_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]\.")
_NAME_CHARS_RE = re.compile(r"^[^\W\d_]+(?:[ .'’-]+[^\W\d_]+)*$")
_ANH_RE = re.compile(r"\bảnh\b")
_MAX_NAME_LEN = 60
_MAX_NAME_WORDS = 6
_MAX_LOWER_WORDS = 2  # more lower-case words than this: the byline is prose, not names


@dataclass(frozen=True, slots=True)
class Byline:
    """A parsed byline: authors as printed, plus what was moved out of it."""

    authors: list[str]
    source: str | None = None
    affiliations: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(slots=True)
class _Acc:
    """Mutable accumulator used while parsing one byline."""

    site_keys: frozenset[str]
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    affiliations: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def freeze(self) -> Byline:
        """Deduplicate (by fold_key, keeping order) and build the Byline."""
        affiliations = tuple(_dedupe(self.affiliations))
        return Byline(_dedupe(self.authors), self.source, affiliations, tuple(_dedupe(self.roles)))


def _dedupe(items: Sequence[str]) -> list[str]:
    """Drop items whose fold_key was already seen."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if (key := fold_key(item)) not in seen:
            seen.add(key)
            out.append(item)
    return out


def _is_domain(s: str) -> bool:
    """True for URLs and domain-looking strings ("cafebiz.vn", "VCCorp.vn")."""
    return bool(_URL_RE.search(s) or _DOMAIN_RE.search(s))


def _is_outlet(s: str) -> bool:
    """Known outlet/agency by fold_key, a descriptive outlet name, or a domain."""
    return fold_key(s) in _OUTLET_KEYS or bool(_OUTLET_WORD_RE.match(s)) or _is_domain(s)


def _looks_like_name(s: str) -> bool:
    """Shape test: letters, capitalised words, at most a few, periods only after initials."""
    if len(s) > _MAX_NAME_LEN or _ANH_RE.search(s.casefold()):
        return False
    words = s.split()
    if not words or len(words) > _MAX_NAME_WORDS or not all(w[0].isupper() for w in words):
        return False
    return "." not in _INITIAL_RE.sub("", s) and _NAME_CHARS_RE.match(s) is not None


def is_plausible_name(s: str, *, site_names: Sequence[str] = ()) -> bool:
    """True when `s` can be a person (or group byline), not a site, outlet, company, URL or prose."""
    s = clean_text(s)
    if not s or len(s) > _MAX_NAME_LEN:
        return False
    if _GROUP_RE.match(s):
        return True
    key = fold_key(s)
    if _is_domain(s) or key in _OUTLET_KEYS or key in _COMPANY_KEYS:
        return False
    if key in {fold_key(n) for n in site_names}:
        return False
    return _looks_like_name(s)


def _take_paren(text: str, acc: _Acc) -> str:
    """A trailing "(…)": another outlet -> source, role word -> role, else (own site too) affiliation."""
    m = _PAREN_TAIL_RE.match(text)
    if not m:
        return text
    inner = clean_text(m.group("inner"))
    if _ROLE_WORD_RE.fullmatch(inner):
        acc.roles.append(inner)
    elif _is_outlet(inner) and fold_key(inner) not in acc.site_keys:
        acc.source = acc.source or inner
    else:
        acc.affiliations.append(inner)
    return clean_text(m.group("name"))


def _theo_names_person(rest: str, acc: _Acc) -> bool:
    """"Theo <rest>": a person when no outlet and every part is a name of <= 4 words."""
    if _is_outlet(rest):
        return False
    parts = [p for p in _SPLIT_RE.split(rest) if p]
    site_names = tuple(acc.site_keys)
    return bool(parts) and all(
        len(p.split()) <= 4 and is_plausible_name(p, site_names=site_names) for p in parts
    )


def _take_lead_source(text: str, acc: _Acc) -> str:
    """"Theo X" / "Nguồn: X": an outlet goes to source, a person's name stays."""
    m = _LEAD_SOURCE_RE.match(text)
    if not m:
        return text
    rest = _EDGE_SEP_RE.sub("", m.group("rest"))
    if m.group("theo") and _theo_names_person(rest, acc):
        return rest
    acc.source = acc.source or rest or None
    return ""


def _take_roles(text: str, acc: _Acc) -> str:
    """Remove leading role labels ("Tổng hợp:", "Bài và ảnh:") into roles."""
    while m := _ROLE_LABEL_RE.match(text):
        acc.roles.append(clean_text(m.group("role")))
        text = text[m.end() :]
    if _ROLE_WORD_RE.fullmatch(text):
        acc.roles.append(text)
        return ""
    return text


def _unwrap(text: str, acc: _Acc) -> str:
    """Rules 3-5 on one string: source, affiliation, role labels."""
    text = _EDGE_SEP_RE.sub("", text)
    text = _take_paren(text, acc)
    text = _take_lead_source(text, acc)
    return _EDGE_SEP_RE.sub("", _take_roles(text, acc))


def _add_candidate(cand: str, acc: _Acc) -> None:
    """Classify one split candidate: group, outlet (-> source), plausible name, or nothing."""
    cand = _unwrap(cand, acc)
    if not cand:
        return
    if _GROUP_RE.match(cand):
        acc.authors.append(cand)
    elif fold_key(cand) in _OUTLET_KEYS and fold_key(cand) not in acc.site_keys:
        acc.source = acc.source or cand
    elif is_plausible_name(cand, site_names=tuple(acc.site_keys)):
        acc.authors.append(cand)


def _is_prose(text: str) -> bool:
    """Digits left after the time cut, or several lower-case words: a dateline or sentence."""
    if any(ch.isdigit() for ch in text):
        return True
    lower = [w for w in text.split() if w[0].islower() and w != "và"]
    return len(lower) > _MAX_LOWER_WORDS


def parse_byline(raw: str | None, *, site_names: Sequence[str] = ()) -> Byline:
    """Parse a byline into authors, source, affiliations and roles (vietnamese-text.md §6)."""
    acc = _Acc(site_keys=frozenset(fold_key(n) for n in site_names if fold_key(n)))
    text = _URL_RE.sub(" ", _TIME_TAIL_RE.sub("", clean_text(raw)))
    text = _unwrap(clean_text(text), acc)
    if not text:
        return acc.freeze()
    if _GROUP_RE.match(text):
        acc.authors.append(text)
    elif not _is_prose(text):
        for cand in _SPLIT_RE.split(text):
            _add_candidate(cand, acc)
    return acc.freeze()
