import FlowTestSupport
import FlowDiagnostics
import Testing

@Suite struct SARIFRendererTests {
    /// An emoji before the span: two UTF-16 units and four UTF-8 bytes per scalar, one character in all.
    static let file = SourceFile(path: "flows/ivr.flow", text: "step main\n  say \"👋🏽\" -> mian\n")

    static let rules = [
        DiagnosticCodeEntry(
            .duplicateName, title: "unknown step",
            explanation: "A transition names a step that the leg does not declare.",
            wrong: .flow("-> mian"), right: .flow("-> main"))
    ]

    static var diagnostics: [Diagnostic] {
        let mian = span(of: "mian", in: file)
        return [
            Diagnostic(
                .invalidTwiMLStructure, .warning, "something odd",
                at: detachedSpan("other flow.flow", line: 3, columns: 2..<6, offset: 40)),
            Diagnostic(
                .duplicateName, .error, "unknown step 'mian'", at: mian,
                notes: [
                    Note("step 'main' declared here", at: span(of: "main", in: file)), Note("names are case-sensitive"),
                ],
                help: "did you mean 'main'?",
                fixIts: [
                    FixIt("use 'main'", edits: [TextEdit(span: mian, replacement: "main")]),
                    FixIt("declare the step", edits: []),
                ]),
            Diagnostic(.unconfirmedTwiML, .note, "just so you know", at: nil),
        ]
    }

