import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { REPO_ROOT } from './paths.ts';

describe('loadConfig', () => {
  it('defaults to port 3000 and ./data at the repository root, whatever the cwd', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(`${REPO_ROOT}data`);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.authSecretIsDefault).toBe(true);
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(
      expect.objectContaining({
        name: 'ConfigError',
        message: expect.stringMatching(/PORT[\s\S]*DATABASE_URL: must start with postgres[\s\S]*LOG_LEVEL/),
      }),
    );
  });

  it('migrates and seeds through DATABASE_ADMIN_URL, or through DATABASE_URL when it is not set', () => {
    const app = 'postgres://kayoi:secret@db.internal/kayoi';
    const owner = 'postgres://kayoi_owner:secret@db.internal/kayoi';
    expect(loadConfig({ DATABASE_URL: app, DATABASE_ADMIN_URL: owner })).toMatchObject({
      databaseUrl: app,
      databaseAdminUrl: owner,
    });
    expect(loadConfig({ DATABASE_URL: app })).toMatchObject({ databaseUrl: app, databaseAdminUrl: app });
    expect(loadConfig({}).databaseAdminUrl).toBeUndefined();
    expect(() => loadConfig({ DATABASE_URL: app, DATABASE_ADMIN_URL: 'mysql://x' })).toThrow(
      /DATABASE_ADMIN_URL: must start with postgres/,
    );
    expect(() => loadConfig({ DATABASE_ADMIN_URL: owner })).toThrow(/DATABASE_ADMIN_URL: needs DATABASE_URL/);
  });

  it('limits sign-ins to 10 a minute per address unless SIGN_IN_RATE_LIMIT says otherwise', () => {
    expect(loadConfig({}).signInRateLimit).toBe(10);
    expect(loadConfig({ SIGN_IN_RATE_LIMIT: '200' }).signInRateLimit).toBe(200);
    expect(() => loadConfig({ SIGN_IN_RATE_LIMIT: '0' })).toThrow(/SIGN_IN_RATE_LIMIT/);
  });

  it('requires BETTER_AUTH_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', BETTER_AUTH_SECRET: 'short' })).toThrow(
      /32 characters/,
    );
    const config = loadConfig({
      NODE_ENV: 'production',
      BETTER_AUTH_SECRET: 'x'.repeat(40),
      BASE_URL: 'https://kayoi.example.jp/',
    });
    expect(config.baseUrl).toBe('https://kayoi.example.jp');
    expect(config.trustedOrigins).toEqual(['https://kayoi.example.jp']);
  });

  it('trusts the base URL, local dev origins and extra TRUSTED_ORIGINS in development', () => {
    const config = loadConfig({ PORT: '4000', TRUSTED_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.trustedOrigins).toEqual(
      expect.arrayContaining([
        'http://127.0.0.1:4000',
        'http://localhost:5173',
        'https://a.example',
        'https://b.example',
      ]),
    );
  });
});
