"use strict";
// hms-room-codes for Node, CommonJS. `import` reaches this same module through
// index.mjs, so a program that mixes both gets one instance and one HmsError.
const glue = require("./hms_room_codes.js");
const { HmsError, isHmsError } = require("./@ERROR_JS@");

module.exports = { ...glue, HmsError, isHmsError };
