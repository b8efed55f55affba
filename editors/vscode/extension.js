// Starts `iac-analyzers lsp` for YAML and JSON files. The server decides by content which files are CloudFormation
// templates (as the build does) and publishes nothing for the others.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('iacAnalyzers');
  const command = config.get('server.command', 'iac-analyzers');
  const args = config.get('server.args', ['lsp']);
  const serverOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'untitled', language: 'json' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{.editorconfig,.globalconfig}') },
  };
  client = new LanguageClient('iacAnalyzers', 'IacAnalyzers', serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
