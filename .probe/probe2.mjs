import * as S from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
const c = new S.S3Client({ region: 'us-east-1', endpoint: 'http://127.0.0.1:17480', forcePathStyle: true, credentials: { accessKeyId: 'GUESTPASSLOCAL000000', secretAccessKey: 'guestpass-local-secret-0000000000000000' }, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
const B = 'probe2-' + Date.now();
await c.send(new S.CreateBucketCommand({ Bucket: B }));
await c.send(new S.PutObjectCommand({ Bucket: B, Key: 'other/x', Body: 'hi' }));
await c.send(new S.PutObjectCommand({ Bucket: B, Key: 'invoices/x', Body: 'hi' }));
const R = [`arn:aws:s3:::${B}`, `arn:aws:s3:::${B}/*`];
const variants = {
  age: { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: R, Condition: { NumericGreaterThan: { 's3:signatureAge': process.argv[2] ?? '86400000' } } },
  authTypeNotRes: { Effect: 'Deny', Principal: '*', Action: 's3:*', NotResource: [`arn:aws:s3:::${B}/invoices/*`], Condition: { StringEquals: { 's3:authType': 'REST-QUERY-STRING' } } },
  authTypeRes: { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${B}/other/*`], Condition: { StringEquals: { 's3:authType': 'REST-QUERY-STRING' } } },
  notResNoCond: { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', NotResource: [`arn:aws:s3:::${B}/invoices/*`] },
  both: [ { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: R, Condition: { NumericGreaterThan: { 's3:signatureAge': '86400000' } } }, { Effect: 'Deny', Principal: '*', Action: 's3:*', NotResource: [`arn:aws:s3:::${B}/invoices/*`], Condition: { StringEquals: { 's3:authType': 'REST-QUERY-STRING' } } } ],
  age1: { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: R, Condition: { NumericGreaterThan: { 's3:signatureAge': '1' } } },
  authHdr: { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: R, Condition: { StringEquals: { 's3:authType': 'REST-HEADER' } } },
  tls: { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: R, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
};
for (const [name, st] of Object.entries(variants)) {
  try { await c.send(new S.PutBucketPolicyCommand({ Bucket: B, Policy: JSON.stringify({ Version: '2012-10-17', Statement: Array.isArray(st) ? st : [st] }) })); } catch (e) { console.log(name, 'put policy', e.name); continue; }
  const out = [];
  for (const k of ['other/x', 'invoices/x']) {
    try { await c.send(new S.PutObjectCommand({ Bucket: B, Key: k, Body: 'hi' })); out.push(`hdrPUT ${k} ok`); } catch (e) { out.push(`hdrPUT ${k} ${e.name}`); }
    const u = await getSignedUrl(c, new S.GetObjectCommand({ Bucket: B, Key: k }), { expiresIn: 60 });
    out.push(`psGET ${k} ${(await fetch(u)).status}`);
  }
  console.log(name, out.join(' | '));
  await c.send(new S.DeleteBucketPolicyCommand({ Bucket: B }));
}
