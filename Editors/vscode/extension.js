// The VS Code side of flowc: the grammar (package.json contributes it) and the language server, which
// this file starts as `flowc lsp` over standard input and output.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("flowc");
  const command = settings.get("path") || "flowc";
  const paths = settings.get("paths");
  const serverOptions = {
    run: { command, args: ["lsp"], transport: TransportKind.stdio },
    debug: { command, args: ["lsp"], transport: TransportKind.stdio },
  };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "flow" },
      { scheme: "untitled", language: "flow" },
    ],
    // `paths` decides which files are compiled together (README, "Editors"); absent means flows/.
    initializationOptions: paths ? { paths } : {},
    synchronize: {
      // A change of `flowc.paths` reaches the server as workspace/didChangeConfiguration.
      configurationSection: "flowc",
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.flow"),
    },
  };
  client = new LanguageClient("flowc", "flowc", serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
