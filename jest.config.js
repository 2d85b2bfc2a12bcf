/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // Browser end-to-end tests run with their own runner (npm run test:e2e), not here.
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  // A safety net, not a check: user-event typing in jsdom is slow on a loaded 2-core machine, and
  // a test that fails only by its clock is a flaky test (speed is measured by npm run bench).
  testTimeout: 30_000,
};
