import { describe, expect, it } from 'vitest';
import { personName } from '@/lib/accounts/input';

describe('personName', () => {
  it('keeps any visible name, trimmed and in one Unicode form', () => {
    expect(personName.parse('  Zoë Ångström  ')).toBe('Zoë Ångström');
    expect(personName.parse('Zoe\u0308')).toBe('Zoë');
    expect(personName.parse('李小龍 🐉')).toBe('李小龍 🐉');
    expect(personName.parse("O'Brien <script>")).toBe("O'Brien <script>");
  });

  it.each([
    ['a line break', 'Alice\nBcc: x@example.com'],
    ['a tab', 'Alice\tAdmin'],
    ['NUL', 'Alice\0'],
    ['a C1 control', 'Alice\u0085'],
    ['a right-to-left override', 'Alice\u202egnp.exe'],
    ['a direction isolate', '\u2067Admin\u2069'],
    ['a lone surrogate', 'Alice\ud800'],
  ])('refuses %s with a message', (_, name) => {
    const result = personName.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/visible characters only/);
  });

  it('refuses an empty or overlong name', () => {
    expect(personName.safeParse('   ').error?.issues[0].message).toBe('Enter a name.');
    expect(personName.safeParse('x'.repeat(101)).error?.issues[0].message).toBe('Use at most 100 characters.');
  });
});
