import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTIONS,
  AUDIT_SUBJECTS,
  auditActionLabel,
  auditOutcomeLabel,
  auditSubjectLabel,
} from '@/lib/audit-vocabulary';

describe('the audit vocabulary', () => {
  it('gives every action a label and a known subject type, and codes the form <noun>.<verb>', () => {
    for (const [code, { label, subject }] of Object.entries(AUDIT_ACTIONS)) {
      expect(code).toMatch(/^[a-z]+(\.[a-z-]+)+$/);
      expect(label.trim(), code).not.toBe('');
      expect(Object.keys(AUDIT_SUBJECTS)).toContain(subject);
    }
  });

  it('spells subject types one way (camelCase codes), with distinct labels', () => {
    for (const code of Object.keys(AUDIT_SUBJECTS)) expect(code).toMatch(/^[a-z][a-zA-Z]*$/);
    const labels = Object.values(AUDIT_SUBJECTS);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('labels stored codes for the log page, and shows codes it does not know as they are', () => {
    expect(auditActionLabel('share.raw-url')).toBe('Raw pre-signed URL issued');
    expect(auditSubjectLabel('libraryFile')).toBe('Library file');
    expect(auditOutcomeLabel('refused')).toBe('Refused');
    expect(auditActionLabel('report.export')).toBe('report.export');
    expect(auditSubjectLabel('toString')).toBe('toString');
  });
});
