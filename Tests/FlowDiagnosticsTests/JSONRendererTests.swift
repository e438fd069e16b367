import FlowTestSupport
import FlowDiagnostics
import Foundation
import Testing

@Suite struct JSONRendererTests {
    static let file = SourceFile(path: "flows/ivr.flow", text: "step main\n  goto mian\n")

    /// An error with every part filled in, and one without a location, given in the wrong order.
    static var diagnostics: [Diagnostic] {
        let mian = span(of: "mian", in: file)
        return [
            Diagnostic(
                .duplicateName, .error, "unknown step 'mian'", at: mian,
                notes: [
                    Note("step 'main' declared here", at: span(of: "main", in: file)), Note("names are case-sensitive"),
                ],
                help: "did you mean 'main'?",
                fixIts: [FixIt("use 'main'", edits: [TextEdit(span: mian, replacement: "main")])]),
            Diagnostic(.inputNotFound, .warning, "cannot read 'missing.flow'", at: nil),
        ]
    }

    /// `Docs/diagnostics.schema.json`, found from this file's path so the test needs no resources.
    static func schema() throws -> AnyJSON {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Docs/diagnostics.schema.json")
        return try AnyJSON.parse(String(contentsOf: url, encoding: .utf8))
    }

    @Test func exactDocument() {
        let expected = """
            {
              "diagnostics": [
                {
                  "code": "FLOW001",
                  "fixIts": [],
                  "help": null,
                  "message": "cannot read 'missing.flow'",
                  "notes": [],
                  "path": null,
                  "promotedBy": null,
                  "range": null,
                  "severity": "warning"
                },
                {
                  "code": "FLOW201",
                  "fixIts": [
                    {
                      "edits": [
                        {
                          "path": "flows/ivr.flow",
                          "range": {
                            "end": {
                              "column": 12,
                              "line": 2,
                              "offset": 21
                            },
                            "start": {
                              "column": 8,
                              "line": 2,
                              "offset": 17
                            }
                          },
                          "replacement": "main"
                        }
                      ],
                      "message": "use 'main'"
                    }
                  ],
                  "help": "did you mean 'main'?",
                  "message": "unknown step 'mian'",
                  "notes": [
                    {
                      "message": "step 'main' declared here",
                      "path": "flows/ivr.flow",
                      "range": {
                        "end": {
                          "column": 10,
                          "line": 1,
                          "offset": 9
                        },
                        "start": {
                          "column": 6,
                          "line": 1,
                          "offset": 5
                        }
                      }
                    },
                    {
                      "message": "names are case-sensitive",
                      "path": null,
                      "range": null
                    }
                  ],
                  "path": "flows/ivr.flow",
                  "promotedBy": null,
                  "range": {
                    "end": {
                      "column": 12,
                      "line": 2,
                      "offset": 21
                    },
                    "start": {
                      "column": 8,
                      "line": 2,
                      "offset": 17
                    }
                  },
                  "severity": "error"
                }
              ],
              "summary": {
                "errors": 1,
                "warnings": 1
              },
              "version": 1
            }

            """
        #expect(JSONRenderer().render(Self.diagnostics) == expected)
    }

    @Test func emptyRunIsAValidDocument() {
        #expect(
            JSONRenderer().render([])
                == "{\n  \"diagnostics\": [],\n  \"summary\": {\n    \"errors\": 0,\n    \"warnings\": 0\n  },\n  \"version\": 1\n}\n"
        )
    }

    @Test func stringsEscapeOnlyWhatJSONRequires() throws {
        let message = "a \"quoted\" \\ path/x\n\tnext\u{1}\u{1F} é 👋🏽"
        let rendered = JSONRenderer().render([Diagnostic(.inputNotFound, .error, message, at: nil)])
        #expect(rendered.contains(#""message": "a \"quoted\" \\ path/x\n\tnext\u0001\u001F é 👋🏽","#))
        #expect(try AnyJSON.parse(rendered)["diagnostics"]?[0]?["message"] == .string(message))
    }

    @Test func outputConformsToThePublishedSchema() throws {
        let schema = try Self.schema()
        let check = JSONSchemaCheck(root: schema)
        let documents = [
            JSONRenderer().render(Self.diagnostics),
            JSONRenderer().render([]),
            JSONRenderer().render([IVRFixture.unknownStep]),
        ]
        for document in documents {
            #expect(check.violations(of: try AnyJSON.parse(document)) == [])
        }
        #expect(schema["properties"]?["version"]?["const"] == .integer(JSONRenderer.schemaVersion))
    }

    @Test func theSchemaCheckRejectsWhatTheSchemaForbids() throws {
        let check = JSONSchemaCheck(root: try Self.schema())
        let bad = """
            {"version": 2, "diagnostics": [{"code": "E1", "severity": "fatal", "message": "m", "path": null,
             "range": {"start": {"line": 0, "column": 1, "offset": 0}}, "notes": [], "help": 3, "fixIts": [], "extra": 1}],
             "summary": {"errors": -1, "warnings": 0}}
            """
        let problems = check.violations(of: try AnyJSON.parse(bad))
        for expected in [
            "$.version: not the constant", "$.diagnostics[0]: unexpected key extra",
            "$.diagnostics[0].code: does not match",
            "$.diagnostics[0].severity: not in enum", "$.diagnostics[0].help: wrong type",
            "$.diagnostics[0].range: matches no anyOf alternative", "$.summary.errors: below minimum",
        ] {
            #expect(problems.contains { $0.hasPrefix(expected) }, "\(expected) not reported in \(problems)")
        }
    }
}
