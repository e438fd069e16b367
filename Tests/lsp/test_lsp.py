"""End-to-end test of `flowc lsp` driven by a real LSP client (pygls's LanguageClient over stdio),
as an editor drives it: open a broken flow, read its diagnostics, fix it, watch them clear; hover, go to
definition, references, symbols, completion, formatting, quick fixes; then the protocol's error answers
to malformed input, spoken as raw bytes.

Run by .ci/run in a venv (pip install pygls pytest); FLOWC names the built binary.
"""

import asyncio
import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient

FLOWC = os.environ.get("FLOWC", str(Path(__file__).resolve().parents[2] / ".build" / "debug" / "flowc"))
TIMEOUT = 30

BROKEN = """flow main
  leg caller entry
    step start
      say "Caf\\u{e9} ☎ 😀 hello" loop=2 bogus=1
      pause 5
      go -> nowhere
    step bye
      say "Goodbye."
      hangup
"""

# Hangs up leg 'agent' when 'hold-customer' moves the customer away: only the continuation proof sees it.
DROPPED = """flow direct
  serve at "https://twiml.example.com/direct"
  queue parked
  leg agent outbound
    step start
      dial customer "+15557654321" then hangup
  leg customer dialed
    step held
      enqueue parked then hangup
  operation hold customer -> held
"""


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2


