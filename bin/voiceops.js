#!/usr/bin/env node
// The `voiceops` command: runs the compiled CLI (npm run build:node makes out/).
import { runCli } from '../out/electron/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2));
