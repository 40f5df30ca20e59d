// Test-wide setup: keep `natural` quiet on import and keep logs out of test output.
process.env.DOTENV_CONFIG_QUIET = 'true';
process.env.SEEN_LOG_LEVEL = process.env.SEEN_LOG_LEVEL ?? 'silent';
