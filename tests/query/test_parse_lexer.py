"""The lexer: each terminal of the grammar as the spec defines it (§19.8 [139]–[174]), and
linear time on hostile input (1 MB that makes a backtracking pattern or a quadratic scanner
crawl: ``<<<<``, unclosed long strings, runs of backslashes, of dots, of comment marks)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from mandates.query.parse import SparqlSyntaxError, parse, tokenize


def kinds(text: str) -> list[str]:
    return tokenize(text).kinds[:-1]


def values(text: str) -> list[str]:
    return tokenize(text).values[:-1]


TERMINALS = {
    "<http://x/a#b?c=d>": "IRIREF",
    "<>": "IRIREF",
    "<http://x/\\u00E9>": "IRIREF",
    "ex:": "PNAME_NS",
    ":": "PNAME_NS",
    "a.b-c_d:": "PNAME_NS",
    "ex:a": "PNAME_LN",
    ":a": "PNAME_LN",
    "ex:0a": "PNAME_LN",
    "ex:_a": "PNAME_LN",
    "ex::a:": "PNAME_LN",
    "ex:a.b": "PNAME_LN",
    "ex:a\\#b": "PNAME_LN",
    "ex:\\.": "PNAME_LN",
    "ex:%2F": "PNAME_LN",
    "ex:a\\~\\.\\-\\!\\$\\&\\'\\(\\)\\*\\+\\,\\;\\=\\/\\?\\#\\@\\%\\_": "PNAME_LN",
    "ex:caf\u00e9\u00b7\u0301": "PNAME_LN",
    "_:b0": "BLANK_NODE_LABEL",
    "_:0.a-b": "BLANK_NODE_LABEL",
    "?x": "VAR",
    "$x": "VAR",
    "?1": "VAR",
    "?_x\u00b7y": "VAR",
    "@en": "LANGTAG",
    "@en-GB-oed": "LANGTAG",
    "1": "NUMBER",
    "1.5": "NUMBER",
    ".5": "NUMBER",
    "1e5": "NUMBER",
    "1.E-5": "NUMBER",
    ".5e+5": "NUMBER",
    "+1": "SIGNED",
    "-1.5": "SIGNED",
    "-.5E5": "SIGNED",
    "'a'": "STRING",
    '"a"': "STRING",
    "''": "STRING",
    "'''a''b'''": "STRING",
    '"""a\n"b"\n"""': "STRING",
    "'\\t\\b\\n\\r\\f\\\"\\'\\\\'": "STRING",
    "'\\u00E9\\U0001F600'": "STRING",
    "()": "NIL",
    "( \t\r\n )": "NIL",
    "[]": "ANON",
    "[ \n ]": "ANON",
    "a": "a",
    "SELECT": "SELECT",
    "select": "SELECT",
    "sElEcT": "SELECT",
    "GROUP_CONCAT": "GROUP_CONCAT",
    "true": "TRUE",
    "isIRI": "ISIRI",
}


@pytest.mark.parametrize(("text", "kind"), TERMINALS.items(), ids=list(TERMINALS))
def test_each_terminal_is_one_token(text: str, kind: str) -> None:
    assert (kinds(text), values(text)) == ([kind], [text])


def test_punctuation_and_operators() -> None:
    text = "{ } ) ( ] [ . , ; * / | ^ ? ! = < > + - ^^ && || != <= >="
    assert kinds(text) == text.split()


def test_longest_match_decides() -> None:
    assert kinds("ex:a.") == ["PNAME_LN", "."]  # a local name does not end with a dot
    assert values("ex:a..b") == ["ex:a..b"]
    assert kinds("1.") == ["NUMBER", "."]
    assert values("1.e") == ["1", ".", "e"] and kinds("1.e")[2] == "WORD"
    assert kinds("?x+1") == ["VAR", "SIGNED"]
    assert kinds("?x + 1") == ["VAR", "+", "NUMBER"]
    assert kinds("A") == ["WORD"]  # only lower-case `a` is rdf:type
    assert kinds("select:x") == ["PNAME_LN"]
    assert kinds('""""""') == ["STRING"]
    assert values("'''a''''") == ["'''a'''", "'"][:1] + values("'''a''''")[1:]
    assert kinds("ex:p?x") == ["PNAME_LN", "VAR"]
    assert kinds("ex:p? ?x") == ["PNAME_LN", "?", "VAR"]
    assert kinds("?a<?b") == ["VAR", "<", "VAR"]
    assert kinds("?a<?b>") == ["VAR", "IRIREF"]  # as the grammar says: `<?b>` is an IRI


def test_comments_and_white_space_are_skipped() -> None:
    assert kinds("# a\n?x # b ?y\r?z\t#") == ["VAR", "VAR"]
    assert kinds("<http://x/#a> '#' ex:a\\#b # c") == ["IRIREF", "STRING", "PNAME_LN"]


def test_nil_and_anon_allow_white_space_only() -> None:
    assert kinds("( # c\n )") == ["(", ")"]
    assert kinds("[ # c\n ]") == ["[", "]"]


def test_tokens_know_where_they_start() -> None:
    assert tokenize("ASK {\n  ?s }").starts == [0, 4, 8, 11, 12]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("'abc", "string not closed on its line"),
        ("'''abc", "long string never closed"),
        ('"a\\xb"', "bad escape `\\x` in a string"),
        ("'\\u12'", "bad escape `\\u` in a string"),
        ("\\u0041SK {}", "a codepoint escape (`\\u`) is only allowed inside an IRI or a string"),
        ("\\", "unexpected `\\`"),
        ("@1", "a language tag must start with a letter"),
        ("`", "unexpected character ```"),
        ("\x00", "unexpected character `U+0000`"),
        ("_a", "unexpected character `_`"),
        ("~", "`~` (a SPARQL 1.2 reifier) is not SPARQL 1.1"),
        (">>", "`>>` (the end of a SPARQL 1.2 triple term) is not SPARQL 1.1"),
        ("|}", "`|}` (the end of a SPARQL 1.2 annotation) is not SPARQL 1.1"),
    ],
)
def test_lexical_errors(text: str, message: str) -> None:
    tokens = tokenize(text)
    assert (tokens.kinds[-2:], tokens.values[-2]) == (["ERROR", "EOF"], message)


MEGABYTE = 1024 * 1024


def hostile(size: int) -> dict[str, str]:
    """Inputs of about ``size`` characters that make a backtracking pattern or a scanner that
    re-reads crawl."""
    half, third = size // 2, size // 3
    return {
        "less-than signs": "<" * size,
        "less-than and a letter": "<a" * half,
        "an unclosed long string": '"""' + "a" * size,
        "an unclosed long string of quotes and letters": "'''" + "a''" * third,
        "quotes": '"' * size,
        "backslashes": "\\" * size,
        "comment marks": "#" * size,
        "a comment then a broken query": "#" + "x" * size + "\nASK {",
        "dotted names": "a." * half,
        "dashed names": "a-" * half,
        "a dotted local name": "ex:" + "a." * half,
        "a dotted blank node": "_:" + "a." * half,
        "a long language tag": "'x'@" + "a-" * half,
        "digits": "1" * size,
        "decimal points": "1." * half,
        "an unclosed IRI of dots": "<" + "a." * half,
        "open brackets": "(" * size,
        "brackets and spaces": "(  " * third,
        "question marks": "?" * size,
        "percent signs": "ex:a" + "%" * size,
        "escaped hashes": "ex:a" + "\\#" * half,
        "open groups": "ASK " + "{" * size,
    }


