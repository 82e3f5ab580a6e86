"""The synthetic TTV-like site: every article is computed on demand from (seed, index) in O(1).

Article ``i`` (0 = oldest) is published at ``anchor - (N0 - 1 - i) * 15 min`` (``N0``: the starting count);
``publish`` appends after the newest. Zones follow a seeded layout of blocks of 12 indices (4 thoi-su,
3 xa-hoi, 2 kinh-te, 2 the-thao, 1 van-hoa), so the k-th newest article of a zone needs no scan; ids are
decoded back to indices from their draft time.
"""

from __future__ import annotations

import random
import re
import threading
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache

VN = timezone(timedelta(hours=7))
DEFAULT_ANCHOR = datetime(2026, 1, 4, 21, 0, tzinfo=VN)
STEP = timedelta(minutes=15)
ID_CYCLE = 60_000  # the id's "ssmmm" digits hold index % ID_CYCLE, which makes ids unique
MAX_DRAFT_MINUTES = 6 * 24 * 60
MAX_ARTICLES = 1_000_000
MAX_PUBLISH = 10_000
CDN = "https://truyenhinhthanhhoa.qltns.mediacdn.vn"
ACCOUNT = "458222886115467264"
_ID_RE = re.compile(r"^180(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{5})$")

# Thanh Hóa news vocabulary: "[KEY] entry|entry…"; a line not ending in "|" continues after a space.
_VOCAB = """
[PLACE] thành phố Thanh Hóa|thị xã Nghi Sơn|thành phố Sầm Sơn|thị xã Bỉm Sơn|huyện Thọ Xuân|huyện Như Thanh|
huyện Quảng Xương|huyện Hoằng Hóa|huyện Hậu Lộc|huyện Nga Sơn|xã Hà Trung|huyện Vĩnh Lộc|huyện Cẩm Thủy|huyện
Bá Thước|huyện Quan Hóa|huyện Mường Lát|huyện Ngọc Lặc|huyện Thạch Thành|huyện Yên Định|huyện Thiệu Hóa|huyện
Triệu Sơn|huyện Nông Cống|huyện Thường Xuân|xã Hoằng Tiến|phường Hạc Thành|xã Quảng Phú|xã Xuân Lập|xã Nga
Sơn|huyện Lang Chánh|huyện Đông Sơn
[ORG] Ủy ban nhân dân tỉnh|Sở Nông nghiệp và Môi trường|Sở Y tế|Sở Giáo dục và Đào tạo|Sở Văn hóa, Thể thao và
Du lịch|Công an tỉnh|Bộ Chỉ huy Quân sự tỉnh|Hội Nông dân tỉnh|Liên đoàn Lao động tỉnh|Ban Quản lý Khu kinh tế
Nghi Sơn và các khu công nghiệp|Sở Tài chính|Sở Công Thương|Tỉnh đoàn Thanh Hóa|Ủy ban Mặt trận Tổ quốc Việt
Nam tỉnh|Sở Xây dựng
[TOPICS:thoi-su] cải cách thủ tục hành chính|chuyển đổi số trong cơ quan nhà nước|xây dựng nông thôn mới nâng
cao|phòng, chống thiên tai và tìm kiếm cứu nạn|bảo đảm trật tự an toàn giao thông|phòng cháy, chữa cháy tại
khu dân cư|giải ngân vốn đầu tư công|giải phóng mặt bằng các dự án trọng điểm|sắp xếp tổ chức bộ máy|tiếp công
dân và giải quyết khiếu nại|phòng, chống buôn lậu và gian lận thương mại|vận hành chính quyền địa phương hai
cấp
[TOPICS:kinh-te] tiêu thụ sản phẩm OCOP|sản xuất vụ Đông|phát triển kinh tế hợp tác xã|thu hút đầu tư vào khu
công nghiệp|thu ngân sách nhà nước|xuất khẩu nông, lâm, thủy sản|phát triển thương mại điện tử|chăn nuôi an
toàn sinh học|tích tụ ruộng đất|phát triển du lịch biển|bình ổn giá thị trường dịp Tết|hỗ trợ doanh nghiệp nhỏ
và vừa
[TOPICS:xa-hoi] chăm sóc sức khỏe ban đầu cho người dân|giảm nghèo bền vững|giải quyết việc làm cho lao động
nông thôn|xóa nhà tạm, nhà dột nát|tiêm chủng mở rộng|phát triển người tham gia bảo hiểm xã hội|phòng, chống
đuối nước cho trẻ em|bảo vệ môi trường nông thôn|an toàn vệ sinh thực phẩm|chăm lo cho người có công|đào tạo
nghề cho thanh niên|phòng, chống dịch bệnh mùa đông xuân
[TOPICS:van-hoa] bảo tồn giá trị di sản Thành Nhà Hồ|phục dựng lễ hội truyền thống|phát triển du lịch cộng
đồng|giữ gìn bản sắc văn hóa dân tộc Thái, Mường|phát triển văn hóa đọc|bảo tồn diễn xướng dân gian|xây dựng
đời sống văn hóa ở khu dân cư|tu bổ, tôn tạo di tích|gìn giữ nghề truyền thống|quảng bá ẩm thực xứ Thanh
[TOPICS:the-thao] phong trào thể dục thể thao quần chúng|đào tạo vận động viên trẻ|giải bóng đá thiếu niên nhi
đồng|giải việt dã truyền thống|đua thuyền truyền thống trên sông Mã|phổ cập bơi cho học sinh|Đại hội Thể dục
thể thao các cấp|giải cờ tướng, cờ vua|xây dựng thiết chế thể thao cơ sở|chuẩn bị lực lượng cho Đại hội Thể
thao toàn quốc
[TITLE] {Place} đẩy mạnh {topic}|{Org} kiểm tra công tác {topic} tại {place}|Nâng cao hiệu quả {topic}|Tháo gỡ
khó khăn trong {topic}|{Place}: Chú trọng {topic} năm {year}|Hội nghị triển khai nhiệm vụ {topic}|Người dân
{place} chung tay {topic}|Kết quả bước đầu trong {topic} ở {place}|{Org} làm việc với {place} về {topic}|Gần
{n} tỷ đồng cho {topic}|Những cách làm hay trong {topic} tại {place}|Đồng chí {leader} kiểm tra {topic} tại
{place}|Tạo chuyển biến rõ nét về {topic}|{Place} - Điểm sáng về {topic}|Tăng cường {topic} dịp cuối năm|Thanh
Hóa dẫn đầu khu vực Bắc Trung Bộ về {topic}|Gỡ “điểm nghẽn” trong {topic}
[SAPO] {Daypart} {dm}, {org} tổ chức hội nghị đánh giá kết quả {topic} năm {year} và triển khai nhiệm vụ thời
gian tới.|Thời gian qua, {place} đã triển khai đồng bộ nhiều giải pháp về {topic}, bước đầu mang lại kết quả
tích cực.|Xác định {topic} là nhiệm vụ trọng tâm, {place} đã huy động sự vào cuộc của cả hệ thống chính trị và
nhân dân.|{Daypart} {dm}, đoàn công tác của {org} do đồng chí {leader} làm trưởng đoàn đã kiểm tra tình hình
{topic} tại {place}.|Năm {year}, {topic} trên địa bàn {place} có nhiều chuyển biến rõ nét, góp phần nâng cao
đời sống người dân.
[SENTENCE] Theo báo cáo của {org}, năm {year}, toàn tỉnh đã hoàn thành {n} chỉ tiêu về {topic}, vượt {pct}% kế
hoạch.|Tại buổi làm việc, lãnh đạo {org} đề nghị các địa phương tiếp tục quan tâm hơn nữa đến {topic}.|Thời
gian qua, {place} đã huy động hơn {n} tỷ đồng để thực hiện {topic}.|Bên cạnh kết quả đạt được, {topic} vẫn còn
hạn chế như nguồn lực đầu tư chưa đồng bộ, sự phối hợp giữa các ngành có lúc chưa chặt chẽ.|Dự kiến đến cuối
năm {year}, {place} sẽ có thêm {n} mô hình điểm về {topic}.|Nhiều hộ dân tại {place} đã mạnh dạn thay đổi cách
làm, từng bước nâng cao thu nhập và ổn định cuộc sống.|Chị {female}, người dân {place}, chia sẻ: “Nhờ sự hỗ
trợ kịp thời của chính quyền, cuộc sống của gia đình tôi đã ổn định hơn nhiều.”|Phát biểu chỉ đạo, đồng chí
{leader} yêu cầu các sở, ngành, địa phương bám sát kế hoạch, không để xảy ra tình trạng chậm tiến độ.|Đến nay,
đã có {n} lượt người tham gia, tăng {pct}% so với cùng kỳ năm trước.|Với sự vào cuộc quyết liệt của cả hệ
thống chính trị, {topic} đã đạt nhiều kết quả tích cực.|Thời gian tới, {org} sẽ tiếp tục phối hợp chặt chẽ với
các đơn vị liên quan để kịp thời tháo gỡ vướng mắc.|Ông {male}, {role}, cho biết: “Chúng tôi xác định {topic}
là nhiệm vụ trọng tâm, cần thực hiện thường xuyên, liên tục.”|Qua kiểm tra thực tế, đoàn công tác ghi nhận
nhiều cách làm sáng tạo, hiệu quả của cơ sở.|Nguồn kinh phí thực hiện được lồng ghép từ các chương trình mục
tiêu quốc gia và ngân sách địa phương.|Năm {year}, {place} phấn đấu có {pct}% số thôn, tổ dân phố đạt chuẩn
theo tiêu chí mới.|Các lực lượng chức năng đã tổ chức {n} buổi tuyên truyền, thu hút đông đảo người dân tham
gia.|Theo ghi nhận của phóng viên, không khí lao động, sản xuất tại {place} diễn ra khẩn trương, sôi nổi.|Để
{topic} đạt hiệu quả bền vững, cần sự chung tay của các cấp, các ngành và mỗi người dân.|Bà {female}, {role},
nhấn mạnh việc rà soát kỹ lưỡng những nội dung còn vướng mắc trước khi triển khai.|Sau {n} ngày triển khai,
chương trình đã nhận được sự đồng thuận cao của người dân {place}.
[ZONE_SENTENCE:thoi-su] Hồ sơ, thủ tục được tiếp nhận và trả kết quả trực tuyến, giảm đáng kể thời gian đi lại
của người dân.|Lực lượng chức năng duy trì trực 24/24 giờ, sẵn sàng ứng phó mọi tình huống.
[ZONE_SENTENCE:kinh-te] Giá bán ổn định ở mức {n} nghìn đồng/kg giúp người nông dân yên tâm mở rộng sản xuất.|
Tổng vốn đăng ký đầu tư mới đạt hơn {n} tỷ đồng, tăng {pct}% so với cùng kỳ.
[ZONE_SENTENCE:xa-hoi] Các trạm y tế xã đã được đầu tư trang thiết bị, bảo đảm khám, chữa bệnh ban đầu cho
người dân.|Mỗi căn nhà được hỗ trợ từ 40 đến 60 triệu đồng, người dân đối ứng thêm ngày công lao động.
[ZONE_SENTENCE:van-hoa] Lễ hội được tổ chức trang trọng, giữ gìn những nghi thức truyền thống có từ hàng trăm
năm trước.|Các nghệ nhân cao tuổi trực tiếp truyền dạy cho thế hệ trẻ những làn điệu dân ca.
[ZONE_SENTENCE:the-thao] Giải quy tụ {n} vận động viên đến từ các địa phương trong tỉnh.|Ban tổ chức đã trao
giải nhất, nhì, ba cho các tập thể và cá nhân có thành tích xuất sắc.
[CAPTION] Quang cảnh hội nghị.|Lãnh đạo {org} kiểm tra thực tế tại {place}.|Người dân {place} tham gia
{topic}.|Đoàn công tác làm việc tại cơ sở.|Các đại biểu trao đổi tại buổi làm việc.|Một góc {place} hôm nay.
[UPDATE] {org} cho biết sẽ tổ chức kiểm tra, đánh giá lại kết quả vào cuối tháng.|Đến chiều cùng ngày, đã có
thêm {n} hộ dân đăng ký tham gia chương trình.|Số liệu trong bài được điều chỉnh theo báo cáo mới nhất.
[PROGRAMME] Bản tin Thời sự {h}h|Bản tin Thời sự phát thanh {h}h|Thời sự tối|Thời sự sáng|Podcast: An toàn
giao thông 24h|Bản tin Nông nghiệp
[AUTHOR] Thanh Tâm|Sỹ Thảo|Văn Tráng|Cẩm Thơ|Nguyễn Hải|Minh Hiếu|Lê Hợi|Quốc Toàn|Thu Hà|Hoàng Đông|Đình
Giang|Phương Đỗ|Hà Phương|Ngọc Huấn|Tùng Lâm|Lê Dung|Trọng Hiếu|Mai Anh|Bảo Ngọc|Đức Thành|Trung Kiên|Xuân
Minh|Khánh Linh|Hồng Nhung|Lê Hà|Văn Chiến|Hoài Thu|Mạnh Cường
[MALE] Lê Văn Hùng|Trịnh Minh Quang|Phạm Đức Thắng|Hoàng Văn Nam|Đỗ Xuân Trường|Nguyễn Hữu Phúc
[FEMALE] Nguyễn Thị Hoa|Lê Thị Mai|Trịnh Thị Hằng|Phạm Thị Lan|Hoàng Thị Thu|Đỗ Thị Ngọc
[ROLE] Chủ tịch UBND xã|Giám đốc hợp tác xã|Trưởng phòng Kinh tế|Phó Giám đốc Sở|Bí thư Đảng ủy xã|Trưởng thôn
[SOURCE] Bản tin Thời sự tối/TTV|Bản tin Thời sự trưa/TTV|TTXVN|Báo Thanh Hóa|Cổng Thông tin điện tử tỉnh
Thanh Hóa
"""


