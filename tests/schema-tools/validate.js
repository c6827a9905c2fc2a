#!/usr/bin/env node
// Validates JSON files against a JSON schema with ajv, for the test suite's schema conformance checks.
//
//   node validate.js SCHEMA [--definition NAME] FILE...
//
// Prints "valid FILE" or "invalid FILE" followed by the schema errors, one line per file; exits 0 when every
// file is valid, 1 when any is not, 2 when the command line or a file cannot be read.
// The official schemas are draft-06 and name themselves with "id": ajv 8 reads draft-06 once its meta-schema is
// added, and wants "$id" (see tests/data/schemas/README.md).
'use strict';

const fs = require('fs');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

function usage(message) {
    process.stderr.write(`validate.js: ${message}\nusage: node validate.js SCHEMA [--definition NAME] FILE...\n`);
    process.exit(2);
}

function readJson(path) {
    try {
        return JSON.parse(fs.readFileSync(path, 'utf8'));
    } catch (error) {
        process.stderr.write(`validate.js: cannot read ${path}: ${error.message}\n`);
        process.exit(2);
    }
}

const args = process.argv.slice(2);
if (args.length < 2)
    usage('a schema and at least one file are needed');
const schemaPath = args.shift();
let definition = null;
if (args[0] === '--definition') {
    args.shift();
    definition = args.shift();
    if (!definition)
        usage('--definition needs a name');
}
if (args.length === 0)
    usage('no file to validate');

const schema = readJson(schemaPath);
if (schema.id && !schema.$id) {
    schema.$id = schema.id;
    delete schema.id;
}
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
addFormats(ajv);
ajv.addSchema(schema);
let validate;
if (definition) {
    if (!schema.definitions || !schema.definitions[definition])
        usage(`${schemaPath} has no definition "${definition}"`);
    validate = ajv.getSchema(`${schema.$id}#/definitions/${definition}`);
} else {
    validate = ajv.getSchema(schema.$id);
}

let allValid = true;
for (const file of args) {
    const data = readJson(file);
    if (validate(data)) {
        process.stdout.write(`valid ${file}\n`);
        continue;
    }
    allValid = false;
    process.stdout.write(`invalid ${file}\n`);
    // Schemas built on anyOf/oneOf report every alternative that failed; the first lines are enough to act on.
    const shown = validate.errors.slice(0, 20);
    for (const error of shown)
        process.stdout.write(`  ${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}\n`);
    if (validate.errors.length > shown.length)
        process.stdout.write(`  … and ${validate.errors.length - shown.length} more\n`);
}
process.exit(allValid ? 0 : 1);
