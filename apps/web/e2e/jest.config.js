/** Browser tests, run by tools/browser-test.js against a server it starts (E2E_BASE_URL). */
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'web-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.e2e.js'],
  testTimeout: 60_000,
  maxWorkers: 3,
  transform: {},
};
