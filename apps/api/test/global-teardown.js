const fs = require('node:fs');

module.exports = async function globalTeardown() {
  const handle = globalThis.__FAZHI_TEST_PG__;
  if (!handle) return;
  await handle.pg.stop();
  fs.rmSync(handle.base, { recursive: true, force: true });
};