def _parse_vocab(block: str) -> dict[str, tuple[str, ...]]:
    text = re.sub(r"\n(?!\[)", " ", re.sub(r"\|\n", "|", block.strip()))
    pairs = (line[1:].split("] ", 1) for line in text.splitlines())
    return {key: tuple(entries.split("|")) for key, entries in pairs}


W = _parse_vocab(_VOCAB)


@dataclass(frozen=True, slots=True)
class Zone:
    slug: str
    zone_id: str
    name: str
    weight: int  # articles per block of BLOCK consecutive indices


ZONES: tuple[Zone, ...] = (
    Zone("thoi-su", "180101", "Thời sự", 4), Zone("kinh-te", "180102", "Kinh tế", 2),
    Zone("xa-hoi", "180103", "Xã hội", 3), Zone("van-hoa", "180104", "Văn hóa", 1),
    Zone("the-thao", "180105", "Thể thao", 2))
BLOCK = sum(z.weight for z in ZONES)
ZONE_BY_SLUG = {z.slug: z for z in ZONES}
ZONE_BY_ID = {z.zone_id: z for z in ZONES}
ALL_TOPICS = tuple(t for z in ZONES for t in W[f"TOPICS:{z.slug}"])


@dataclass(frozen=True, slots=True)
class Photo:
    url: str
    thumb: str
    caption_raw: str
    caption: str
    credit: str | None


