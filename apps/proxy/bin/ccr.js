#!/usr/bin/env node
// The `ccr` bin. It is a checked-in file rather than dist/cli.js itself so that it exists before the
// first build: package managers link bins at install time and warn when the target is missing.
import "../dist/cli.js";
