"""Body extraction on small inline snippets: what enters the text and what is moved or dropped."""

from __future__ import annotations

from parsel import Selector

from newscrawl.extraction.body import Body, extract_body
from newscrawl.sites.vccorp import VCCorpArticle

TITLE = "Hội nghị tổng kết công tác năm 2024"


def body_of(inner: str, lede: str | None = None, exclude: tuple[str, ...] = ()) -> Body:
    sel = Selector(text=f"<html><body><div data-role='content'>{inner}</div></body></html>")
    return extract_body(sel.css("[data-role=content]")[0], VCCorpArticle.BODY_RULES, title=TITLE, lede=lede,
                        base_url="https://truyenhinhthanhhoa.vn/a-180240730193012345.htm",
                        exclude_lines=exclude)


def test_paragraphs_keep_inline_text_and_entities() -> None:
    body = body_of("<p>Chi&#7873;u 17/7, <a class='VCCAutoLink'>C&ocirc;ng an</a> t\u1ec9nh</p><p><br></p><p>Hai.</p>")
    assert body.paragraphs == ["Chiều 17/7, Công an tỉnh", "Hai."]
    assert body.text == "Chiều 17/7, Công an tỉnh\n\nHai."


def test_photo_caption_goes_to_images_not_body() -> None:
    body = body_of(
        "<p>Một.</p><figure class='VCSortableInPreviewMode' type='Photo'><img src='/thumb_w/640/a.jpg' "
        f"data-original='https://cdn.example/a.jpg' alt='{TITLE}- Ảnh 1.'><figcaption class='PhotoCMS_Caption'>"
        "<p data-placeholder='Nhập chú thích ảnh'>Quang cảnh hội nghị</p></figcaption></figure>"
        "<p><em>Quang cảnh hội nghị</em></p><p>Hai.</p>")
    assert body.paragraphs == ["Một.", "Hai."]
    assert [(i.url, i.caption, i.credit) for i in body.images] == [
        ("https://cdn.example/a.jpg", "Quang cảnh hội nghị", None)]


def test_credit_split_and_empty_caption() -> None:
    body = body_of(
        "<div class='VCSortableInPreviewMode noCaption' type='Photo'><div><img src='https://c/1.jpg' "
        f"alt='{TITLE} - Ảnh 1.'></div><div class='PhotoCMS_Caption'></div></div>"
        "<div class='VCSortableInPreviewMode' type='Photo'><div><img src='https://c/2.jpg'></div>"
        "<div class='PhotoCMS_Caption'><p>Phát biểu tại buổi lễ. - Ảnh: VGP/Quang Hiếu</p></div></div><p>Text.</p>")
    assert [(i.caption, i.credit) for i in body.images] == [
        (None, None), ("Phát biểu tại buổi lễ.", "VGP/Quang Hiếu")]
    assert body.paragraphs == ["Text."]


def test_source_line_moves_out_and_related_boxes_drop() -> None:
    body = body_of("<p>Nội dung.</p><div class='VCSortableInPreviewMode' type='RelatedNewsBox'>"
                   "<a href='/x-180240730193012399.htm'>Tin khác</a></div><p>Nguồn: Bản tin Thời sự tối/TTV</p>"
                   "<div data-check-position='body_end'></div><script>var a='x';</script>")
    assert body.paragraphs == ["Nội dung."]
    assert body.source == "Bản tin Thời sự tối/TTV"


def test_trailing_right_aligned_author_is_moved_out() -> None:
    body = body_of("<p>Nội dung.</p><p style='text-align:right'><b>Nguyễn Hải</b></p>")
    assert body.trailing_author == "Nguyễn Hải"
    assert body.paragraphs == ["Nội dung."]


def test_video_block_flags_video_and_keeps_caption_out() -> None:
    body = body_of("<div class='VCSortableInPreviewMode' type='VideoStream' data-vid='a.mp4'>"
                   "<div class='VideoCMS_Caption'><p>Clip hiện trường</p></div></div><p>Nội dung.</p>")
    assert body.has_video and body.video_captions == ["Clip hiện trường"]
    assert body.paragraphs == ["Nội dung."]


def test_lede_repeated_as_first_paragraph_is_dropped() -> None:
    body = body_of("<p>Sapo của bài.</p><p>Nội dung.</p>", lede="Sapo của bài.")
    assert body.paragraphs == ["Nội dung."]


def test_excluded_lines_and_boilerplate_never_enter() -> None:
    body = body_of("<p>Cẩm Thơ - Sỹ Thảo</p><p>Nội dung.</p><p>Ý kiến bạn đọc</p><p>20:18 , 16/08/2025</p>",
                   exclude=("Cẩm Thơ - Sỹ Thảo",))
    assert body.paragraphs == ["Nội dung."]


def test_br_separated_lines_become_paragraphs() -> None:
    body = body_of("<div>Dòng một<br>Dòng hai<br><br>Dòng ba</div>")
    assert body.paragraphs == ["Dòng một", "Dòng hai", "Dòng ba"]


def test_auto_alt_text_line_is_dropped() -> None:
    body = body_of(f"<p>{TITLE.lower()} - Ảnh 1.</p><p>Nội dung.</p>")
    assert body.paragraphs == ["Nội dung."]


def test_video_inside_a_dropped_block_is_not_the_articles_video() -> None:
    body = body_of("<div id='admzone123'><div class='VCSortableInPreviewMode' type='VideoStream'></div></div>"
                   "<p>Nội dung.</p>")
    assert not body.has_video


def test_caption_inline_pieces_join_as_printed() -> None:
    body = body_of("<figure class='VCSortableInPreviewMode' type='Photo'><img src='https://c/1.jpg'>"
                   "<figcaption class='PhotoCMS_Caption'><p>Kính AR. Ảnh: <em> Bloomberg</em>.</p></figcaption>"
                   "</figure><p>Nội dung.</p>")
    assert [(i.caption, i.credit, i.caption_raw) for i in body.images] == [
        ("Kính AR.", "Bloomberg", "Kính AR. Ảnh: Bloomberg.")]


def test_page_first_text_skips_scripts() -> None:
    from datetime import datetime

    from newscrawl.extraction.page import Page

    page = Page.from_bytes("https://x.vn/a.htm", b"<div class='a'>Theo X<script>var y=1</script></div>",
                           datetime(2025, 1, 1))
    assert page.first_text(".a") == "Theo X"


def test_listing_duplicate_fills_a_missing_time() -> None:
    from newscrawl.sites.base import ListingEntry, dedup_entries

    entries = dedup_entries([ListingEntry(url="https://x.vn/a-1.htm?ref=top", title="A"),
                             ListingEntry(url="https://x.vn/a-1.htm", published_at="2020-12-21T18:00:00+07:00",
                                          published_at_raw="4 giờ trước")])
    assert [(e.url, e.title, e.published_at_raw) for e in entries] == [("https://x.vn/a-1.htm", "A", "4 giờ trước")]
