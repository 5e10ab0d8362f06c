import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTypeScript,
  {
    ignores: [
      '.next/**',
      '.next-test/**',
      '.next-bench/**',
      '.bench/**',
      'node_modules/**',
      'lib/generated/**',
      '.data/**',
      '.test-results/**',
      '.screenshots/**',
      'playwright-report/**',
      'test-results/**',
      'next-env.d.ts',
    ],
  },
];

export default config;
