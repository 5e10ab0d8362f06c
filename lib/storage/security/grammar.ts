/**
 * A validator for the subset of the IAM policy grammar Guestpass generates and relies on: Version,
 * Statement (Sid, Effect, Principal/NotPrincipal, Action/NotAction, Resource/NotResource, Condition
 * with known operators). It catches what S3 would otherwise reject at PutBucketPolicy time, or
 * worse, accept with a meaning nobody intended (a typo in an operator name silently never matches).
 */
export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: '*' | Record<string, string | string[]>;
  NotPrincipal?: Record<string, string | string[]>;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Id?: string;
  Statement: PolicyStatement[];
}

const BASE_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
];
const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const PRINCIPAL_TYPES = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);
const ACTION = /^(\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$/;
const ARN = /^(\*|arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+)$/;
const CONDITION_KEY = /^[a-zA-Z0-9-]+:[A-Za-z0-9_\-/]+$/;

/** True for an operator such as StringEquals, ForAnyValue:StringLike or NumericLessThanIfExists. */
export function isConditionOperator(name: string): boolean {
  const base = name.replace(/^(ForAnyValue|ForAllValues):/, '').replace(/IfExists$/, '');
  return BASE_OPERATORS.includes(base) && !(base === 'Null' && name !== 'Null');
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

function checkStrings(value: unknown, where: string, pattern: RegExp, what: string, errors: string[]) {
  const items = list(value);
  if (items.length === 0) errors.push(`${where} is empty`);
  for (const item of items) {
    if (typeof item !== 'string') errors.push(`${where} must be a string or a list of strings`);
    else if (!pattern.test(item)) errors.push(`${where}: ${JSON.stringify(item)} is not ${what}`);
  }
}

/** Every problem found in `doc`; an empty list means the document is valid. */
export function validatePolicy(doc: unknown): string[] {
  const errors: string[] = [];
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return ['the policy must be a JSON object'];
  const policy = doc as Record<string, unknown>;
  for (const key of Object.keys(policy))
    if (!['Version', 'Id', 'Statement'].includes(key)) errors.push(`unknown top-level element ${key}`);
  if (policy.Version !== '2012-10-17')
    errors.push('Version must be "2012-10-17" (the older 2008-10-17 has no policy variables)');
  if (!Array.isArray(policy.Statement) || policy.Statement.length === 0)
    return [...errors, 'Statement must be a non-empty list'];
  const sids = new Set<string>();
  policy.Statement.forEach((raw: unknown, index: number) => {
    const s = raw as Record<string, unknown>;
    const where = `Statement[${index}]${typeof s?.Sid === 'string' ? ` (${s.Sid})` : ''}`;
    if (typeof raw !== 'object' || raw === null) return errors.push(`${where} must be an object`);
    for (const key of Object.keys(s)) if (!STATEMENT_KEYS.has(key)) errors.push(`${where}: unknown element ${key}`);
    if (s.Sid !== undefined) {
      if (typeof s.Sid !== 'string' || !/^[A-Za-z0-9]+$/.test(s.Sid))
        errors.push(`${where}: Sid must be letters and digits only`);
      else if (sids.has(s.Sid)) errors.push(`${where}: duplicate Sid`);
      else sids.add(s.Sid);
    }
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') errors.push(`${where}: Effect must be "Allow" or "Deny"`);
    for (const [a, b] of [
      ['Principal', 'NotPrincipal'],
      ['Action', 'NotAction'],
      ['Resource', 'NotResource'],
    ]) {
      if (s[a] !== undefined && s[b] !== undefined) errors.push(`${where}: has both ${a} and ${b}`);
    }
    const principal = s.Principal ?? s.NotPrincipal;
    if (principal !== undefined && principal !== '*') {
      if (typeof principal !== 'object' || principal === null || Array.isArray(principal))
        errors.push(`${where}: Principal must be "*" or an object such as {"AWS": [...]}`);
      else
        for (const [type, value] of Object.entries(principal)) {
          if (!PRINCIPAL_TYPES.has(type)) errors.push(`${where}: unknown principal type ${type}`);
          else if (type === 'AWS')
            checkStrings(
              value,
              `${where} Principal.AWS`,
              /^(\*|\d{12}|arn:aws[a-z-]*:(iam|sts)::\d{12}:.+)$/,
              'an account id or IAM ARN',
              errors,
            );
          else checkStrings(value, `${where} Principal.${type}`, /^.+$/, 'a name', errors);
        }
    }
    const action = s.Action ?? s.NotAction;
    if (action === undefined) errors.push(`${where}: needs Action or NotAction`);
    else checkStrings(action, `${where} Action`, ACTION, 'an action such as s3:GetObject', errors);
    const resource = s.Resource ?? s.NotResource;
    if (resource === undefined) errors.push(`${where}: needs Resource or NotResource`);
    else checkStrings(resource, `${where} Resource`, ARN, 'an ARN', errors);
    if (s.Condition !== undefined) {
      if (typeof s.Condition !== 'object' || s.Condition === null || Array.isArray(s.Condition))
        errors.push(`${where}: Condition must be an object`);
      else
        for (const [operator, block] of Object.entries(s.Condition as Record<string, unknown>)) {
          if (!isConditionOperator(operator)) errors.push(`${where}: unknown condition operator ${operator}`);
          if (typeof block !== 'object' || block === null || Array.isArray(block) || Object.keys(block).length === 0) {
            errors.push(`${where}: ${operator} must map condition keys to values`);
            continue;
          }
          for (const [key, value] of Object.entries(block)) {
            if (!CONDITION_KEY.test(key)) errors.push(`${where}: ${JSON.stringify(key)} is not a condition key`);
            checkStrings(value, `${where} ${operator} ${key}`, /^[\s\S]*$/, 'a value', errors);
            if (/^Numeric/.test(operator.replace(/^(ForAnyValue|ForAllValues):/, '')))
              checkStrings(value, `${where} ${operator} ${key}`, /^-?\d+(\.\d+)?$/, 'a number', errors);
            if (/^Bool/.test(operator))
              checkStrings(value, `${where} ${operator} ${key}`, /^(true|false)$/, '"true" or "false"', errors);
          }
        }
    }
  });
  return errors;
}

/** Throws when `doc` is not a valid policy; returns it typed otherwise. */
export function assertValidPolicy(doc: unknown, what: string): PolicyDocument {
  const errors = validatePolicy(doc);
  if (errors.length) throw new Error(`${what} is not a valid IAM policy:\n  - ${errors.join('\n  - ')}`);
  return doc as PolicyDocument;
}
