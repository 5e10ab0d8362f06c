import * as S from '@aws-sdk/client-s3';
const c = new S.S3Client({ region: 'us-east-1', endpoint: 'http://127.0.0.1:17480', forcePathStyle: true, credentials: { accessKeyId: 'GUESTPASSLOCAL000000', secretAccessKey: 'guestpass-local-secret-0000000000000000' }, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
async function put(B, label) { try { await c.send(new S.PutObjectCommand({ Bucket: B, Key: 'invoices/x', Body: 'hi' })); console.log(label, 'put ok'); } catch (e) { console.log(label, 'put', e.name); } }
for (const cfg of [{ BlockPublicAcls: true }, { IgnorePublicAcls: true }, { BlockPublicPolicy: true }, { RestrictPublicBuckets: true }]) {
  const B = 'p3-' + Date.now();
  await c.send(new S.CreateBucketCommand({ Bucket: B }));
  await c.send(new S.PutPublicAccessBlockCommand({ Bucket: B, PublicAccessBlockConfiguration: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false, ...cfg } }));
  await put(B, JSON.stringify(cfg));
  const r = await fetch(`http://127.0.0.1:17480/${B}/invoices/x`); console.log('  anon', r.status);
  try { await c.send(new S.PutObjectCommand({ Bucket: B, Key: 'a', Body: 'hi', ACL: 'public-read' })); console.log('  public-read put ok'); } catch (e) { console.log('  public-read put', e.name); }
  const r2 = await fetch(`http://127.0.0.1:17480/${B}/a`); console.log('  anon a', r2.status);
}