    @Test func exactLog() {
        let renderer = SARIFRenderer(toolVersion: "0.1.0", rules: Self.rules)
        let region = """
            {
              "charLength": 4,
              "charOffset": 26,
              "endColumn": 21,
              "endLine": 2,
              "startColumn": 17,
              "startLine": 2
            }
            """
        let expected = #"""
            {
              "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
              "runs": [
                {
                  "columnKind": "utf16CodeUnits",
                  "results": [
                    {
                      "level": "note",
                      "message": {
                        "text": "just so you know"
                      },
                      "ruleId": "FLOW413"
                    },
                    {
                      "fixes": [
                        {
                          "artifactChanges": [
                            {
                              "artifactLocation": {
                                "uri": "flows/ivr.flow"
                              },
                              "replacements": [
                                {
                                  "deletedRegion": DELETED_REGION,
                                  "insertedContent": {
                                    "text": "main"
                                  }
                                }
                              ]
                            }
                          ],
                          "description": {
                            "text": "use 'main'"
                          }
                        }
                      ],
                      "level": "error",
                      "locations": [
                        {
                          "physicalLocation": {
                            "artifactLocation": {
                              "uri": "flows/ivr.flow"
                            },
                            "region": LOCATION_REGION
                          }
                        }
                      ],
                      "message": {
                        "text": "unknown step 'mian'\nnote: names are case-sensitive\nhelp: did you mean 'main'?\nfix-it: declare the step"
                      },
                      "relatedLocations": [
                        {
                          "id": 0,
                          "message": {
                            "text": "step 'main' declared here"
                          },
                          "physicalLocation": {
                            "artifactLocation": {
                              "uri": "flows/ivr.flow"
                            },
                            "region": {
                              "charLength": 4,
                              "charOffset": 5,
                              "endColumn": 10,
                              "endLine": 1,
                              "startColumn": 6,
                              "startLine": 1
                            }
                          }
                        }
                      ],
                      "ruleId": "FLOW201",
                      "ruleIndex": 0
                    },
                    {
                      "level": "warning",
                      "locations": [
                        {
                          "physicalLocation": {
                            "artifactLocation": {
                              "uri": "other%20flow.flow"
                            },
                            "region": {
                              "endLine": 3,
                              "startLine": 3
                            }
                          }
                        }
                      ],
                      "message": {
                        "text": "something odd"
                      },
                      "ruleId": "FLOW414"
                    }
                  ],
                  "tool": {
                    "driver": {
                      "informationUri": "https://github.com/flowc/flowc",
                      "name": "flowc",
                      "rules": [
                        {
                          "defaultConfiguration": {
                            "level": "error"
                          },
                          "fullDescription": {
                            "text": "A transition names a step that the leg does not declare."
                          },
                          "help": {
                            "text": "A transition names a step that the leg does not declare.\n\nWrong (.flow file):\n-> mian\n\nRight (.flow file):\n-> main"
                          },
                          "id": "FLOW201",
                          "name": "duplicate-name",
                          "shortDescription": {
                            "text": "unknown step"
                          }
                        }
                      ],
                      "version": "0.1.0"
                    }
                  }
                }
              ],
              "version": "2.1.0"
            }

            """#
        func indented(_ text: String, by width: Int) -> String {
            text.split(separator: "\n").joined(separator: "\n" + String(repeating: " ", count: width))
        }
        let resolved =
            expected
            .replacing("DELETED_REGION", with: indented(region, by: 22))
            .replacing("LOCATION_REGION", with: indented(region, by: 16))
        #expect(renderer.render(Self.diagnostics, sources: [Self.file.path: Self.file]) == resolved)
    }

    @Test func theDefaultRulesAreTheWholeCatalog() throws {
        let log = try AnyJSON.parse(SARIFRenderer().render([], sources: [:]))
        guard case .array(let rules)? = log["runs"]?[0]?["tool"]?["driver"]?["rules"] else {
            Issue.record("no rules array")
            return
        }
        #expect(rules.map { $0["id"] } == DiagnosticCatalog.all.map { .string($0.code.rawValue) })
        #expect(log["runs"]?[0]?["tool"]?["driver"]?["version"] == nil)
        #expect(log["runs"]?[0]?["results"] == .array([]))
    }

    @Test func optionsReachTheDriver() throws {
        let options = DiagnosticRenderOptions(
            format: .sarif, toolVersion: "9.8.7", informationURI: "https://example.com/flowc")
        let log = try AnyJSON.parse(DiagnosticRenderer.render([], sources: [:], options: options))
        #expect(log["runs"]?[0]?["tool"]?["driver"]?["version"] == .string("9.8.7"))
        #expect(log["runs"]?[0]?["tool"]?["driver"]?["informationUri"] == .string("https://example.com/flowc"))
    }

    @Test(arguments: [
        ("flows/ivr.flow", "flows/ivr.flow"),
        ("flows/my flow#2.flow", "flows/my%20flow%232.flow"),
        ("flows/ünï.flow", "flows/%C3%BCn%C3%AF.flow"),
        ("C:x/100%.flow", "C%3Ax/100%25.flow"),
        ("/tmp/a b.flow", "file:///tmp/a%20b.flow"),
    ])
    func pathsBecomeURIReferences(path: String, uri: String) throws {
        let diagnostic = Diagnostic(.duplicateName, .error, "m", at: detachedSpan(path, line: 1, columns: 1..<2, offset: 0))
        let log = try AnyJSON.parse(SARIFRenderer(rules: []).render([diagnostic], sources: [:]))
        let location = log["runs"]?[0]?["results"]?[0]?["locations"]?[0]?["physicalLocation"]
        #expect(location?["artifactLocation"]?["uri"] == .string(uri))
    }

    @Test func emptySpanIsAnInsertionPointAndCRLFCountsTheCarriageReturn() throws {
        let crlf = SourceFile(path: "c.flow", text: "a\r\nb\r\n")
        let atEnd = Diagnostic(.misplacedKeyword, .error, "m", at: crlf.span(from: 4, to: 4))
        let log = try AnyJSON.parse(SARIFRenderer(rules: []).render([atEnd], sources: [crlf.path: crlf]))
        let region = log["runs"]?[0]?["results"]?[0]?["locations"]?[0]?["physicalLocation"]?["region"]
        #expect(
            region
                == .object([
                    "startLine": .integer(2), "startColumn": .integer(2), "endLine": .integer(2),
                    "endColumn": .integer(2),
                    "charOffset": .integer(4), "charLength": .integer(0),
                ]))
    }
}
