import * as S from '@aws-sdk/client-s3';
const c = new S.S3Client({ region: 'us-east-1', endpoint: 'http://127.0.0.1:17480', forcePathStyle: true, credentials: { accessKeyId: 'GUESTPASSLOCAL000000', secretAccessKey: 'guestpass-local-secret-0000000000000000' }, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
const B = 'probe-' + Date.now();
async function t(name, cmd) { try { const r = await c.send(cmd); delete r.$metadata; console.log('OK ', name, JSON.stringify(r).slice(0, 300)); } catch (e) { console.log('ERR', name, e.name, e.$metadata?.httpStatusCode, e.message?.slice(0, 150)); } }
await t('create', new S.CreateBucketCommand({ Bucket: B }));
await t('getPAB', new S.GetPublicAccessBlockCommand({ Bucket: B }));
await t('putPAB', new S.PutPublicAccessBlockCommand({ Bucket: B, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }));
await t('getPAB', new S.GetPublicAccessBlockCommand({ Bucket: B }));
await t('getOwn', new S.GetBucketOwnershipControlsCommand({ Bucket: B }));
await t('putOwn', new S.PutBucketOwnershipControlsCommand({ Bucket: B, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }));
await t('getEnc', new S.GetBucketEncryptionCommand({ Bucket: B }));
await t('putEnc', new S.PutBucketEncryptionCommand({ Bucket: B, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } }));
await t('getEnc', new S.GetBucketEncryptionCommand({ Bucket: B }));
await t('getVer', new S.GetBucketVersioningCommand({ Bucket: B }));
await t('putVer', new S.PutBucketVersioningCommand({ Bucket: B, VersioningConfiguration: { Status: 'Enabled' } }));
await t('getVer', new S.GetBucketVersioningCommand({ Bucket: B }));
await t('getLc', new S.GetBucketLifecycleConfigurationCommand({ Bucket: B }));
await t('putLc', new S.PutBucketLifecycleConfigurationCommand({ Bucket: B, LifecycleConfiguration: { Rules: [
  { ID: 'abort-mpu', Status: 'Enabled', Filter: { Prefix: '' }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } },
  { ID: 'quarantine', Status: 'Enabled', Filter: { Prefix: 'avatars/quarantine/' }, Expiration: { Days: 1 }, NoncurrentVersionExpiration: { NoncurrentDays: 1 } },
] } }));
await t('getLc', new S.GetBucketLifecycleConfigurationCommand({ Bucket: B }));
await t('getPol', new S.GetBucketPolicyCommand({ Bucket: B }));
const pub = { Version: '2012-10-17', Statement: [{ Sid: 'Pub', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${B}/*` }] };
await t('putPublicPolicy', new S.PutBucketPolicyCommand({ Bucket: B, Policy: JSON.stringify(pub) }));
const pol = { Version: '2012-10-17', Statement: [
  { Sid: 'GuestpassDenyOldSignatures', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${B}`, `arn:aws:s3:::${B}/*`], Condition: { NumericGreaterThan: { 's3:signatureAge': '86400000' } } },
  { Sid: 'GuestpassDenyQueryAuthOutsidePrefixes', Effect: 'Deny', Principal: '*', Action: 's3:*', NotResource: [`arn:aws:s3:::${B}/avatars/*`, `arn:aws:s3:::${B}/invoices/*`], Condition: { StringEquals: { 's3:authType': 'REST-QUERY-STRING' } } },
] };
await t('putPolicy', new S.PutBucketPolicyCommand({ Bucket: B, Policy: JSON.stringify(pol) }));
await t('getPol', new S.GetBucketPolicyCommand({ Bucket: B }));
await t('getPolStatus', new S.GetBucketPolicyStatusCommand({ Bucket: B }));
const tls = { Version: '2012-10-17', Statement: [{ Sid: 'T', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${B}`, `arn:aws:s3:::${B}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] };
await t('getCors', new S.GetBucketCorsCommand({ Bucket: B }));
await t('putObj', new S.PutObjectCommand({ Bucket: B, Key: 'other/x', Body: 'hi' }));
const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
for (const k of ['other/x', 'invoices/x']) {
  await t('putObj', new S.PutObjectCommand({ Bucket: B, Key: k, Body: 'hi' }));
  const u = await getSignedUrl(c, new S.GetObjectCommand({ Bucket: B, Key: k }), { expiresIn: 60 });
  const r = await fetch(u); console.log('presigned GET', k, r.status, (await r.text()).slice(0, 120));
  const a = await fetch(`http://127.0.0.1:17480/${B}/${k}`); console.log('anon GET', k, a.status, (await a.text()).slice(0,120));
}
await t('delPol', new S.DeleteBucketPolicyCommand({ Bucket: B }));
console.log(B);
