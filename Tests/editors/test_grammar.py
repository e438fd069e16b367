"""The TextMate grammar of `.flow` (Editors/vscode/syntaxes/flow.tmLanguage.json), run by a real TextMate
engine: textmate-grammar-python, a port of vscode-textmate's tokenizer on Oniguruma (onigurumacffi), the
regex engine VS Code uses.

Every bundled flow (flows/, Examples/, and the flow blocks of Grammar.md and README.md) is tokenized. An
independent reading of each line (Grammar.md §1's tokens, and which word of a line is a keyword or a name)
says what each token is; the test asserts the grammar gives it that scope, and that no character outside
whitespace is left with the root scope alone or marked invalid. Broken input checks that the invalid
scopes and the recovery of an unterminated string work.
"""

import json
import logging
import re
from pathlib import Path

import pytest
from textmate_grammar.parsers.base import LanguageParser

ROOT = Path(__file__).resolve().parents[2]
GRAMMAR = json.loads((ROOT / "Editors" / "vscode" / "syntaxes" / "flow.tmLanguage.json").read_text(encoding="utf-8"))
logging.getLogger("textmate_grammar").setLevel(logging.ERROR)
PARSER = LanguageParser(GRAMMAR)

DECLARATIONS = {"flow", "leg", "step", "queue", "room", "audio", "serve", "voice", "language", "wait", "hold",
                "whisper", "operation"}
VERBS = {"say", "play", "pause", "gather", "record", "dial", "join", "enqueue", "leave", "go", "hangup", "reject"}
NAME_SCOPES = {"flow": "entity.name.namespace.flow", "leg": "entity.name.type.leg.flow",
               "step": "entity.name.function.step.flow", "queue": "entity.name.type.queue.flow",
               "room": "entity.name.type.room.flow", "audio": "entity.name.constant.audio.flow"}
INLINE_KEYWORDS = {"then", "during", "in", "client", "sip"}


def bundled_flows():
    sources = []
    for path in sorted((ROOT / "flows").glob("*.flow")) + sorted((ROOT / "Examples").rglob("*.flow")):
        if ".build" not in path.parts:
            sources.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")))
    for document in ("Grammar.md", "README.md"):
        text = (ROOT / document).read_text(encoding="utf-8")
        for number, block in enumerate(re.findall(r"```flow\n(.*?)```", text, re.S)):
            sources.append((f"{document} flow block {number + 1}", block))
    return sources


def tokenize(text):
    """(line, column) -> the scopes of that character, from the engine."""
    element = PARSER.parse_string(text)
    scopes = {}
    for (line, column), content, names in element.flatten():
        for index in range(len(content)):
            scopes[(line, column + index)] = names
    return scopes


# An independent reading of a line, from Grammar.md §1 and the productions' first words.
TOKEN = re.compile(r'(?P<comment>#.*)|(?P<string>"(?:\\.|[^"\\])*("|$))|(?P<arrow>->)|(?P<word>[A-Za-z0-9_]+)'
                   r'|(?P<punct>[=,.])|(?P<space>[ \t]+)|(?P<other>.)')


def expectations(line):
    """(start, end, kind, expected scope prefix) for each token of one line."""
    tokens = [(m.lastgroup, m.start(), m.end(), m.group()) for m in TOKEN.finditer(line) if m.lastgroup != "space"]
    words = [t for t in tokens if t[0] in ("word", "arrow", "punct")]
    first = words[0][3] if words else None
    result = []
    for index, (kind, start, end, text) in enumerate(tokens):
        # Every word after `during` (Grammar.md §9) is a step reference.
        in_during = any(t[3] == "during" and t[0] == "word" for t in tokens[:index])
        before = tokens[index - 1][3] if index > 0 else None
        after = tokens[index + 1][3] if index + 1 < len(tokens) else None
        if kind == "comment":
            result.append((start, end, text, "comment.line.number-sign.flow"))
        elif kind == "string":
            result.append((start, end, text, "string.quoted.double.flow"))
        elif kind == "arrow":
            result.append((start, end, text, "keyword.operator.arrow.flow"))
        elif kind == "word":
            if re.fullmatch(r"[0-9]+[smh]", text):
                result.append((start, end, text, "constant.numeric.duration.flow"))
            elif re.fullmatch(r"[0-9]+", text):
                result.append((start, end, text, "constant.numeric.integer.flow"))
            elif index == 0 and text in DECLARATIONS:
                result.append((start, end, text, "keyword.other"))
            elif index == 0 and text in VERBS:
                result.append((start, end, text, "keyword.control.verb.flow"))
            elif index == 1 and first in NAME_SCOPES:
                result.append((start, end, text, NAME_SCOPES[first]))
            elif text == "during":
                result.append((start, end, text, "keyword"))
            elif (before == "->" or in_during) and after == ".":
                result.append((start, end, text, "variable.other.leg.flow"))
            elif before in ("->", ".") or in_during:
                result.append((start, end, text, "entity.name.function.step.flow"))
            elif after == "=" and first != "audio":
                result.append((start, end, text, "variable.parameter.option.flow"))
            elif text in INLINE_KEYWORDS or (text == "hangup" and before == "then"):
                result.append((start, end, text, "keyword"))
            else:
                result.append((start, end, text, None))
        else:
            result.append((start, end, text, None))
    return result


