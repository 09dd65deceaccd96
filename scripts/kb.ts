#!/usr/bin/env node
console.log("kb", process.version)
