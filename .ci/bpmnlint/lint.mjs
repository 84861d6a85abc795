// Lints every BPMN file of the project as Camunda Modeler does (bpmnlint recommended rules plus
// camunda-compat for Camunda 7.24, configured in .bpmnlintrc beside this script).
// Usage: node .ci/bpmnlint/lint.mjs [file.bpmn ...]  (from anywhere; default: processes/ and test processes)
// Exits 1 on any error (lint error, unparsable XML or content the moddle does not understand); warnings and
// infos are printed only.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const require = createRequire(join(here, 'package.json'));

const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const { BpmnModdle } = require('bpmn-moddle');
const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json');

const FOLDERS = ['processes', 'src/test/resources/test-processes'];

function bpmnFilesUnder(folder) {
  if (!existsSync(folder)) {
    return [];
  }
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      return bpmnFilesUnder(path);
    }
    return name.endsWith('.bpmn') ? [path] : [];
  });
}

const files = process.argv.length > 2
  ? process.argv.slice(2).map((f) => resolve(f))
  : FOLDERS.flatMap((f) => bpmnFilesUnder(join(root, f))).sort();

const config = JSON.parse(readFileSync(join(here, '.bpmnlintrc'), 'utf8'));
const linter = new Linter({ config, resolver: new NodeResolver({ require }) });

let errors = 0;
let warnings = 0;

for (const file of files) {
  const name = relative(root, file);
  const moddle = new BpmnModdle({ camunda: camundaModdle });
  let definitions;
  try {
    const result = await moddle.fromXML(readFileSync(file, 'utf8'), 'bpmn:Definitions');
    definitions = result.rootElement;
    // an import warning means part of the file was not understood (and would be dropped by the Modeler)
    for (const warning of result.warnings) {
      errors++;
      console.log(`${name}: error  import  ${warning.message}`);
    }
  } catch (err) {
    errors++;
    console.log(`${name}: error  import  ${err.message}`);
    continue;
  }

  const results = await linter.lint(definitions);
  let fileProblems = 0;
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      const category = report.category === 'warn' ? 'warning' : report.category;
      if (category === 'error') {
        errors++;
      } else if (category === 'warning') {
        warnings++;
      }
      fileProblems++;
      console.log(`${name}: ${category}  ${report.id || ''}  ${report.message}  (${rule})`);
    }
  }
  if (fileProblems === 0) {
    console.log(`${name}: ok`);
  }
}

console.log(`bpmnlint: ${files.length} file(s), ${errors} error(s), ${warnings} warning(s)`);
if (files.length === 0) {
  console.log('bpmnlint: no BPMN files found');
}
process.exit(errors > 0 ? 1 : 0);
