/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // Fluent's react-context-selector imports its peer `scheduler`, which npm (omit=peer) only
  // installed under react-dom; the same alias as in webpack.config.js.
  moduleNameMapper: { "^scheduler$": "<rootDir>/node_modules/react-dom/node_modules/scheduler" },
  // Browser end-to-end tests run with their own runner (npm run test:e2e), not here.
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
};