@pytest.mark.parametrize("name,text", bundled_flows(), ids=[name for name, _ in bundled_flows()])
def test_every_bundled_flow_gets_the_right_scopes(name, text):
    scopes = tokenize(text)
    checked = 0
    for number, line in enumerate(text.split("\n")):
        for column, char in enumerate(line):
            if char in " \t":
                continue
            names = scopes.get((number, column), ["source.flow"])
            assert len(names) > 1, f"{name}:{number + 1}:{column + 1}: {char!r} has no scope ({line!r})"
            assert not any(n.startswith("invalid") for n in names), \
                f"{name}:{number + 1}:{column + 1}: {char!r} is marked invalid: {names} ({line!r})"
        for start, end, text_, expected in expectations(line):
            if expected is None:
                continue
            for column in range(start, end):
                names = scopes.get((number, column), [])
                assert any(n.startswith(expected) for n in names), \
                    f"{name}:{number + 1}:{column + 1}: {text_!r} should be {expected}, is {names} ({line!r})"
            checked += 1
    assert checked > 0


def scopes_of(text, needle, line=0):
    column = text.split("\n")[line].index(needle)
    return tokenize(text)[(line, column)]


def test_operation_lines_name_legs_rooms_and_steps():
    text = "flow f\n  operation hold caller in desk\n  operation move agent -> customer.held during agent.start, idle\n"
    assert "keyword.other.operation-kind.flow" in scopes_of(text, "hold", 1)
    assert "variable.other.leg.flow" in scopes_of(text, "caller", 1)
    assert "variable.other.room.flow" in scopes_of(text, "desk", 1)
    assert "variable.other.leg.flow" in scopes_of(text, "customer", 2)
    assert "entity.name.function.step.flow" in scopes_of(text, "held", 2)
    assert "entity.name.function.step.flow" in scopes_of(text, "start", 2)
    assert "entity.name.function.step.flow" in scopes_of(text, "idle", 2)


def test_strings_keep_comments_and_keywords_inside_them():
    text = 'flow f\n  leg a entry\n    step s\n      say "press # then -> go \\u{e9} \\q" # real\n'
    assert "string.quoted.double.flow" in scopes_of(text, "#", 3)
    assert "string.quoted.double.flow" in scopes_of(text, "then", 3)
    assert "constant.character.escape.flow" in scopes_of(text, "\\u", 3)
    assert "invalid.illegal.escape.flow" in scopes_of(text, "\\q", 3)
    assert "comment.line.number-sign.flow" in scopes_of(text, "# real", 3)


def test_broken_input_is_marked_and_an_unterminated_string_stops_at_the_line_end():
    text = 'flow f\n  leg a entry\n    step s\n      say "open\n      pause 5min\n      say \u201ccurly\u201d - x\n'
    assert "keyword.control.verb.flow" in scopes_of(text, "pause", 4), "the string did not swallow the next line"
    assert "invalid.illegal.number.flow" in scopes_of(text, "5min", 4)
    assert "invalid.illegal.character.flow" in scopes_of(text, "\u201c", 5)
    assert "invalid.illegal.character.flow" in scopes_of(text, "- x", 5)


def test_the_extension_manifest_uses_this_grammar_and_starts_the_server():
    folder = ROOT / "Editors" / "vscode"
    manifest = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    contributes = manifest["contributes"]
    language = contributes["languages"][0]
    assert language["extensions"] == [".flow"]
    assert json.loads((folder / language["configuration"]).read_text(encoding="utf-8"))["comments"]["lineComment"] == "#"
    grammar = contributes["grammars"][0]
    assert grammar["language"] == language["id"]
    assert grammar["scopeName"] == GRAMMAR["scopeName"]
    assert (folder / grammar["path"]).resolve() == (folder / "syntaxes" / "flow.tmLanguage.json").resolve()
    assert "vscode-languageclient" in manifest["dependencies"]
    script = (folder / manifest["main"]).read_text(encoding="utf-8")
    assert 'args: ["lsp"]' in script and "vscode-languageclient/node" in script
    indent = json.loads((folder / language["configuration"]).read_text(encoding="utf-8"))["indentationRules"]
    pattern = re.compile(indent["increaseIndentPattern"])
    assert pattern.match("    step start") and pattern.match("    wait") and not pattern.match("    wait music")
    assert not pattern.match('      say "x"')
