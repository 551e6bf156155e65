/** One test runner for the whole monorepo: each workspace is a jest project. */
const fs = require('node:fs');
const path = require('node:path');

const projects = ['libs/contracts', 'apps/api', 'apps/web'].map((dir) => path.join(__dirname, dir, 'jest.config.js')).filter((file) => fs.existsSync(file));

module.exports = { projects, testTimeout: 60_000 };
