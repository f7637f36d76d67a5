"""Markdown is converted with only the rules a text can use, and a link already in normal
form is taken as it is: the HTML is always what the plain converter gives."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from dateline.convert import (
    LINE_RULES,
    NEEDS,
    converter,
    normal_link,
    safe_link,
    simple_html,
    to_html,
)


def _plain() -> MarkdownIt:
    """The converter with every rule and markdown-it-py's own link normalising."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.validateLink = safe_link  # type: ignore[method-assign]
    return md


PLAIN = _plain()

# A text that each rule changes: leaving the rule out of it would change its HTML.
USES = {
    "table": "a | b\n--|--\n1 | 2",
    "code": "    indented code",
    "fence": "```\nfenced\n```",
    "blockquote": "> quoted",
    "hr": "Before\n\n***",
    "list": "Steps:\n1. one\n2. two",
    "reference": "[a]\n\n[a]: /there",
    "heading": "# Title",
    "lheading": "Title\n=====",
    "escape": "\\*not emphasis\\*",
    "backticks": "a `code` span",
    "strikethrough": "~~struck~~",
    "emphasis": "*emphasis*",
    "link": "[a link](https://example.org/a)",
    "image": "![an image](/p.png)",
    "autolink": "<https://example.org>",
    "entity": "&copy; &#35;",
}

FRAGMENTS = [
    "| a | b |", "|---|:-:|", "a|b", "- ", "* ", "+ ", "1. ", "2) ", "10.", "> ", ">", "```",
    "~~~", "    ", "\t", "# ", "##", "===", "---", "***", "___", "[a]: /u", "[a]: <x y>",
    "[a]", "[x](https://e.org/a b)", "[y](/p?q=1#h \"t\")", "![i](/p.png)", "![", "](", ")",
    "<https://a.b>", "<a@b.c>", "<b>", "&amp;", "&#35;", "&nope", "\\*", "\\", "`c`", "``",
    "~~s~~", "~", "*e*", "_e_", "**s**", "*", "_", "[", "]", "(", "!", "<", "&", "=", "-",
    "text", "Wörter", "2018.", "1)", "\n", "\n\n", "\r", "\r\n", " ", "  \n", "]:",
    "javascript:alert(1)", "[j](javascript:alert(1))", "[m](mailto:a@b.c)", "[r](../up/)",
    "[h](HTTP://X.org/%41)", "[u](https://bücher.example/ä)",
    "[w](https://example.org/a%20b)", "[v](//evil.example)",
]


@pytest.mark.parametrize("rule", sorted([*NEEDS, *LINE_RULES]))
def test_each_rule_is_kept_for_a_text_that_uses_it(rule: str) -> None:
    text = USES[rule]
    assert converter(frozenset({rule})).render(text) != PLAIN.render(text), "a text that uses it"
    assert to_html(text) == PLAIN.render(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=24).map("".join))
@example("Steps:\r- one\r2) two\r\r***\rTitle\r===")  # a lone carriage return ends a line
def test_any_mix_of_markdown_converts_as_with_every_rule(text: str) -> None:
    assert to_html(text) == PLAIN.render(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \n\r\t*_-+=#>|`~[]()!<&\\:/.;%0123456789aZé", max_size=60))
def test_any_text_converts_as_with_every_rule(text: str) -> None:
    assert to_html(text) == PLAIN.render(text)


LABEL = st.text(alphabet="abcXYZ019-", min_size=1, max_size=70)
PATH = st.text(alphabet="abcXYZ019/._~?#=&+-%:@ é", max_size=30)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["", "http://", "https://", "HTTP://", "mailto:", "//", "/", "../"]),
       st.lists(LABEL, min_size=1, max_size=5).map(".".join), PATH)
@example("https://", ".".join(["a" * 63] * 5), "/x")  # a host name over 255 is dropped
def test_a_link_is_normalised_as_markdown_it_does(scheme: str, host: str, path: str) -> None:
    url = scheme + host + path
    assert normal_link(url) == PLAIN.normalizeLink(url)


# What a simple text is made of (most of what is drawn), and what sits next to it or breaks
# it: stars that cannot open or close, runs of three, links that are unsafe, relative, titled
# or not in normal form, space and other blanks at a line's ends, lines that might start
# another block.
SIMPLE = [
    "word", "Wörter", "Москва", "2018", "a", " ", "\n", "\n\n", ".", ",", ";", ":", "?", "(",
    ")", "'", '"', "-", "—", "/", "!", "*em*", "**strong**", "*two words*", "*é*", "*1*",
    "[a](/p)", "[the record](https://example.org/a/b-c_d.html?x=1)", "[a](../up)", "[a](#top)",
]
BREAKING = [
    "  ", "*a.*", "*.a*", "**a b**", "*", "**", "***", "* ", " *", "*\n", "_", "_a_",
    "[a](HTTP://X.org)", "[a](http://a.org::80/)", "[a](javascript:alert(1))",
    "[a](//evil.example)", "[a]",
    "[a](/p \"t\")", "[a](/p q)", "[a](/ä)", "[ a ](/p)", "[a](/p%20q)", "[", "]", "](",
    "![a](/p.png)", "&", "<", ">", "\\", "`", "~", "#", "|", "\t", "\u00a0", "\u2003",
    "\x0c", "\r", "1. ", "- ", "+ ", "> ", "# ", "=", "    ",
]


ANY_CHARACTERS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)),
                         min_size=1, max_size=3)  # letters, marks, blanks and symbols of any script


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(SIMPLE * 8 + BREAKING), ANY_CHARACTERS),
                max_size=30).map("".join))
@example('Met *officials* and **ministers** in [London](https://example.org/a).\n\n"Yes."')
@example("*a.*b")  # a star after punctuation closes only before a space or punctuation
@example("*a *b*")  # a star after a space does not close
def test_a_simple_text_is_put_together_as_markdown_it_would(text: str) -> None:
    simple = simple_html(text)
    assert simple is None or simple == PLAIN.render(text)


@pytest.mark.parametrize("text", [
    "Plain words.",
    "A line\nand the next.\n\nA second paragraph.",
    'He said "no" (twice); a*b*c and 3*4*5.',
    "The **treaty** was signed in *Moscow* by Михаил Горбачёв.",
    "See [the record](https://example.org/records/1992?page=2) and [this](../events/a/).",
])
def test_a_usual_body_is_simple(text: str) -> None:
    assert simple_html(text) == to_html(text) == PLAIN.render(text)


@pytest.mark.parametrize("text", [
    "*", "* item", "*a.*b", "*a *b*", "1. item", "Title\n===", "a  \nb", " indented", "a\tb",
    "a_b", "a & b", "[a](javascript:alert(1))", "[a](https://example.org/a b)", "***a***",
    "**a*", "*a **b***", "x\r\ny", "[a]: /there", "[a](http://a.org::80/)",
])
def test_anything_else_is_left_to_markdown_it(text: str) -> None:
    assert simple_html(text) is None
    assert to_html(text) == PLAIN.render(text)
