/** Unit tests of the web app; also listed as a project of the root jest config. */
const { createCjsPreset } = require('jest-preset-angular/presets');

const preset = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|echarts/|zrender/|@angular/common/locales/))'],
  moduleNameMapper: {
    '^@fazhi/contracts$': '<rootDir>/../../libs/contracts/src/index.ts',
  },
};
