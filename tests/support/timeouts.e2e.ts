// testTimeout is a global jest option; per-project budgets are set here instead.
jest.setTimeout(240_000);