@dataclass(frozen=True, slots=True)
class Article:
    """What the pages show about one article; also the values an extractor should find."""

    index: int
    id: str
    zone: Zone
    slug: str
    title: str
    sapo_raw: str
    lede: str
    paragraphs: tuple[str, ...]
    authors: tuple[str, ...]
    photos: tuple[Photo, ...]
    source: str | None
    kind: str  # "article" or "programme"
    published: datetime
    draft: datetime
    modified: datetime
    edits: int
    tags: tuple[str, ...]
    video_caption: str | None

    @property
    def path(self) -> str:
        return f"/{self.slug}-{self.id}.htm"

    @property
    def body(self) -> str:
        """The body an extractor should produce: paragraphs joined by a blank line."""
        return "\n\n".join(self.paragraphs)


def slugify(text: str) -> str:
    """ASCII-folded, lower-case, hyphenated: the CMS slug."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Values(dict[str, str]):
    """``str.format_map`` values: fixed per article, a fresh random draw for the others."""

    def __init__(self, rng: random.Random, fixed: dict[str, str]) -> None:
        super().__init__(fixed)
        self.rng = rng

    def __missing__(self, key: str) -> str:
        if key[:1].isupper():
            return _cap(self[key.lower()])
        if key in ("n", "pct"):
            return str(self.rng.randint(12, 950) if key == "n" else self.rng.randint(3, 35))
        return self.rng.choice(W[key.upper()])


def fill(template: str, values: _Values) -> str:
    return unicodedata.normalize("NFC", template.format_map(values))


def daypart(hour: int) -> str:
    """The word a sapo opens with for an event at *hour* ("Sáng 4/1, …")."""
    parts = ((5, "Rạng sáng"), (11, "Sáng"), (13, "Trưa"), (18, "Chiều"), (23, "Tối"), (24, "Đêm"))
    return next(word for end, word in parts if hour < end)


class SiteModel:
    """Article count, edits and the on-demand article builder. Thread-safe."""

    def __init__(self, count: int, seed: int = 1, anchor: datetime | None = None) -> None:
        if not 1 <= count <= MAX_ARTICLES:
            raise ValueError(f"articles must be 1 to {MAX_ARTICLES}, got {count}")
        anchor = anchor or DEFAULT_ANCHOR
        self.seed = seed
        self.anchor = (anchor if anchor.tzinfo else anchor.replace(tzinfo=VN)).astimezone(VN)
        self.base = self.anchor - (count - 1) * STEP
        self._count = count
        self._edits: dict[int, int] = {}
        self._lock = threading.Lock()
        self._layout = lru_cache(maxsize=8192)(self._make_layout)
        self._built = lru_cache(maxsize=2048)(self._build)

    @property
    def count(self) -> int:
        return self._count

    def publish(self, how_many: int) -> list[int]:
        """Append *how_many* articles after the newest, 15 minutes apart; returns their indices."""
        if not 1 <= how_many <= MAX_PUBLISH:
            raise ValueError(f"count must be 1 to {MAX_PUBLISH}")
        with self._lock:
            first = self._count
            self._count += how_many
        return list(range(first, first + how_many))

    def edit(self, index: int) -> int:
        """Edit article *index* once more (an extra paragraph, modified = published + 2 h per edit)."""
        self._check(index)
        with self._lock:
            self._edits[index] = self._edits.get(index, 0) + 1
            return self._edits[index]

    def _check(self, index: int) -> None:
        if not 0 <= index < self._count:
            raise IndexError(f"no article {index} (the site has {self._count})")

    def published(self, index: int) -> datetime:
        return self.base + index * STEP

    def draft(self, index: int) -> datetime:
        """Draft creation time (encoded in the id): 1 minute to 6 days before publication."""
        rng = random.Random(f"{self.seed}:{index}:draft")
        roll = rng.random()
        minutes = rng.randint(*((1, 180) if roll < 0.6 else (181, 1440) if roll < 0.9 else (1441, 8640)))
        rest = index % ID_CYCLE
        return self.published(index) - timedelta(minutes=minutes, seconds=-(rest // 1000),
                                                  milliseconds=-(rest % 1000))

    def article_id(self, index: int) -> str:
        draft = self.draft(index)
        return f"180{draft:%y%m%d%H%M%S}{draft.microsecond // 1000:03d}"

    def find(self, article_id: str) -> int | None:
        """Index of the article with this id, decoded from the id's time in O(1); None if unknown."""
        match = _ID_RE.match(article_id)
        try:
            yy, mo, dd, hh, mi, rest = (int(g) for g in match.groups())  # type: ignore[union-attr]
            minute = datetime(2000 + yy, mo, dd, hh, mi, tzinfo=VN)
        except (AttributeError, ValueError):
            return None
        step = int(STEP.total_seconds())
        low = -(-int((minute + timedelta(minutes=1) - self.base).total_seconds()) // step)
        high = int((minute + timedelta(minutes=MAX_DRAFT_MINUTES) - self.base).total_seconds()) // step
        index = low + (rest - low) % ID_CYCLE
        if index > high or not 0 <= index < self._count:
            return None
        return index if self.article_id(index) == article_id else None

    def _make_layout(self, block: int) -> tuple[Zone, ...]:
        slots = [z for z in ZONES for _ in range(z.weight)]
        random.Random(f"{self.seed}:block:{block}").shuffle(slots)
        return tuple(slots)

    def zone_of(self, index: int) -> Zone:
        return self._layout(index // BLOCK)[index % BLOCK]

    def _slots_desc(self, block: int, zone: Zone) -> list[int]:
        layout = self._layout(block)
        return [block * BLOCK + p for p in range(BLOCK - 1, -1, -1) if layout[p] is zone]

    def zone_rank(self, zone: Zone, rank: int) -> int | None:
        """Index of the zone's *rank*-th newest article (0 = newest); None past its oldest."""
        count = self._count
        top = (count - 1) // BLOCK
        in_top = [i for i in self._slots_desc(top, zone) if i < count]
        if rank < len(in_top):
            return in_top[rank]
        block, slot = divmod(rank - len(in_top), zone.weight)
        return self._slots_desc(top - 1 - block, zone)[slot] if top - 1 - block >= 0 else None

    def zone_page(self, zone: Zone, page: int, per_page: int = 10) -> list[int]:
        """Indices on listing page *page* (1-based) of *zone*, newest first."""
        found = (self.zone_rank(zone, rank) for rank in range((page - 1) * per_page, page * per_page))
        return [i for i in found if i is not None]

    def newest(self, how_many: int, skip: int = 0) -> list[int]:
        top = self._count - 1 - skip
        return list(range(top, max(top - how_many, -1), -1))

    def related(self, index: int, how_many: int = 3) -> list[int]:
        """Older articles of the same zone, nearest first (fewer near the oldest)."""
        zone, block = self.zone_of(index), index // BLOCK
        found = [i for i in self._slots_desc(block, zone) if i < index]
        while len(found) < how_many and block > 0:
            block -= 1
            found += self._slots_desc(block, zone)
        return found[:how_many]

    def article(self, index: int) -> Article:
        self._check(index)
        return self._built(index, self._edits.get(index, 0))

    def _build(self, index: int, edits: int) -> Article:
        rng = random.Random(f"{self.seed}:{index}")
        zone, published = self.zone_of(index), self.published(index)
        values = _Values(rng, {"year": str(published.year), "daypart": daypart(published.hour),
                               "dm": f"{published.day}/{published.month}"})
        for key, choices in (("topic", W[f"TOPICS:{zone.slug}"]), ("place", W["PLACE"]), ("org", W["ORG"]),
                             ("leader", W["MALE"] + W["FEMALE"])):
            values[key] = rng.choice(choices)
        programme = zone.slug == "thoi-su" and rng.random() < 0.25
        title, sapo, paragraphs = _programme(rng, published) if programme else _story(rng, zone, values)
        authors = tuple(rng.sample(W["AUTHOR"], rng.choice((1, 1, 2, 2, 2, 3))))
        photos = () if programme else _photos(rng, values, authors, published, slugify(title)[:40])
        source = rng.choice(W["SOURCE"]) if rng.random() < 0.35 else None
        prefix = "(TTV) - " if rng.random() < 0.2 else ""
        later = timedelta(hours=2 * edits) if edits else timedelta(seconds=rng.randint(30, 900))
        paragraphs += tuple(_edit_paragraph(self.seed, index, n) for n in range(1, edits + 1))
        return Article(
            index=index, id=self.article_id(index), zone=zone, slug=slugify(title), title=title,
            sapo_raw=prefix + sapo, lede=sapo, paragraphs=paragraphs, authors=authors, photos=photos,
            source=source, kind="programme" if programme else "article", published=published,
            draft=self.draft(index), modified=published + later, edits=edits,
            tags=("Bản tin",) if programme else (_cap(values["topic"]), _cap(values["place"])),
            video_caption=title if programme else None)


def _story(rng: random.Random, zone: Zone, values: _Values) -> tuple[str, str, tuple[str, ...]]:
    title = _cap(fill(rng.choice(W["TITLE"]), values))
    sapo = fill(rng.choice(W["SAPO"]), values)
    pool = W["SENTENCE"] + W[f"ZONE_SENTENCE:{zone.slug}"]
    sizes = [rng.choice((1, 2, 2, 3)) for _ in range(rng.randint(3, 8))]
    while sum(sizes) > len(pool):
        sizes[sizes.index(max(sizes))] -= 1
    picks = iter(rng.sample(pool, sum(sizes)))  # no sentence twice: paragraphs never repeat
    paragraphs = tuple(" ".join(fill(next(picks), values) for _ in range(size)) for size in sizes)
    return title, sapo, paragraphs


def _programme(rng: random.Random, published: datetime) -> tuple[str, str, tuple[str, ...]]:
    """A broadcast post: "Bản tin Thời sự 17h ngày 04/01/2026", one short paragraph, a video."""
    title = f"{rng.choice(W['PROGRAMME']).format(h=rng.choice((6, 11, 17, 19)))} ngày {published:%d/%m/%Y}"
    sapo = f"Mời quý vị và các bạn theo dõi {title} với những thông tin đáng chú ý."
    return title, sapo, (f"Trong bản tin có các nội dung chính: {'; '.join(rng.sample(ALL_TOPICS, 3))}.",)


def _photos(rng: random.Random, values: _Values, authors: tuple[str, ...], published: datetime,
            name: str) -> tuple[Photo, ...]:
    photos = []
    for n, template in enumerate(rng.sample(W["CAPTION"], rng.choice((0, 1, 1, 2))), start=1):
        caption = fill(template, values)
        credit = rng.choice(authors + ("TTXVN", "Thanh Hải")) if rng.random() < 0.4 else None
        stamp, day = int(published.timestamp() * 1000) - rng.randint(60_000, 9_000_000), published.date()
        path = f"{ACCOUNT}/{day.year}/{day.month}/{day.day}/{name.strip('-')}-{stamp}{n}.jpg"
        photos.append(Photo(url=f"{CDN}/{path}", thumb=f"{CDN}/thumb_w/640/{path}", caption=caption,
                            caption_raw=f"{caption} - Ảnh: {credit}" if credit else caption, credit=credit))
    return tuple(photos)


def _edit_paragraph(seed: int, index: int, edit: int) -> str:
    rng = random.Random(f"{seed}:{index}:edit:{edit}")
    return f"Thông tin cập nhật lần {edit}: {fill(rng.choice(W['UPDATE']), _Values(rng, {}))}"
