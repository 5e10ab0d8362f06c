// oidc-provider publishes no type declarations; tests/helpers/oidc-provider.ts is its only user.
declare module 'oidc-provider';
