/** Realistic STS (query protocol, XML) responses for nock. */
export const STS_HOST = 'https://sts.us-east-1.amazonaws.com';

export function assumeRoleXml(action: 'AssumeRole' | 'AssumeRoleWithWebIdentity', account: string, role: string): string {
  return `<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <${action}Result>
    <Credentials>
      <AccessKeyId>ASIA${account}</AccessKeyId>
      <SecretAccessKey>secret-${account}</SecretAccessKey>
      <SessionToken>token-${account}</SessionToken>
      <Expiration>2030-01-01T00:00:00Z</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <AssumedRoleId>AROAEXAMPLE:session</AssumedRoleId>
      <Arn>arn:aws:sts::${account}:assumed-role/${role}/session</Arn>
    </AssumedRoleUser>
  </${action}Result>
  <ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata>
</${action}Response>`;
}

export function callerIdentityXml(account: string, role: string): string {
  return `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:sts::${account}:assumed-role/${role}/session</Arn>
    <UserId>AROAEXAMPLE:session</UserId>
    <Account>${account}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000001</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`;
}

export function stsErrorXml(code: string, message: string): string {
  return `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error>
  <RequestId>00000000-0000-0000-0000-000000000002</RequestId>
</ErrorResponse>`;
}

/** The form fields of an STS query request body (nock hands body matchers the parsed form). */
export function formFields(body: unknown): Record<string, string> {
  if (body && typeof body === 'object') return { ...(body as Record<string, string>) };
  return Object.fromEntries(new URLSearchParams(String(body)));
}
