"""Markdown to safe HTML with markdown-it-py: raw HTML off, links only to the web, mail or a
relative address, and no work on rules a text cannot use.

markdown-it-py tries its block rules at every line and its inline rules at every mark of
punctuation. Most rules can match only where a certain character is: a table needs ``|``, a
heading ``#``, a code span a backtick. A text without any of a rule's characters is
converted by a converter without that rule, which gives the same HTML sooner (a fifth less
time on prose with emphasis and links). A link already in the form that markdown-it-py's
normalising would give (parse, re-encode, put together again) is taken as it is. A text of
plain paragraphs, with at most emphasis (``*a*``, ``**a**``) and links (``[a](https://…)``)
in them, the usual body of an event, is put together here without markdown-it-py: its HTML
is fixed by a few rules (:func:`simple_html`), and this takes a fifth to a tenth of the
time. All three are checked against the plain converter in ``tests/test_convert.py``,
which runs again whenever markdown-it-py is upgraded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLink

SAFE_LINK_PREFIXES = ("http://", "https://", "mailto:", "#", "/", "./", "../")

# What a rule needs in a text to match anywhere in it: any one of these strings. Rules not
# named here (paragraph, text, newline, and the steps after parsing) always run.
NEEDS: dict[str, tuple[str, ...]] = {
    "table": ("|",),
    "code": ("\t", "    "),
    "fence": ("`", "~"),
    "blockquote": (">",),
    "reference": ("]:",),
    "heading": ("#",),
    "escape": ("\\",),
    "backticks": ("`",),
    "strikethrough": ("~",),
    "emphasis": ("*", "_"),
    "link": ("[",),
    "image": ("!",),
    "autolink": ("<",),
    "entity": ("&",),
}
# Rules that match only at the start of a line, where a line can start with one of these
# (indentation, a quote's or a list item's mark, a rule's own mark) when they match in it.
LINE_RULES = ("hr", "list", "lheading")
LINE_MARKS = frozenset(" \t>*+-_=0123456789")
NEVER = ("html_block", "html_inline")  # raw HTML is off: they match nothing

# Links that markdown-it-py's normalising gives back unchanged: web addresses with a plain
# host name, and relative ones, made of letters, digits and ``/._~?#=&+-`` only, up to 250
# characters (a host name longer than 255 is dropped).
_NORMAL_LINK = re.compile(
    r"(?=.{0,250}\Z)(?:https?://(?:[A-Za-z0-9-]{1,63}\.)*[A-Za-z0-9-]{1,63}(?=[/?#]|\Z)|(?!//))"
    r"[A-Za-z0-9/._~?#=&+-]*\Z", re.DOTALL)


def to_html(text: str) -> str:
    """The HTML of a Markdown text, with raw HTML off and unsafe links left as text."""
    simple = simple_html(text)
    if simple is not None:
        return simple
    left_out = []
    for rule, needs in NEEDS.items():
        for need in needs:
            if need in text:
                break
        else:
            left_out.append(rule)
    if LINE_MARKS.isdisjoint([line[:1] for line in text.replace("\r", "\n").split("\n")]):
        left_out.extend(LINE_RULES)
    html: str = converter(frozenset(left_out)).render(text)
    return html


@lru_cache(maxsize=64)
def converter(left_out: frozenset[str]) -> MarkdownIt:
    """markdown-it-py as every body is converted, without the rules ``left_out``."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.disable([*NEVER, *sorted(left_out)], ignoreInvalid=True)  # a renamed rule stays on
    md.validateLink = safe_link  # type: ignore[method-assign]
    md.normalizeLink = normal_link  # type: ignore[method-assign]
    return md


# What a simple text is made of (see simple_html), token by token: a run of characters that
# no rule looks at; a line's end; emphasis of one or two stars around such a run that starts
# and ends with a letter or digit (so the stars open and close whatever is around them, and
# are the whole run of stars there); a link whose label is such a run and whose address is
# safe and in normal form (an address with ``&``, which markdown-it-py reads for entities,
# is left to it).
_RUN_CHAR = r"[^\\`*_\[\]!<>&~|#\t\r\n\x00]"
_TOKEN = re.compile(
    rf"({_RUN_CHAR}+)|(\n)"
    rf"|(\*\*?)(?=[^\W_])({_RUN_CHAR}+?)(?<=[^\W_])\3(?!\*)"
    rf"|\[({_RUN_CHAR}+)\]\(([A-Za-z0-9/._~?#=+:-]+)\)")


def simple_html(text: str) -> str | None:
    """The HTML of a text of paragraphs made only of plain runs, line ends, ``*emphasis*``,
    ``**strong emphasis**`` and safe links in normal form, with no space at either end of a
    line and no line starting as a block might; None for any other text."""
    html: list[str] = []
    for paragraph in _paragraphs(text):
        if paragraph is None:
            return None
        html.append("<p>")
        at = 0
        while at < len(paragraph):
            token = _TOKEN.match(paragraph, at)
            if token is None:
                return None
            plain, newline, stars, emphasised, label, address = token.groups()
            if plain is not None:
                html.append(_escaped(plain))
            elif newline is not None:
                html.append("\n")
            elif stars is not None:
                tag = "em" if stars == "*" else "strong"
                html.append(f"<{tag}>{_escaped(emphasised)}</{tag}>")
            elif safe_link(address) and _NORMAL_LINK.match(address):
                html.append(f'<a href="{address}">{_escaped(label)}</a>')
            else:
                return None
            at = token.end()
        html.append("</p>\n")
    return "".join(html)


def _escaped(plain: str) -> str:
    """A plain run as markdown-it-py writes it: it holds no ``&``, ``<`` or ``>``."""
    return plain.replace('"', "&quot;")


def _paragraphs(text: str) -> Iterator[str | None]:
    """The paragraphs of ``text`` (lines between empty ones); None for a line with space at
    an end or a first character that might start another kind of block."""
    lines: list[str] = []
    for line in text.split("\n"):
        if line:
            if line[0] in LINE_MARKS or line != line.strip():
                yield None
                return
            lines.append(line)
        elif lines:
            yield "\n".join(lines)
            lines = []
    if lines:
        yield "\n".join(lines)


def safe_link(url: str) -> bool:
    """Only web, mail and relative links: ``javascript:``, ``data:`` and the like are dropped."""
    lowered = "".join(url.split()).lower()
    if lowered.startswith(SAFE_LINK_PREFIXES):
        return not lowered.startswith("//")
    head = lowered.split("/", 1)[0]
    return ":" not in head and "&" not in head


def normal_link(url: str) -> str:
    """A link's address as markdown-it-py normalises it (percent-encoded, punycode host)."""
    if _NORMAL_LINK.match(url):
        return url
    normal: str = normalizeLink(url)
    return normal