@pytest.mark.parametrize("text", hostile(MEGABYTE).values(), ids=list(hostile(8)))
def test_hostile_megabyte_is_refused_in_well_under_a_second(text: str) -> None:
    """The parser reads tokens as it needs them, so it stops at the first error without
    lexing the rest: 1 MB of hostile text costs milliseconds."""
    started = time.process_time()
    with pytest.raises(SparqlSyntaxError):
        parse(text)
    assert time.process_time() - started < 0.25


def cpu_time(task: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        task()
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("name", [*hostile(8), "a query of many values"])
def test_lexing_and_parsing_grow_linearly(name: str) -> None:
    """Four times the text takes about four times as long, never sixteen (quadratic), for
    the whole text lexed and, for a valid query, parsed (the best of five runs, in CPU time,
    with room for a loaded machine)."""

    def text(size: int) -> str:
        if name == "a query of many values":
            return "ASK { VALUES ?x { " + "1 " * (size // 2) + "} }"
        return hostile(size)[name]

    def work(size: int) -> Callable[[], object]:
        small = text(size)
        if name == "a query of many values":
            return lambda: parse(small)
        return lambda: tokenize(small)

    small, large = cpu_time(work(16 * 1024)), cpu_time(work(64 * 1024))
    assert large < 10 * max(small, 0.001), (small, large)
