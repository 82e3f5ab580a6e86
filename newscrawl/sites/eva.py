"""eva.vn: the 24h group's women's site, same CMS as 24h.com.vn (shared parts live in ``h24.py``).

Pinned by two real 2025 pages as a browser rendered them: an article (desktop skin) and a category
page (mobile skin). What is eva's own: the byline line "Quang Anh - Ngày 20/08/2025 13:00 PM (GMT+7)"
(author link + time text in one element), the breadcrumb category and the topic link under it.
"""

from __future__ import annotations

from collections.abc import Iterator

from newscrawl.sites.base import Site
from newscrawl.sites.h24 import ARTICLE_PATH, GroupArticle, GroupListing, visible_text

_DASHES = " -–—•|"


class EvaArticle(GroupArticle):
    """eva.vn article (2025 markup)."""

    TITLE = ("h1#tieu_de_bai_viet", "header.eva-title-art h1", "h1")
    SAPO = (".eva-cont-art__sum h2", ".eva-cont-art__sum")
    AUTHOR = (".eva-author-time-art a.authorName", "#authorNews")
    TIME_TEXT = (".eva-author-time-art",)
    CATEGORY = ("nav.eva-breadcrumb li:last-child a",)
    TAGS = "div.eva-link-cate-art a"
    CONTENT = ("#baiviet-container", "article.eva-cont-art")

    def published_text(self) -> Iterator[str | None]:
        """The time part of the "author - time" line: the line without the author link's text."""
        for node in self.page.sel.css(", ".join(self.TIME_TEXT)):
            line = visible_text(node)
            for author in node.css("a"):
                name = visible_text(author)
                if name and line.startswith(name):
                    line = line[len(name):]
            yield line.lstrip(_DASHES) or None


SITE = Site(
    key="eva",
    name="Eva.vn",
    domains=("eva.vn",),
    article_parser=EvaArticle,
    listing_parser=GroupListing,
    article_path_re=ARTICLE_PATH,
    names=("Eva", "Eva.vn", "eva.vn", "Tin tức Eva"),
)