def position_of(text, needle, encoding="utf-16", occurrence=0):
    """The LSP position of the start of the `occurrence`-th `needle` in `text`, counted independently of
    the server (Python's own encoders)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    line = text.count("\n", 0, start)
    prefix = text[text.rfind("\n", 0, start) + 1:start]
    character = utf16_len(prefix) if encoding == "utf-16" else len(prefix.encode("utf-8"))
    return types.Position(line=line, character=character)


class Session:
    """One server process and what it published."""

    def __init__(self, root, encodings=None):
        self.root = Path(root)
        self.encodings = encodings
        self.client = LanguageClient("flowc-lsp-test", "1")
        self.diagnostics = {}  # uri -> list of (version, [Diagnostic])
        self.changed = asyncio.Condition()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        async def published(params):
            async with self.changed:
                self.diagnostics.setdefault(params.uri, []).append((params.version, params.diagnostics))
                self.changed.notify_all()

    async def start(self):
        await self.client.start_io(FLOWC, "lsp")
        general = types.GeneralClientCapabilities(position_encodings=self.encodings) if self.encodings else None
        result = await asyncio.wait_for(self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(general=general),
            root_uri=self.root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=self.root.as_uri(), name="test")],
        )), TIMEOUT)
        self.client.initialized(types.InitializedParams())
        return result

    async def wait_for(self, uri, predicate, what):
        """The latest diagnostics published for `uri` once `predicate` holds for them."""
        async def check():
            async with self.changed:
                while True:
                    latest = self.diagnostics.get(uri, [])
                    if latest and predicate(latest[-1]):
                        return latest[-1][1]
                    await self.changed.wait()
        try:
            return await asyncio.wait_for(check(), TIMEOUT)
        except asyncio.TimeoutError:
            pytest.fail(f"timed out waiting for {what} on {uri}; published: {self.diagnostics.get(uri)}")

    def open(self, uri, text, version=1):
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="flow", version=version, text=text)))

    def change(self, uri, version, text, range=None):
        event = (types.TextDocumentContentChangePartial(range=range, text=text) if range
                 else types.TextDocumentContentChangeWholeDocument(text=text))
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[event]))

    async def stop(self):
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        await asyncio.wait_for(self.client._server.wait(), TIMEOUT)
        code = self.client._server.returncode
        await self.client.stop()
        return code


def codes(diagnostics):
    return sorted(str(d.code) for d in diagnostics)


def apply_edits(text, edits, encoding="utf-16"):
    """Applies LSP text edits the way an editor does (from the end backwards)."""
    lines = text.split("\n")

    def offset(position):
        line_start = sum(len(l) + 1 for l in lines[:position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units = 0
        for index, char in enumerate(line):
            if units >= position.character:
                return line_start + index
            units += utf16_len(char) if encoding == "utf-16" else len(char.encode("utf-8"))
        return line_start + len(line)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
        lines = text.split("\n")
    return text


@pytest.fixture
def workspace():
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "flows").mkdir()
        (root / "flows" / "other.flow").write_text(
            "flow other\n  leg caller entry\n    step start\n      hangup\n", encoding="utf-8")
        yield root


def test_an_editor_session(workspace):
    asyncio.run(editor_session(workspace))


async def editor_session(root):
    session = Session(root)
    init = await session.start()
    assert init.capabilities.position_encoding in (None, types.PositionEncodingKind.Utf16, "utf-16")
    main = (root / "flows" / "main.flow").as_uri()
    other = (root / "flows" / "other.flow").as_uri()
    text = BROKEN
    session.open(main, text)

    # Diagnostics as `flowc check` prints them: codes and ranges in UTF-16 (the line has é, ☎ and an
    # emoji before 'bogus', which counts two UTF-16 units).
    found = await session.wait_for(main, lambda entry: entry[1], "the first diagnostics")
    assert codes(found) == ["FLOW203", "FLOW204", "FLOW205"], found
    by_code = {str(d.code): d for d in found}
    assert by_code["FLOW203"].range.start == position_of(text, "nowhere")
    assert by_code["FLOW203"].range.end.character == position_of(text, "nowhere").character + len("nowhere")
    assert by_code["FLOW205"].range.start == position_of(text, "bogus")
    assert by_code["FLOW204"].range.start == position_of(text, "5\n")
    assert all(d.severity == types.DiagnosticSeverity.Error and d.source == "flowc" for d in found)
    assert "did you mean" in by_code["FLOW205"].message or "help:" in by_code["FLOW205"].message
    # The buffer is unsaved; the command line checks the same text from a scratch copy.
    (root / "scratch.flow").write_text(text, encoding="utf-8")
    with_cli = subprocess.run([FLOWC, "check", str(root / "scratch.flow")], capture_output=True, text=True)
    for code in codes(found):
        assert f"[{code}]" in with_cli.stderr, "the server reports what flowc check reports"

    # Hover on a diagnostic: its `flowc explain` text.
    hover = await session.client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=main), position=position_of(text, "5\n")))
    explain = subprocess.run([FLOWC, "explain", "FLOW204"], capture_output=True, text=True).stdout
    assert "FLOW204" in hover.contents.value
    assert explain.splitlines()[0] in hover.contents.value

    # A quick fix from the diagnostic's fix-it (FLOW204: add the unit), applied as an editor would.
    actions = await session.client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=main), range=by_code["FLOW204"].range,
        context=types.CodeActionContext(diagnostics=[by_code["FLOW204"]])))
    fixes = [a for a in actions if a.kind == types.CodeActionKind.QuickFix and a.diagnostics
             and str(a.diagnostics[0].code) == "FLOW204"]
    assert fixes, actions
    edits = fixes[0].edit.changes[main]
    fixed = apply_edits(text, edits)
    assert "pause 5s" in fixed
    # Sent as an incremental change (the server advertises incremental sync).
    edit = edits[0]
    session.change(main, 2, edit.new_text, range=edit.range)
    text = fixed
    found = await session.wait_for(main, lambda entry: entry[0] == 2, "diagnostics of version 2")
    assert codes(found) == ["FLOW203", "FLOW205"]

    # Fix the rest with whole-document changes; the diagnostics clear.
    text = text.replace(" bogus=1", "").replace("-> nowhere", "-> bye")
    session.change(main, 3, text)
    found = await session.wait_for(main, lambda entry: entry[0] == 3, "diagnostics of version 3")
    assert not found, found

    # Hover, definition and references of a step.
    reference = position_of(text, "bye")
    hover = await session.client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=main), position=reference))
    assert "step" in hover.contents.value and "`bye`" in hover.contents.value
    assert 'say "Goodbye."' in hover.contents.value, "the hover shows the step as written"
    definition = await session.client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=main), position=reference))
    definition = definition[0] if isinstance(definition, list) else definition
    assert definition.uri == main
    assert definition.range.start == position_of(text, "bye", occurrence=1)
    references = await session.client.text_document_references_async(types.ReferenceParams(
        text_document=types.TextDocumentIdentifier(uri=main), position=definition.range.start,
        context=types.ReferenceContext(include_declaration=True)))
    assert sorted((r.range.start.line, r.range.start.character) for r in references) == sorted(
        [(p.line, p.character) for p in (position_of(text, "bye"), position_of(text, "bye", occurrence=1))])

    # Hover of a leg, and go to definition from a dial's leg in another document of the session.
    symbols = await session.client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=main)))
    assert [s.name for s in symbols] == ["main"]
    leg = symbols[0].children[0]
    assert leg.name == "caller" and [c.name for c in leg.children] == ["start", "bye"]

    # Completion of step names after '->', on a new line being typed.
    typing = text.replace("      go -> bye\n", "      go -> \n")
    session.change(main, 4, typing)
    completion = await session.client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=main), position=position_of(typing, "go -> \n") ))
    completion_at = position_of(typing, "go -> \n")
    completion = await session.client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=main),
        position=types.Position(line=completion_at.line, character=completion_at.character + len("go -> "))))
    items = completion.items if hasattr(completion, "items") else completion
    assert {"start", "bye"} <= {i.label for i in items}
    # And of options after a verb.
    option_line = typing.replace('say "Goodbye."', 'say "Goodbye." lo')
    session.change(main, 5, option_line)
    at = position_of(option_line, ' lo\n')
    completion = await session.client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=main),
        position=types.Position(line=at.line, character=at.character + 3)))
    assert [i.label for i in completion.items] == ["loop"]
    session.change(main, 6, text)
    await session.wait_for(main, lambda entry: entry[0] == 6, "diagnostics of version 6")

    # Formatting: the formatter's text, the same as `flowc fmt -`.
    messy = text.replace("  leg caller entry", "  leg   caller    entry").replace('say "Goodbye."', 'say    "Goodbye."')
    session.change(main, 7, messy)
    edits = await session.client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=main),
        options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
    expected = subprocess.run([FLOWC, "fmt", "-"], input=messy, capture_output=True, text=True).stdout
    assert expected and apply_edits(messy, edits) == expected
    session.change(main, 8, expected)

    # Files compile together, as `flowc check flows` compiles them: a second flow named 'other' makes
    # FLOW201 in other.flow, the file that is not open (the later path), pointing back at the buffer;
    # renaming it back clears it.
    clash = expected.replace("flow main", "flow other")
    session.change(main, 9, clash)
    found = await session.wait_for(main, lambda entry: entry[0] == 9, "diagnostics of version 9")
    assert not found
    found = await session.wait_for(other, lambda entry: "FLOW201" in codes(entry[1]), "FLOW201 in the file not open")
    assert found[0].related_information[0].location.uri == main
    assert found[0].related_information[0].location.range.start == types.Position(line=0, character=5)
    session.change(main, 10, expected)
    await session.wait_for(main, lambda entry: entry[0] == 10 and not entry[1], "clean version 10")
    await session.wait_for(other, lambda entry: not entry[1], "other.flow cleared")

    # The continuation proof runs as in `flowc check`: FLOW301 with the path as related information.
    direct = (root / "flows" / "direct.flow").as_uri()
    session.open(direct, DROPPED)
    found = await session.wait_for(direct, lambda entry: entry[1], "the proof's diagnostics")
    assert codes(found) == ["FLOW301"]
    assert found[0].range.start == position_of(DROPPED, "dial customer")
    assert found[0].related_information and all(r.location.uri == direct for r in found[0].related_information)

    assert await session.stop() == 0


def test_utf8_positions_when_the_client_offers_them(workspace):
    asyncio.run(utf8_session(workspace))


async def utf8_session(root):
    session = Session(root, encodings=[types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16])
    init = await session.start()
    assert init.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    uri = "untitled:Untitled-1"
    session.open(uri, BROKEN)
    found = await session.wait_for(uri, lambda entry: entry[1], "diagnostics of an unsaved buffer")
    bogus = next(d for d in found if str(d.code) == "FLOW205")
    assert bogus.range.start == position_of(BROKEN, "bogus", encoding="utf-8")
    assert bogus.range.start != position_of(BROKEN, "bogus", encoding="utf-16")
    assert await session.stop() == 0


# -- The protocol's error answers, on raw bytes ---------------------------------------------------------

def frame(body):
    data = body.encode("utf-8") if isinstance(body, str) else body
    return b"Content-Length: %d\r\n\r\n" % len(data) + data


def read_messages(stream, count):
    messages = []
    while len(messages) < count:
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            byte = stream.read(1)
            if not byte:
                return messages
            header += byte
        length = int([l for l in header.decode().split("\r\n") if l.lower().startswith("content-length")][0]
                     .split(":")[1])
        messages.append(json.loads(stream.read(length)))
    return messages


def test_malformed_input_gets_error_responses_and_never_crashes():
    initialize = json.dumps({"jsonrpc": "2.0", "id": 2, "method": "initialize", "params": {"capabilities": {}}})
    requests = [
        frame(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {}})),  # before init
        frame("{not json"),                                                                             # parse error
        frame(b"[" * 100000 + b"]" * 100000),                                           # nested beyond any use
        frame(initialize),
        frame(json.dumps([1, 2])),                                                                    # not an object
        frame(json.dumps({"jsonrpc": "2.0", "id": 3, "method": "no/such/method"})),
        frame(json.dumps({"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover", "params": {}})),  # bad params
        frame(json.dumps({"jsonrpc": "1.0", "id": 5, "method": "shutdown"})),                       # wrong version
        b"Content-Type: nothing\r\n\r\n",                                                              # no length
        frame(json.dumps({"jsonrpc": "2.0", "id": 6, "method": "textDocument/hover",
                          "params": {"textDocument": {"uri": "file:///nowhere.flow"},
                                     "position": {"line": -5, "character": 99999}}})),
        frame(json.dumps({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                          "params": {"textDocument": {"uri": "file:///x.flow", "version": "one", "text": 7}}})),
        frame(json.dumps({"jsonrpc": "2.0", "id": 7, "method": "shutdown"})),
        frame(json.dumps({"jsonrpc": "2.0", "id": 8, "method": "textDocument/hover", "params": {}})),  # after shutdown
        frame(json.dumps({"jsonrpc": "2.0", "method": "exit"})),
    ]
    server = subprocess.Popen([FLOWC, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    server.stdin.write(b"".join(requests))
    server.stdin.flush()
    server.stdin.close()
    messages = read_messages(server.stdout, 100)
    assert server.wait(timeout=TIMEOUT) == 0, "exit after shutdown ends with 0"
    responses = [m for m in messages if "id" in m]
    by_id = {}
    for m in responses:
        by_id.setdefault(json.dumps(m["id"]), []).append(m)
    assert by_id["1"][0]["error"]["code"] == -32002
    nulls = [m["error"]["code"] for m in by_id["null"]]
    assert nulls == [-32700, -32700, -32600, -32700], nulls
    assert "capabilities" in by_id["2"][0]["result"]
    assert by_id["3"][0]["error"]["code"] == -32601
    assert by_id["4"][0]["error"]["code"] == -32602
    assert by_id["5"][0]["error"]["code"] == -32600
    assert "error" in by_id["6"][0]
    assert by_id["7"][0]["result"] is None
    assert by_id["8"][0]["error"]["code"] == -32600


def test_exit_without_shutdown_and_end_of_input_exit_one():
    server = subprocess.run([FLOWC, "lsp"], input=frame(json.dumps({"jsonrpc": "2.0", "method": "exit"})),
                            capture_output=True, timeout=TIMEOUT)
    assert server.returncode == 1 and server.stdout == b""
    server = subprocess.run([FLOWC, "lsp"], input=b"Content-Length: 10\r\n\r\n{", capture_output=True, timeout=TIMEOUT)
    assert server.returncode == 1


def test_hover_explains_a_code_written_in_a_comment(workspace):
    asyncio.run(code_in_comment(workspace))


async def code_in_comment(root):
    session = Session(root)
    await session.start()
    uri = "untitled:codes"
    text = "# flowc: ignore FLOW224 here\nflow f\n  leg caller entry\n    step start\n      hangup\n"
    session.open(uri, text)
    await session.wait_for(uri, lambda entry: True, "the first diagnostics")
    at = position_of(text, "FLOW224")
    hover = await session.client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=at.line, character=at.character + 3)))
    explain = subprocess.run([FLOWC, "explain", "FLOW224"], capture_output=True, text=True).stdout
    assert explain.splitlines()[0] in hover.contents.value
    assert hover.range.start == at
    assert await session.stop() == 0


REPO = Path(__file__).resolve().parents[2]


def test_every_kind_of_name_in_the_bundled_flows():
    asyncio.run(bundled_names())


async def bundled_names():
    """The repository itself as the workspace: its flows/ folder is the project, so every bundled flow is
    checked together (and must be clean), and definitions and references work for each kind of name."""
    session = Session(REPO)
    await session.start()
    support = (REPO / "flows" / "support_line.flow")
    desk = (REPO / "flows" / "front_desk.flow")
    texts = {}
    for path in (support, desk):
        texts[path.as_uri()] = path.read_text(encoding="utf-8")
        session.open(path.as_uri(), texts[path.as_uri()])
    for uri in texts:
        found = await session.wait_for(uri, lambda entry: True, "diagnostics of a bundled flow")
        assert not found, f"bundled flows are clean: {found}"

    async def definition(uri, needle, occurrence=0, offset=0):
        at = position_of(texts[uri], needle, occurrence=occurrence)
        at = types.Position(line=at.line, character=at.character + offset)
        result = await session.client.text_document_definition_async(types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=at))
        result = result[0] if isinstance(result, list) else result
        assert result is not None and result.uri == uri, f"no definition for {needle!r}"
        return result.range.start

    s = support.as_uri()
    text = texts[s]
    assert await definition(s, "play queue_music", offset=5) == position_of(text, "queue_music")       # asset
    assert await definition(s, "dial queue support", offset=11) == position_of(text, "support name")   # queue
    assert await definition(s, "hold caller", offset=5) == position_of(text, "caller entry")           # leg
    assert await definition(s, "-> held", offset=3) == position_of(text, "held\n")                     # step
    assert await definition(s, "-> pickup", offset=3) == position_of(text, "pickup\n")
    # `during start` names a step of the operation's leg (caller), not the agent's 'start'.
    assert await definition(s, "during start", offset=7) == position_of(text, "start\n")
    step_idle = position_of(text, "step idle")
    assert await definition(s, "during idle", offset=7) == types.Position(line=step_idle.line, character=step_idle.character + 5)
    operation = await definition(s, "operation hold", offset=10)                                         # operation
    assert operation == position_of(text, "hold caller")
    d = desk.as_uri()
    assert await definition(d, "join desk", offset=5) == position_of(texts[d], "desk shared")            # room

    references = await session.client.text_document_references_async(types.ReferenceParams(
        text_document=types.TextDocumentIdentifier(uri=s), position=position_of(text, "parked name"),
        context=types.ReferenceContext(include_declaration=False)))
    assert sorted(r.range.start.line for r in references) == sorted(
        [position_of(text, "enqueue parked").line, position_of(text, "dial queue parked").line])

    symbols = await session.client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=s)))
    names = {c.name for c in symbols[0].children}
    assert {"queue_music", "hold_music", "support", "parked", "caller", "agent", "hold-caller",
            "reconnect-agent"} <= names

    hover = await session.client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=s), position=position_of(text, "caller entry")))
    assert "`entry`" in hover.contents.value
    assert "Steps: `start`, `held`, `after_call`." in hover.contents.value
    hover = await session.client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=s), position=position_of(text, "timeout=60s")))
    assert "option `timeout` of `dial`" in hover.contents.value and "5 s" in hover.contents.value
    assert await session.stop() == 0


def test_rename_and_verb_hover(workspace):
    asyncio.run(rename_session(workspace))


async def rename_session(root):
    session = Session(root)
    await session.start()
    uri = "untitled:rename"
    text = ("flow f\n  serve at \"https://twiml.example.com/f\"\n  leg caller entry\n    step start\n"
            "      say \"Hi\"\n      go -> later\n    step later\n      hangup\n"
            "  operation move caller -> later during start, caller.later\n")
    session.open(uri, text)
    found = await session.wait_for(uri, lambda entry: True, "the first diagnostics")
    assert not found, found
    document = types.TextDocumentIdentifier(uri=uri)
    at = position_of(text, "later")
    prepared = await session.client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=document, position=at))
    assert prepared.range.start == at
    edit = await session.client.text_document_rename_async(
        types.RenameParams(text_document=document, position=at, new_name="after"))
    renamed = apply_edits(text, edit.changes[uri])
    assert "later" not in renamed and renamed.count("after") == 4
    session.change(uri, 2, renamed)
    found = await session.wait_for(uri, lambda entry: entry[0] == 2, "diagnostics after the rename")
    assert not found, "the renamed flow still checks clean"
    # A name that is not an identifier, or that is taken, is refused; an operation cannot be renamed.
    for bad in ("two words", "start"):
        with pytest.raises(Exception):
            await session.client.text_document_rename_async(
                types.RenameParams(text_document=document, position=position_of(renamed, "after"), new_name=bad))
    operation = await session.client.text_document_prepare_rename_async(types.PrepareRenameParams(
        text_document=document, position=position_of(renamed, "move caller")))
    assert operation is None
    hover = await session.client.text_document_hover_async(types.HoverParams(
        text_document=document, position=position_of(renamed, "go ->")))
    assert "<Redirect>" in hover.contents.value
    assert await session.stop() == 0


def test_a_configuration_change_moves_the_project(workspace):
    asyncio.run(configuration_session(workspace))


async def configuration_session(root):
    """`flowc.paths` (the extension's setting) arrives as workspace/didChangeConfiguration: a file outside
    flows/ joins the project, and the flow name it shares with flows/other.flow becomes FLOW201."""
    (root / "more").mkdir()
    session = Session(root)
    await session.start()
    uri = (root / "more" / "extra.flow").as_uri()
    text = "flow other\n  leg caller entry\n    step start\n      hangup\n"
    session.open(uri, text)
    found = await session.wait_for(uri, lambda entry: True, "the diagnostics of a file checked alone")
    assert not found, "outside flows/, the file is checked alone"
    session.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"flowc": {"paths": ["flows", "more"]}}))
    other = (root / "flows" / "other.flow").as_uri()
    # The later path (more/ after flows/) holds the duplicate, as `flowc check flows more` reports it.
    found = await session.wait_for(uri, lambda entry: "FLOW201" in codes(entry[1]), "FLOW201 once both are one project")
    assert found[0].related_information[0].location.uri == other
    assert await session.stop() == 0
